-- users.device_count backs the "Devices" sort; keeping it in a trigger means no command can
-- forget it.
CREATE FUNCTION roster_device_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.owner_id IS NOT NULL THEN
    UPDATE users SET device_count = device_count - 1 WHERE id = OLD.owner_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.owner_id IS NOT NULL THEN
    UPDATE users SET device_count = device_count + 1 WHERE id = NEW.owner_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER devices_owner_count
AFTER INSERT OR DELETE OR UPDATE OF owner_id ON devices
FOR EACH ROW EXECUTE FUNCTION roster_device_count();
--> statement-breakpoint
-- The audit log is append-only (security.md J3).
CREATE FUNCTION roster_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION roster_audit_append_only();
