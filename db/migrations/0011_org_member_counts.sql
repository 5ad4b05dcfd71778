-- org_member_counts: each org's own users and devices, kept by statement triggers, so the
-- organizations page and the org switcher read two integers per org instead of grouping every
-- user of the tenant (150–240 ms at a million users).
-- A table of its own, not columns of organizations: invitations, transfers and new sub-orgs
-- hold their org FOR SHARE while they add to it (so a concurrent delete of the org waits), and
-- the counter's update of an org row would wait for every other such command — two
-- invitations into one org deadlocked.
-- Once per statement, not per row: a bulk delete of 10,000 users changes one counter once.
-- Counters are changed in org id order, so two statements over the same orgs cannot deadlock,
-- and last: statement triggers fire in name order, so "zz" puts them after the device owner
-- counts of 0006, which lock users rows — users rows first, then counters, everywhere (a device
-- transfer and a transfer of its owner deadlocked the other way round).
-- Writers wait while the counters are filled, so nothing committed meanwhile goes uncounted.
LOCK TABLE organizations, users, devices IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
CREATE TABLE "org_member_counts" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"user_count" integer DEFAULT 0 NOT NULL,
	"device_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_member_counts" ADD CONSTRAINT "org_member_counts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO org_member_counts (org_id, user_count, device_count)
  SELECT o.id,
    (SELECT count(*) FROM users u WHERE u.org_id = o.id),
    (SELECT count(*) FROM devices d WHERE d.org_id = o.id)
  FROM organizations o;--> statement-breakpoint
-- Every org has its row from the start, so the counters below update and never insert (an
-- insert would check the org's foreign key, a lock the update does not take).
CREATE FUNCTION roster_org_counts_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_member_counts (org_id) SELECT id FROM added ORDER BY id ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organizations_counts_row AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION roster_org_counts_row();--> statement-breakpoint
CREATE FUNCTION roster_org_member_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counter text := CASE TG_TABLE_NAME WHEN 'users' THEN 'user_count' ELSE 'device_count' END;
  deltas jsonb;
BEGIN
  -- The transition tables are "added" (new rows) and "removed" (old rows), whichever exist.
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_object_agg(org_id, n) INTO deltas FROM (SELECT org_id, count(*) AS n FROM added GROUP BY org_id) c;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_object_agg(org_id, -n) INTO deltas FROM (SELECT org_id, count(*) AS n FROM removed GROUP BY org_id) c;
  ELSE
    SELECT jsonb_object_agg(org_id, n) INTO deltas FROM (
      SELECT org_id, sum(n) AS n FROM (
        SELECT a.org_id, 1 AS n FROM added a JOIN removed r ON r.id = a.id WHERE a.org_id <> r.org_id
        UNION ALL
        SELECT r.org_id, -1 FROM added a JOIN removed r ON r.id = a.id WHERE a.org_id <> r.org_id
      ) moves GROUP BY org_id HAVING sum(n) <> 0
    ) c;
  END IF;
  IF deltas IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM org_member_counts WHERE org_id IN (SELECT (key)::uuid FROM jsonb_each(deltas)) ORDER BY org_id FOR NO KEY UPDATE;
  EXECUTE format('UPDATE org_member_counts c SET %1$I = c.%1$I + (d.value)::int FROM jsonb_each($1) d WHERE c.org_id = (d.key)::uuid', counter)
    USING deltas;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_zz_org_count_insert AFTER INSERT ON users
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION roster_org_member_counts();--> statement-breakpoint
CREATE TRIGGER users_zz_org_count_delete AFTER DELETE ON users
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION roster_org_member_counts();--> statement-breakpoint
CREATE TRIGGER users_zz_org_count_update AFTER UPDATE ON users
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION roster_org_member_counts();--> statement-breakpoint
CREATE TRIGGER devices_zz_org_count_insert AFTER INSERT ON devices
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION roster_org_member_counts();--> statement-breakpoint
CREATE TRIGGER devices_zz_org_count_delete AFTER DELETE ON devices
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION roster_org_member_counts();--> statement-breakpoint
CREATE TRIGGER devices_zz_org_count_update AFTER UPDATE ON devices
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION roster_org_member_counts();
