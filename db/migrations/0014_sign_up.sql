CREATE TABLE "signup_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"org_name" text,
	"password_hash" text NOT NULL,
	"ip" text,
	"token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "handle" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "join_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "join_role" text DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "join_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "signup_requests" ADD CONSTRAINT "signup_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signup_requests_token_uq" ON "signup_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signup_requests_queued_idx" ON "signup_requests" USING btree ("created_at") WHERE "signup_requests"."token_hash" IS NULL;--> statement-breakpoint
CREATE INDEX "signup_requests_expires_idx" ON "signup_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_handle_uq" ON "tenants" USING btree ("handle");--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_handle_ck" CHECK ("tenants"."handle" ~ '^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$');