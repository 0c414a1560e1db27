CREATE TABLE "member_spans" (
	"assessment_id" uuid NOT NULL,
	"from_release" integer NOT NULL,
	"to_release" integer,
	"period" text NOT NULL,
	"industry_division" text NOT NULL,
	"region_code" text NOT NULL,
	"size_class" "size_class" NOT NULL,
	"unit_key" text NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "member_spans_assessment_id_from_release_pk" PRIMARY KEY("assessment_id","from_release")
);
--> statement-breakpoint
CREATE INDEX "member_spans_to_idx" ON "member_spans" USING btree ("period","to_release");--> statement-breakpoint
CREATE INDEX "member_spans_from_idx" ON "member_spans" USING btree ("period","from_release");--> statement-breakpoint
-- Earlier releases' member lists become spans: a run of consecutive releases covering the period that
-- counted the same version of a member (same digest) is one span, open when it reaches the newest such release.
INSERT INTO "member_spans" ("assessment_id", "from_release", "to_release", "period", "industry_division", "region_code", "size_class", "unit_key", "digest")
WITH "cover" AS (
  SELECT r."id", r."number", p."period", row_number() OVER (PARTITION BY p."period" ORDER BY r."number") AS "k"
  FROM "statistics_releases" r CROSS JOIN LATERAL unnest(r."periods") AS p("period")
), "counted" AS (
  SELECT m.*, c."number", c."k" FROM "release_members" m JOIN "cover" c ON c."id" = m."release_id" AND c."period" = m."period"
), "runs" AS (
  SELECT *, "k" - row_number() OVER (PARTITION BY "assessment_id", "digest" ORDER BY "k") AS "run" FROM "counted"
), "spans" AS (
  SELECT "assessment_id", "digest", "period", "industry_division", "region_code", "size_class", "unit_key", min("number") AS "from_release", max("k") AS "last_k"
  FROM "runs" GROUP BY "assessment_id", "digest", "period", "industry_division", "region_code", "size_class", "unit_key", "run"
)
SELECT s."assessment_id", s."from_release", n."number", s."period", s."industry_division", s."region_code", s."size_class", s."unit_key", s."digest"
FROM "spans" s LEFT JOIN "cover" n ON n."period" = s."period" AND n."k" = s."last_k" + 1;
