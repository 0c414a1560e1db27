CREATE TABLE "release_members" (
	"release_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"period" text NOT NULL,
	"industry_division" text NOT NULL,
	"region_code" text NOT NULL,
	"size_class" "size_class" NOT NULL,
	"unit_key" text NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "release_members_release_id_assessment_id_pk" PRIMARY KEY("release_id","assessment_id")
);
--> statement-breakpoint
ALTER TABLE "release_cells" DROP CONSTRAINT "release_cells_release_id_industry_region_size_period_pk";--> statement-breakpoint
ALTER TABLE "release_cells" ADD CONSTRAINT "release_cells_release_id_period_industry_region_size_pk" PRIMARY KEY("release_id","period","industry","region","size");--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "industry_division" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "size_class" "size_class";--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "unit_key" text;--> statement-breakpoint
ALTER TABLE "statistics_releases" ADD COLUMN "number" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_releases" ADD COLUMN "cutoff" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_releases" ADD COLUMN "summary" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_releases" ADD COLUMN "contains_synthetic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "release_members" ADD CONSTRAINT "release_members_release_id_statistics_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."statistics_releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "statistics_releases_number_key" ON "statistics_releases" USING btree ("number");--> statement-breakpoint
-- Submitted assessments keep the firm's classification of the day they were submitted.
UPDATE "assessments" a SET "industry_division" = o."industry_division", "region_code" = o."region_code", "size_class" = o."size_class", "unit_key" = coalesce(o."group_key", o."id"::text)
FROM "organisations" o WHERE o."id" = a."organisation_id" AND a."status" <> 'draft';
