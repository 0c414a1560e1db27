// The facts that place a page's numbers: which release, when, from which questionnaire and model.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export interface Facts {
  number: number;
  label: string;
  periods: string[];
  cutoff: string;
  publishedAt: string | null;
  questionnaire: string;
  model: { id: string; version: number };
}

export const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function ReleaseFacts({ release, methodologyQuery }: { release: Facts; methodologyQuery: string }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t("statistics.facts.release")}</dt>
        <dd>{t("statistics.releaseName", { number: release.number, label: release.label })}</dd>
      </div>
      <div>
        <dt>{t("statistics.facts.published")}</dt>
        <dd>{day(release.publishedAt)}</dd>
      </div>
      <div>
        <dt>{t("statistics.facts.cutoff")}</dt>
        <dd>{day(release.cutoff)}</dd>
      </div>
      <div>
        <dt>{t("statistics.facts.periods")}</dt>
        <dd>{release.periods.join("、")}</dd>
      </div>
      <div>
        <dt>{t("statistics.facts.versions")}</dt>
        <dd>
          {t("statistics.facts.versionsValue", {
            questionnaire: release.questionnaire,
            model: release.model.id,
            version: release.model.version,
          })}{" "}
          <Link to={`/statistics/methodology${methodologyQuery}`}>{t("statistics.facts.methodology")}</Link>
        </dd>
      </div>
    </dl>
  );
}
