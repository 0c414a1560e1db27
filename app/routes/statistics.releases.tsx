import { Link, useLoaderData } from "@remix-run/react";
import { fixedMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { day } from "~/statistics/publish/release-facts";
import { listPublicReleases, listWithdrawnReleases } from "~/statistics/release/read.server";
import { DataTable } from "~/ui/data-table";

export const meta = fixedMeta("statistics.releases.title", "statistics.releases.lead");

export async function loader() {
  const [releases, withdrawn] = await Promise.all([listPublicReleases(), listWithdrawnReleases()]);
  const listed = releases.map((r) => ({
    number: r.number,
    label: r.label,
    status: r.status === "published" ? ("published" as const) : ("superseded" as const),
    latest: r.latest,
    publishedAt: r.publishedAt,
    cutoff: r.cutoff,
    periods: r.periods,
    questionnaire: r.methodology.questionnaire,
    cells: r.summary.cells,
    suppressed: Object.values(r.summary.suppressed).reduce<number>((a, b) => a + (b ?? 0), 0),
    containsSynthetic: r.containsSynthetic,
    withdrawnAt: null as string | null,
    withdrawnReason: "",
  }));
  // A withdrawn release stays in the history, with why and when, but its tables are not linked: none is served.
  const gone = withdrawn.map((r) => ({
    ...r,
    latest: false,
    cells: null as number | null,
    suppressed: null as number | null,
  }));
  return { releases: [...listed, ...gone].sort((a, b) => b.number - a.number) };
}

export default function StatisticsReleases() {
  const { releases } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("statistics.releases.title")}</h1>
      <p className="lead">{t("statistics.releases.lead")}</p>
      {releases.length === 0 ? (
        <p className="notice">{t("statistics.none")}</p>
      ) : (
        <DataTable captionId="releases-caption" caption={t("statistics.releases.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("statistics.col.release")}</th>
              <th scope="col">{t("statistics.releases.status")}</th>
              <th scope="col">{t("statistics.facts.published")}</th>
              <th scope="col">{t("statistics.facts.cutoff")}</th>
              <th scope="col">{t("statistics.facts.periods")}</th>
              <th scope="col">{t("statistics.releases.questionnaire")}</th>
              <th scope="col" className="num">
                {t("statistics.releases.cells")}
              </th>
              <th scope="col" className="num">
                {t("statistics.releases.suppressed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => (
              <tr key={r.number}>
                <th scope="row">
                  {r.status === "withdrawn" ? (
                    t("statistics.releaseName", { number: r.number, label: r.label })
                  ) : (
                    <Link to={`/statistics?release=${r.number}`}>
                      {t("statistics.releaseName", { number: r.number, label: r.label })}
                    </Link>
                  )}
                </th>
                <td>
                  {r.latest ? t("statistics.releases.latest") : t(`statistics.releases.${r.status}`)}
                  {r.containsSynthetic ? <span className="tag">{t("statistics.releases.synthetic")}</span> : null}
                  {r.status === "withdrawn" ? (
                    <p className="hint">
                      {t("statistics.releases.withdrawnNote", { date: day(r.withdrawnAt), reason: r.withdrawnReason })}
                    </p>
                  ) : null}
                </td>
                <td>{day(r.publishedAt)}</td>
                <td>{day(r.cutoff)}</td>
                <td>{r.periods.join("、")}</td>
                <td>{r.questionnaire}</td>
                <td className="num">{r.cells ?? "—"}</td>
                <td className="num">{r.suppressed ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
