-- Ties of the users table's non-unique sorts fall to the name, then the id (lib/users/list.ts):
-- each sort index is rebuilt with the name before the id, so a page still walks it and stops.
-- Rebuilding all fourteen takes tens of seconds at 1M users, during which writes to users wait.
DROP INDEX "users_org_org_name_idx";--> statement-breakpoint
DROP INDEX "users_org_role_idx";--> statement-breakpoint
DROP INDEX "users_org_location_idx";--> statement-breakpoint
DROP INDEX "users_org_status_idx";--> statement-breakpoint
DROP INDEX "users_org_last_login_idx";--> statement-breakpoint
DROP INDEX "users_org_registered_idx";--> statement-breakpoint
DROP INDEX "users_org_devices_idx";--> statement-breakpoint
DROP INDEX "users_tenant_org_name_idx";--> statement-breakpoint
DROP INDEX "users_tenant_role_idx";--> statement-breakpoint
DROP INDEX "users_tenant_location_idx";--> statement-breakpoint
DROP INDEX "users_tenant_status_idx";--> statement-breakpoint
DROP INDEX "users_tenant_last_login_idx";--> statement-breakpoint
DROP INDEX "users_tenant_registered_idx";--> statement-breakpoint
DROP INDEX "users_tenant_devices_idx";--> statement-breakpoint
CREATE INDEX "users_org_org_name_idx" ON "users" USING btree ("org_id","org_name","name","id");--> statement-breakpoint
CREATE INDEX "users_org_role_idx" ON "users" USING btree ("org_id","role","name","id","status_rank","last_login_key");--> statement-breakpoint
CREATE INDEX "users_org_location_idx" ON "users" USING btree ("org_id",coalesce("location_name", ''),"name","id");--> statement-breakpoint
CREATE INDEX "users_org_status_idx" ON "users" USING btree ("org_id","status_rank","last_login_key","name","id");--> statement-breakpoint
CREATE INDEX "users_org_last_login_idx" ON "users" USING btree ("org_id","last_login_key","name","id");--> statement-breakpoint
CREATE INDEX "users_org_registered_idx" ON "users" USING btree ("org_id","registered_at","name","id","status_rank","last_login_key");--> statement-breakpoint
CREATE INDEX "users_org_devices_idx" ON "users" USING btree ("org_id","device_count","name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_org_name_idx" ON "users" USING btree ("tenant_id","org_name","org_id","name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_role_idx" ON "users" USING btree ("tenant_id","role","name","id","status_rank","last_login_key");--> statement-breakpoint
CREATE INDEX "users_tenant_location_idx" ON "users" USING btree ("tenant_id",coalesce("location_name", ''),"name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_status_idx" ON "users" USING btree ("tenant_id","status_rank","last_login_key","name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_last_login_idx" ON "users" USING btree ("tenant_id","last_login_key","name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_registered_idx" ON "users" USING btree ("tenant_id","registered_at","name","id","status_rank","last_login_key");--> statement-breakpoint
CREATE INDEX "users_tenant_devices_idx" ON "users" USING btree ("tenant_id","device_count","name","id");