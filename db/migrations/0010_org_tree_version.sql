-- org_tree_versions.version changes whenever a tenant's set of orgs or their places in the tree
-- change, so the org ids of a subtree can be cached per version (lib/orgs/subtree-cache.ts). A
-- trigger bumps it, so no writer of organizations — command, seed or test — can forget to.
-- The version is a row of its own, not a column of tenants: invitations, role commands and
-- org creation lock the tenant row (lockTenant), and an org delete that then waited for it
-- (holding the org and its cascaded role grants) could deadlock with deleting a role. Only org
-- inserts and deletes touch this row.
CREATE TABLE "org_tree_versions" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_tree_versions" ADD CONSTRAINT "org_tree_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
INSERT INTO org_tree_versions (tenant_id) SELECT id FROM tenants;
--> statement-breakpoint
CREATE FUNCTION roster_org_tree_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- OLD is NULL on INSERT and NEW on DELETE; a NULL in the list matches nothing. The row is
  -- created with the tenant's root org (its foreign key checked in that same transaction) and
  -- only updated after; a tenant being deleted has no row left to bump.
  INSERT INTO org_tree_versions AS v (tenant_id, version)
  SELECT id, 1 FROM tenants WHERE id IN (OLD.tenant_id, NEW.tenant_id)
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_tree_changed
AFTER INSERT OR DELETE OR UPDATE OF tenant_id, parent_id, path ON organizations
FOR EACH ROW EXECUTE FUNCTION roster_org_tree_changed();
