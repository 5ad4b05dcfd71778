-- The registered-date sort indexes carry the status rank and last login key after the id, as
-- the role indexes do, so a walk by registration date checks a status filter inside the index
-- instead of reading each passed row from the table (db/schema.ts). Rebuilding both takes a few
-- seconds at 1M users, during which writes to users wait.
DROP INDEX "users_org_registered_idx";--> statement-breakpoint
DROP INDEX "users_tenant_registered_idx";--> statement-breakpoint
CREATE INDEX "users_org_registered_idx" ON "users" USING btree ("org_id","registered_at","id","status_rank","last_login_key");--> statement-breakpoint
CREATE INDEX "users_tenant_registered_idx" ON "users" USING btree ("tenant_id","registered_at","id","status_rank","last_login_key");