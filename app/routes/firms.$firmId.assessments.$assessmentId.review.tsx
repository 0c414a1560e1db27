import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { checkAnswers } from "~/assessment/answers";
import { submitAssessment } from "~/assessment/assessment.server";
import { questionsOf, toLocalized } from "~/assessment/questions";
import { describeProblems, requireFirmAssessment } from "~/assessment/requests.server";
import { pick } from "~/i18n/locales";
import { requestI18n } from "~/i18n/server-t.server";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";

export async function loader(args: LoaderFunctionArgs) {
  const { caller, assessment, version } = await requireFirmAssessment(args);
  const base = `/firms/${caller.firmId}/assessments/${assessment.id}`;
  if (assessment.status !== "draft") throw redirect(`${base}/report`);
  const scored = new Set(version.model.indicators.map((i) => i.question));
  const answers = assessment.answers;
  const pages = version.definition.pages;
  const unanswered = questionsOf(version.definition)
    .filter((q) => scored.has(q.name) && !(q.name in answers))
    .map((q) => ({
      name: q.name,
      title: q.title,
      page: q.pageIndex + 1,
      pageTitle: pages[q.pageIndex]!.title ? toLocalized(pages[q.pageIndex]!.title!) : null,
    }));
  return {
    base,
    version: assessment.version,
    period: assessment.period,
    total: scored.size,
    unanswered,
    valid: checkAnswers(questionsOf(version.definition), answers, scored).ok,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { caller, assessment, version } = await requireFirmAssessment(args);
  const form = await readForm(args);
  const baseVersion = Number(form.get("version"));
  const { t: text, locale } = await requestI18n(args);
  const result = await submitAssessment({
    assessment,
    version,
    userId: caller.user.id,
    baseVersion: Number.isInteger(baseVersion) ? baseVersion : -1,
  });
  if (result.ok) return redirect(`/firms/${caller.firmId}/assessments/${assessment.id}/report`);
  if (result.reason === "invalid")
    return data(
      { messages: describeProblems(result.problems, version, locale, text).map((p) => p.message), stale: false },
      { status: 422 },
    );
  if (result.reason === "stale") return data({ messages: [], stale: true }, { status: 409 });
  throw redirect(`/firms/${caller.firmId}/assessments/${assessment.id}/report`);
}

export default function Review() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const byPage = new Map<number, typeof d.unanswered>();
  for (const q of d.unanswered) byPage.set(q.page, [...(byPage.get(q.page) ?? []), q]);
  return (
    <>
      <h1>{t("assessment.reviewTitle")}</h1>
      {result?.stale ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t("assessment.stale")}</p>
        </div>
      ) : null}
      {result?.messages.length ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t("assessment.invalid")}</h2>
          <ul>
            {result.messages.slice(0, 20).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t("assessment.answeredCount", { answered: d.total - d.unanswered.length, total: d.total })}</p>
      {d.unanswered.length === 0 ? (
        <p>{t("assessment.allAnswered")}</p>
      ) : (
        <>
          <h2>{t("assessment.unanswered")}</h2>
          {[...byPage.entries()].map(([page, questions]) => (
            <section key={page} aria-labelledby={`page-${page}`}>
              <h3 id={`page-${page}`}>
                <Link to={`${d.base}?page=${page}`}>
                  {t("assessment.goToPage", {
                    page,
                    title: questions[0]!.pageTitle ? pick(questions[0]!.pageTitle, locale) : "",
                  })}
                </Link>
              </h3>
              <ul>
                {questions.map((q) => (
                  <li key={q.name}>{pick(q.title, locale)}</li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <Form method="post" className="actions">
        <input type="hidden" name="version" value={d.version} />
        <button type="submit" className="button" disabled={!d.valid} aria-describedby="submit-hint">
          {t("assessment.submit")}
        </button>
        <Link to={d.base}>{t("assessment.backToQuestionnaire")}</Link>
      </Form>
      <p id="submit-hint" className="muted">
        {t("assessment.submitHint")}
      </p>
    </>
  );
}
