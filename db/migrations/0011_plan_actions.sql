-- The firm's improvement plan (decision 026): actions with an owner, a due date and a status, each tied to
-- the dimension, articles and scene of the report it came from; last_reminded_at keeps overdue reminders weekly.
CREATE TYPE "public"."plan_source" AS ENUM('recommendation', 'scene', 'custom');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('planned', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"firm_id" uuid NOT NULL,
	"assessment_id" uuid,
	"source" "plan_source" NOT NULL,
	"source_key" text,
	"dimension" text NOT NULL,
	"recommendation_level" smallint,
	"action_index" smallint,
	"scene_slug" text,
	"source_title" jsonb,
	"title" text,
	"articles" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"status" "plan_status" DEFAULT 'planned' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"last_reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_actions_titled" CHECK ("plan_actions"."title" is not null or "plan_actions"."source_title" is not null)
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_firm_idx" ON "plan_actions" USING btree ("firm_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_actions_source_key" ON "plan_actions" USING btree ("firm_id","source_key");--> statement-breakpoint
CREATE INDEX "plan_actions_due_idx" ON "plan_actions" USING btree ("due_date") WHERE "plan_actions"."status" in ('planned', 'in_progress');