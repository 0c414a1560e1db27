import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { CaseEvents } from "~/cases/case-events";
import { CaseStatusTag, CaseView, usePublisher } from "~/cases/case-view";
import { parseStep, stepProblem, takeStep } from "~/cases/firm-form.server";
import { presentCase } from "~/cases/presenter.server";
import { availableSteps } from "~/cases/workflow";
import { getCaseForReview } from "~/cases/workspace.server";
import { catalogueFilterOptions } from "~/catalogue/filters.server";
import { useText } from "~/i18n/use-text";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { isUuid, notFound } from "~/platform/http.server";
import { DataTable } from "~/ui/data-table";
import { ErrorSummary, Notice, TextAreaField } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  if (!isUuid(args.params.caseId)) notFound();
  const found = (await getCaseForReview(args.params.caseId)) ?? notFound();
  // A draft is the firm's own work until it is submitted: reviewers do not see it.
  if (found.status === "draft") notFound();
  return {
    id: found.id,
    status: found.status,
    firmName: found.firmName,
    anonymised: found.anonymised,
    consentAt: found.consentAt?.toISOString() ?? null,
    steps: availableSteps("analyst", found.status),
    view: await presentCase(found.content),
    events: found.events.map((e) => ({ ...e, at: e.at.toISOString() })),
    options: catalogueFilterOptions(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "analyst", "admin");
  if (!isUuid(args.params.caseId)) notFound();
  const form = await readForm(args);
  const step = parseStep(form.get("intent"));
  const comment = String(form.get("comment") ?? "").slice(0, 4000);
  if (!step || step === "submit")
    return data({ message: "errors.badRequest", errors: {} as Record<string, string>, comment }, { status: 400 });
  const result = await takeStep(args.request, {
    caseId: args.params.caseId,
    step,
    actor: "analyst",
    userId: caller.user.id,
    comment,
  });
  if (!result.ok) {
    const refused = stepProblem(result);
    return data(
      {
        message: refused.field ? undefined : refused.message,
        errors: refused.field ? { [refused.field]: refused.message } : {},
        comment,
      },
      { status: refused.status },
    );
  }
  return redirect(`/review/cases/${args.params.caseId}?done=${step}`);
}

export default function ReviewCase() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const text = useText();
  const publisher = usePublisher(d.options);
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <>
      <p className="muted">
        <Link to="/review/cases">{t("review.back")}</Link>
      </p>
      <h1 lang={d.view.content.language === "zh" ? "zh-CN" : "en"}>{d.view.content.title}</h1>
      {done && !result && done in { comment: 1, return: 1, reject: 1, publish: 1, withdraw: 1 } ? (
        <Notice tone="success">{t(`review.done.${done as "comment"}`)}</Notice>
      ) : null}
      <ErrorSummary
        errors={result?.errors}
        labels={{ comment: t("review.comment") }}
        message={result?.message ? text(result.message) : undefined}
      />
      <DataTable caption={t("review.summaryCaption")}>
        <tbody>
          <tr>
            <th scope="row">{t("review.columns.status")}</th>
            <td>
              <CaseStatusTag status={d.status} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t("review.columns.firm")}</th>
            <td>{d.firmName}</td>
          </tr>
          <tr>
            <th scope="row">{t("review.publication")}</th>
            <td>
              {d.anonymised ? `${t("caseForm.anonymised")}: ${publisher(d.view.content, null)}` : t("caseForm.named")}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("review.consentAt")}</th>
            <td>{d.consentAt?.slice(0, 16).replace("T", " ") ?? "—"}</td>
          </tr>
        </tbody>
      </DataTable>
      {d.status === "published" ? (
        <p>
          <Link to={`/cases/${d.id}`}>{t("caseForm.publicLink")}</Link>
        </p>
      ) : null}
      <CaseView data={d.view} options={d.options} />
      {d.steps.length ? (
        <Form method="post" className="stack" noValidate>
          <TextAreaField
            name="comment"
            label={t("review.comment")}
            hint={t("review.commentHint")}
            defaultValue={result?.comment ?? ""}
            maxLength={4000}
            rows={4}
            error={result?.errors?.comment}
          />
          <div className="actions">
            {d.steps.map((step) => (
              <button
                key={step}
                type="submit"
                name="intent"
                value={step}
                className={
                  step === "publish"
                    ? "button"
                    : step === "reject" || step === "withdraw"
                      ? "button danger"
                      : "button button--secondary"
                }
              >
                {t(`review.actions.${step}`)}
              </button>
            ))}
          </div>
        </Form>
      ) : null}
      <CaseEvents events={d.events} />
    </>
  );
}
