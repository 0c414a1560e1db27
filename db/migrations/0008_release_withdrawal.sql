ALTER TYPE "public"."release_status" ADD VALUE 'withdrawn';--> statement-breakpoint
ALTER TABLE "statistics_releases" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "statistics_releases" ADD COLUMN "withdrawn_reason" text;