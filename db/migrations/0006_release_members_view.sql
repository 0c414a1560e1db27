DROP TABLE "release_members" CASCADE;--> statement-breakpoint
CREATE VIEW "public"."release_members" AS (select r.id as release_id, s.assessment_id, s.period, s.industry_division, s.region_code, s.size_class, s.unit_key, s.digest
  from statistics_releases r join member_spans s on s.period = any(r.periods) and s.from_release <= r.number and (s.to_release is null or s.to_release > r.number));