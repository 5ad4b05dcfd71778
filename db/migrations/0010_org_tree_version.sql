-- tenants.org_tree_version changes whenever the tenant's set of orgs or their places in the tree
-- change, so the org ids of a subtree can be cached per version (lib/orgs/subtree-cache.ts). A
-- trigger bumps it, so no writer of organizations — command, seed or test — can forget to. It
-- takes the tenant row after the org row, the order create and invite already lock them in
-- (the org for share, then the tenant), so it adds no deadlock.
ALTER TABLE "tenants" ADD COLUMN "org_tree_version" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
CREATE FUNCTION roster_org_tree_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- OLD is NULL on INSERT and NEW on DELETE; a NULL in the list matches nothing.
  UPDATE tenants SET org_tree_version = org_tree_version + 1 WHERE id IN (OLD.tenant_id, NEW.tenant_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_tree_changed
AFTER INSERT OR DELETE OR UPDATE OF tenant_id, parent_id, path ON organizations
FOR EACH ROW EXECUTE FUNCTION roster_org_tree_changed();
