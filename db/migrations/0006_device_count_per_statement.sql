-- users.device_count, maintained once per statement instead of once per device row: moving
-- 2,000 devices to one admin (a bulk delete) updated that admin's row 2,000 times — 1.7 s at
-- 100k users, with every update a new row version in each of the users indexes. Owners are
-- locked in id order first so two statements moving devices between the same people cannot
-- deadlock.
DROP TRIGGER devices_owner_count ON devices;--> statement-breakpoint
DROP FUNCTION roster_device_count();--> statement-breakpoint
CREATE FUNCTION roster_device_count_apply(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM users WHERE id IN (SELECT (key)::uuid FROM jsonb_each(deltas)) ORDER BY id FOR NO KEY UPDATE;
  UPDATE users u SET device_count = u.device_count + (d.value)::int
    FROM jsonb_each(deltas) d
    WHERE u.id = (d.key)::uuid AND (d.value)::int <> 0;
END $$;--> statement-breakpoint
CREATE FUNCTION roster_device_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roster_device_count_apply(coalesce((SELECT jsonb_object_agg(owner_id, n) FROM (SELECT owner_id, count(*) AS n FROM new_devices WHERE owner_id IS NOT NULL GROUP BY owner_id) c), '{}'));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION roster_device_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roster_device_count_apply(coalesce((SELECT jsonb_object_agg(owner_id, -n) FROM (SELECT owner_id, count(*) AS n FROM old_devices WHERE owner_id IS NOT NULL GROUP BY owner_id) c), '{}'));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION roster_device_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roster_device_count_apply(coalesce((
    SELECT jsonb_object_agg(owner_id, n) FROM (
      SELECT owner_id, sum(n) AS n FROM (
        SELECT nd.owner_id, 1 AS n FROM new_devices nd JOIN old_devices od ON od.id = nd.id
          WHERE nd.owner_id IS NOT NULL AND nd.owner_id IS DISTINCT FROM od.owner_id
        UNION ALL
        SELECT od.owner_id, -1 FROM new_devices nd JOIN old_devices od ON od.id = nd.id
          WHERE od.owner_id IS NOT NULL AND nd.owner_id IS DISTINCT FROM od.owner_id
      ) moves GROUP BY owner_id
    ) c), '{}'));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER devices_owner_count_insert AFTER INSERT ON devices
  REFERENCING NEW TABLE AS new_devices FOR EACH STATEMENT EXECUTE FUNCTION roster_device_count_insert();--> statement-breakpoint
CREATE TRIGGER devices_owner_count_delete AFTER DELETE ON devices
  REFERENCING OLD TABLE AS old_devices FOR EACH STATEMENT EXECUTE FUNCTION roster_device_count_delete();--> statement-breakpoint
CREATE TRIGGER devices_owner_count_update AFTER UPDATE ON devices
  REFERENCING OLD TABLE AS old_devices NEW TABLE AS new_devices FOR EACH STATEMENT EXECUTE FUNCTION roster_device_count_update();
