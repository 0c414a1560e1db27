import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCaller } from "~/accounts/guard.server";
import { fixedMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { columnValues, slotText, thresholdUnits, withheldStagesNote } from "~/statistics/publish/present";
import { loadStatsPage } from "~/statistics/publish/view.server";

// Plain HTML, no scripts: nothing here needs JavaScript (decisions 018, 041).
export const handle = { hydrate: false };

export const meta = fixedMeta("meta.homeTitle", "meta.description");

export async function loader(args: LoaderFunctionArgs) {
  const [caller, page] = await Promise.all([
    getCaller(args),
    loadStatsPage(args, ["national", "stages", "dimensions"] as const),
  ]);
  // The headline of the latest release, from its published cells only (as /statistics shows them).
  const headline = page
    ? {
        release: { number: page.release.number, label: page.release.label },
        period: page.period,
        national: page.tables.national,
        stages: columnValues(page.tables.stages, "share"),
        // A published cell whose stage distribution is withheld: one sentence saying why, not five marks.
        stagesWithheld: withheldStagesNote(page.tables.stages),
        threshold: thresholdUnits(page.tables.stages),
        weakest: columnValues(page.tables.dimensions, "mean")
          .filter((d) => d.value !== null)
          .slice(0, 3),
      }
    : null;
  return { signedIn: caller !== null, headline };
}

export default function Home() {
  const { signedIn, headline } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const firms = headline
    ? slotText(
        headline.national,
        headline.national.rows[0]!,
        headline.national.columns.findIndex((c) => c.id === "firms"),
        (reason, n) => t(`statistics.notPublished.${reason}`, { n }),
      )
    : null;
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <div className="actions">
        {signedIn ? (
          <Link className="button" to="/account">
            {t("home.startAssessment")}
          </Link>
        ) : (
          <>
            <Link className="button" to="/signup">
              {t("home.signUpToStart")}
            </Link>
            <Link className="button button--secondary" to="/login?redirectTo=/account">
              {t("home.signInToContinue")}
            </Link>
          </>
        )}
        <Link className="button button--secondary" to="/guide">
          {t("home.readGuide")}
        </Link>
      </div>
      {headline ? (
        <section aria-labelledby="home-headline" className="home-headline">
          <h2 id="home-headline">
            {t("home.headlineTitle", { label: headline.release.label, period: headline.period })}
          </h2>
          <dl className="headline-facts">
            <div>
              <dt>{t("statistics.overview.firms")}</dt>
              <dd data-testid="home-firms">{firms}</dd>
            </div>
            <div>
              <dt>{t("home.stageMix")}</dt>
              <dd data-testid="home-stages">
                {headline.stagesWithheld ??
                  headline.stages.map((s) => `${s.label} ${s.text}${s.value === null ? "" : "%"}`).join("；")}
              </dd>
            </div>
            {headline.weakest.length ? (
              <div>
                <dt>{t("home.weakest")}</dt>
                <dd>{headline.weakest.map((d) => `${d.label}（${d.text}）`).join("、")}</dd>
              </div>
            ) : null}
          </dl>
          <p>
            <Link to="/statistics">{t("home.moreStatistics")}</Link>
          </p>
        </section>
      ) : null}
      <ul className="cards">
        <li className="card">
          <h2>{t("home.forFirmsTitle")}</h2>
          <p>{t("home.forFirms")}</p>
          <p>
            <Link to={signedIn ? "/account" : "/signup"}>{t("home.forFirmsLink")}</Link>
          </p>
        </li>
        <li className="card">
          <h2>{t("home.forAssociationsTitle")}</h2>
          <p>{t("home.forAssociations")}</p>
          <p>
            <Link to="/statistics/region">{t("home.forAssociationsLink")}</Link>
          </p>
        </li>
        <li className="card">
          <h2>{t("home.forGovernmentTitle")}</h2>
          <p>{t("home.forGovernment")}</p>
          <p>
            <Link to="/statistics/trends">{t("home.forGovernmentLink")}</Link>
          </p>
        </li>
      </ul>
      <h2>{t("home.privacyTitle")}</h2>
      <p>{t("home.privacy")}</p>
    </>
  );
}
