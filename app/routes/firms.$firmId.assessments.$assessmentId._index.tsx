import { type LinksFunction, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import surveyStyles from "survey-core/survey-core.fontless.min.css";
import { Questionnaire } from "~/assessment/questionnaire.client";
import { requireFirmAssessment } from "~/assessment/requests.server";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

export async function loader(args: LoaderFunctionArgs) {
  const { caller, assessment, version } = await requireFirmAssessment(args);
  const base = `/firms/${caller.firmId}/assessments/${assessment.id}`;
  if (assessment.status !== "draft") throw redirect(`${base}/report`);
  const requested = Number(new URL(args.request.url).searchParams.get("page"));
  const page =
    Number.isInteger(requested) && requested >= 1 && requested <= version.definition.pages.length
      ? requested - 1
      : assessment.currentPage;
  return {
    base,
    title: version.model.title,
    definition: version.definition,
    answers: assessment.answers,
    scored: version.model.indicators.map((i) => i.question),
    version: assessment.version,
    page,
    period: assessment.period,
  };
}

export default function QuestionnairePage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const [mounted, setMounted] = useState(false);
  // SurveyJS renders after hydration only (a server render mismatches): one re-render, on purpose.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- flips once, after mount
  useEffect(() => setMounted(true), []);
  return (
    <>
      <h1>
        {pick(data.title, locale)} · {data.period}
      </h1>
      {mounted ? (
        <Questionnaire
          definition={data.definition}
          answers={data.answers}
          scored={data.scored}
          version={data.version}
          page={data.page}
          locale={locale}
          saveUrl={`${data.base}/answers`}
          reviewUrl={`${data.base}/review`}
        />
      ) : (
        <div className="placeholder">
          <p>{t("assessment.loading", { title: pick(data.title, locale) })}</p>
          <noscript>
            <p>{t("assessment.needsJs")}</p>
          </noscript>
        </div>
      )}
      <p className="no-print">
        <Link to={`${data.base}/review`}>{t("assessment.review")}</Link>
      </p>
    </>
  );
}
