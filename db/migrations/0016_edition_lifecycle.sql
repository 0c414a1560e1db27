ALTER TABLE "questionnaire_versions" ADD COLUMN "content_hash" text;
--> statement-breakpoint
-- A published or retired edition is immutable (decision 042): its content and hash never change, it
-- never goes back to draft, a retired edition is never published again, and neither is deleted. The one
-- update allowed beside publish and retire records the hash of an edition published before there was one.
CREATE OR REPLACE FUNCTION questionnaire_versions_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'questionnaire version % is %: it cannot be deleted', OLD.id, OLD.status;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF NEW.definition IS DISTINCT FROM OLD.definition OR NEW.model IS DISTINCT FROM OLD.model
     OR NEW.title IS DISTINCT FROM OLD.title OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.published_at IS DISTINCT FROM OLD.published_at
     OR (OLD.content_hash IS NOT NULL AND NEW.content_hash IS DISTINCT FROM OLD.content_hash) THEN
    RAISE EXCEPTION 'questionnaire version % is %: its content cannot change', OLD.id, OLD.status;
  END IF;
  IF NEW.status = 'draft' OR (OLD.status = 'retired' AND NEW.status <> 'retired') THEN
    RAISE EXCEPTION 'questionnaire version % cannot go from % to %', OLD.id, OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER questionnaire_versions_immutable BEFORE UPDATE OR DELETE ON questionnaire_versions
  FOR EACH ROW EXECUTE FUNCTION questionnaire_versions_guard();
--> statement-breakpoint
-- A release counts one edition (decision 042); member spans are per period, shared by the releases of
-- every edition covering it, so the list of a release's members keeps only those of its own edition.
CREATE OR REPLACE VIEW "public"."release_members" AS (select r.id as release_id, s.assessment_id, s.period, s.industry_division, s.region_code, s.size_class, s.unit_key, s.digest
  from statistics_releases r join member_spans s on s.period = any(r.periods) and s.from_release <= r.number and (s.to_release is null or s.to_release > r.number)
  where not exists (select 1 from assessments a where a.id = s.assessment_id and a.questionnaire_version_id <> r.questionnaire_version_id));
