ALTER TABLE "users" DROP COLUMN "type";--> statement-breakpoint
DROP TYPE "public"."user_type";