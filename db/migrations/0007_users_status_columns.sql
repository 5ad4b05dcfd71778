DROP INDEX "users_tenant_pending_last_login_idx";--> statement-breakpoint
DROP INDEX "users_tenant_suspended_idx";--> statement-breakpoint
DROP INDEX "users_org_role_idx";--> statement-breakpoint
DROP INDEX "users_org_status_idx";--> statement-breakpoint
DROP INDEX "users_org_last_login_idx";--> statement-breakpoint
DROP INDEX "users_tenant_role_idx";--> statement-breakpoint
DROP INDEX "users_tenant_status_idx";--> statement-breakpoint
DROP INDEX "users_tenant_last_login_idx";--> statement-breakpoint
-- The status rank and the never-as-minus-infinity last login as stored columns (db/schema.ts),
-- added in one statement so the table is rewritten once: about a minute at 1M users, during
-- which the users table is locked (run it in a quiet hour on a large tenant).
ALTER TABLE "users"
  ADD COLUMN "status_rank" smallint GENERATED ALWAYS AS (CASE WHEN "suspended_at" IS NOT NULL THEN 0 WHEN "accepted_at" IS NULL THEN 1 ELSE 2 END) STORED NOT NULL,
  ADD COLUMN "last_login_key" timestamp with time zone GENERATED ALWAYS AS (coalesce("last_login_at", '-infinity'::timestamptz)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "users_org_role_idx" ON "users" USING btree ("org_id","role","id","status_rank","last_login_key");--> statement-breakpoint
CREATE INDEX "users_org_status_idx" ON "users" USING btree ("org_id","status_rank","last_login_key","id");--> statement-breakpoint
CREATE INDEX "users_org_last_login_idx" ON "users" USING btree ("org_id","last_login_key","id");--> statement-breakpoint
CREATE INDEX "users_tenant_role_idx" ON "users" USING btree ("tenant_id","role","id","status_rank","last_login_key");--> statement-breakpoint
CREATE INDEX "users_tenant_status_idx" ON "users" USING btree ("tenant_id","status_rank","last_login_key","id");--> statement-breakpoint
CREATE INDEX "users_tenant_last_login_idx" ON "users" USING btree ("tenant_id","last_login_key","id");--> statement-breakpoint
-- A search's estimate comes from these columns' statistics. With the default 100 samples it
-- swung between ~200 and ~30,000 rows for a surname shared by 10,000 users of 1M, from one
-- ANALYZE to the next; at ~200 the planner skips ANDing the status or role index into the
-- bitmap and reads every match's table page. 300 keeps it within a few times the truth; 1000
-- was closer still but cost ~4 ms of planning on every search (bench/README.md).
ALTER TABLE "users" ALTER COLUMN "name" SET STATISTICS 300, ALTER COLUMN "email" SET STATISTICS 300;
