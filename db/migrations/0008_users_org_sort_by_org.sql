DROP INDEX "users_tenant_org_name_idx";--> statement-breakpoint
CREATE INDEX "users_tenant_org_name_idx" ON "users" USING btree ("tenant_id","org_name","org_id","id");