DROP INDEX "users_org_last_login_idx";--> statement-breakpoint
DROP INDEX "users_tenant_location_idx";--> statement-breakpoint
DROP INDEX "users_tenant_last_login_idx";--> statement-breakpoint
DROP INDEX "users_tenant_pending_last_login_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "org_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "users_tenant_org_name_idx" ON "users" USING btree ("tenant_id","org_name","id");--> statement-breakpoint
CREATE INDEX "users_tenant_status_idx" ON "users" USING btree ("tenant_id",(CASE WHEN "suspended_at" IS NOT NULL THEN 0 WHEN "accepted_at" IS NULL THEN 1 ELSE 2 END),coalesce("last_login_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "users_tenant_location_idx" ON "users" USING btree ("tenant_id",coalesce("location_name", ''),"id");--> statement-breakpoint
CREATE INDEX "users_tenant_last_login_idx" ON "users" USING btree ("tenant_id",coalesce("last_login_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "users_tenant_pending_last_login_idx" ON "users" USING btree ("tenant_id",("accepted_at" IS NULL),coalesce("last_login_at", '-infinity'::timestamptz),"id");