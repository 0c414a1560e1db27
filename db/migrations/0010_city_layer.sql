-- The city layer of statistics releases (decision 025): each assessment keeps the firm's city as of its
-- submission, member spans record it, and release cells say which layer they belong to.
ALTER TABLE "assessments" ADD COLUMN "city_code" varchar(6);--> statement-breakpoint
ALTER TABLE "member_spans" ADD COLUMN "city_code" varchar(6);--> statement-breakpoint
ALTER TABLE "release_cells" ADD COLUMN "layer" text DEFAULT 'cube' NOT NULL;--> statement-breakpoint
-- Assessments submitted before cities existed take the firm's city as it is now: once, here.
UPDATE "assessments" a SET "city_code" = f."city_code" FROM "firms" f
  WHERE f."id" = a."firm_id" AND a."submitted_at" IS NOT NULL AND f."city_code" IS NOT NULL
    AND left(f."city_code", 2) = left(a."region_code", 2);
