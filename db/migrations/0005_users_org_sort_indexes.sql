CREATE INDEX "users_org_email_idx" ON "users" USING btree ("org_id","email","id");--> statement-breakpoint
CREATE INDEX "users_org_org_name_idx" ON "users" USING btree ("org_id","org_name","id");--> statement-breakpoint
CREATE INDEX "users_org_role_idx" ON "users" USING btree ("org_id","role","id");--> statement-breakpoint
CREATE INDEX "users_org_location_idx" ON "users" USING btree ("org_id",coalesce("location_name", ''),"id");--> statement-breakpoint
CREATE INDEX "users_org_status_idx" ON "users" USING btree ("org_id",(CASE WHEN "suspended_at" IS NOT NULL THEN 0 WHEN "accepted_at" IS NULL THEN 1 ELSE 2 END),coalesce("last_login_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "users_org_last_login_idx" ON "users" USING btree ("org_id",coalesce("last_login_at", '-infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "users_org_registered_idx" ON "users" USING btree ("org_id","registered_at","id");--> statement-breakpoint
CREATE INDEX "users_org_devices_idx" ON "users" USING btree ("org_id","device_count","id");