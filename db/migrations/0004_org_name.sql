-- users.org_name backs the "Org" sort of the users table. Triggers keep it right whatever
-- writes users or renames an org, so no command can forget it.
CREATE FUNCTION roster_user_org_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT name INTO NEW.org_name FROM organizations WHERE id = NEW.org_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_org_name
BEFORE INSERT OR UPDATE OF org_id ON users
FOR EACH ROW EXECUTE FUNCTION roster_user_org_name();
--> statement-breakpoint
CREATE FUNCTION roster_org_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET org_name = NEW.name WHERE org_id = NEW.id AND org_name IS DISTINCT FROM NEW.name;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_renamed
AFTER UPDATE OF name ON organizations
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION roster_org_renamed();
--> statement-breakpoint
UPDATE users u SET org_name = o.name FROM organizations o WHERE o.id = u.org_id;
