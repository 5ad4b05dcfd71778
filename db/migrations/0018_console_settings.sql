ALTER TABLE "locations" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachment" jsonb;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_name_ck" CHECK (char_length("locations"."name") between 1 and 80);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_address_ck" CHECK (char_length("locations"."address") <= 300);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_coordinates_ck" CHECK (("locations"."latitude" IS NULL) = ("locations"."longitude" IS NULL) AND "locations"."latitude" BETWEEN -90 AND 90 AND "locations"."longitude" BETWEEN -180 AND 180);--> statement-breakpoint
-- The catalogue's new permissions, given where the defaults give them (Admin and Staff) and
-- only where the role already holds what they depend on, so no stored grant set breaks a
-- dependency (lib/policy/permissions.ts).
INSERT INTO "role_grants" ("tenant_id", "org_id", "role_id", "permission")
SELECT g."tenant_id", g."org_id", g."role_id", 'org_devices.edit'
FROM "role_grants" g JOIN "roles" r ON r."id" = g."role_id"
WHERE r."builtin" AND r."key" IN ('admin', 'staff') AND g."permission" = 'org_devices.view'
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "role_grants" ("tenant_id", "org_id", "role_id", "permission")
SELECT g."tenant_id", g."org_id", g."role_id", 'users.send_device_log'
FROM "role_grants" g JOIN "roles" r ON r."id" = g."role_id"
WHERE r."builtin" AND r."key" IN ('admin', 'staff') AND g."permission" = 'users.view'
  AND EXISTS (SELECT 1 FROM "role_grants" d WHERE d."org_id" = g."org_id" AND d."role_id" = g."role_id" AND d."permission" = 'org_devices.view')
ON CONFLICT DO NOTHING;
