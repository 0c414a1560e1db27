import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireFirmMember } from "~/accounts/guard.server";
import { CaseEvents } from "~/cases/case-events";
import { CaseFormFields, useCaseFieldLabels } from "~/cases/case-form";
import { CaseStatusTag, CaseView } from "~/cases/case-view";
import { caseFormOptions, saveCaseFromForm, stepProblem, takeStep, typedCaseValues } from "~/cases/firm-form.server";
import { type CaseFormValues, valuesOf } from "~/cases/form.server";
import { presentCase } from "~/cases/presenter.server";
import { availableSteps, firmCanEdit } from "~/cases/workflow";
import { firmOwnsCase, getFirmCase } from "~/cases/workspace.server";
import { useText } from "~/i18n/use-text";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { isUuid, notFound } from "~/platform/http.server";
import { ErrorSummary, Notice } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  const { firmId } = await requireFirmMember(args, args.params.firmId);
  if (!isUuid(args.params.caseId)) notFound();
  const found = (await getFirmCase(firmId, args.params.caseId)) ?? notFound();
  return {
    firmId,
    id: found.id,
    status: found.status,
    revision: found.revision,
    editable: firmCanEdit(found.status),
    steps: availableSteps("firm", found.status),
    values: valuesOf(found.content, found.anonymised),
    view: await presentCase(found.content),
    events: found.events.map((e) => ({ ...e, at: e.at.toISOString() })),
    options: await caseFormOptions(),
  };
}

interface Problem {
  errors: Record<string, string>;
  values: CaseFormValues | null;
  message: string | undefined;
}
const problem = (status: number, p: Partial<Problem>) =>
  data<Problem>({ errors: p.errors ?? {}, values: p.values ?? null, message: p.message }, { status });

export async function action(args: ActionFunctionArgs) {
  const caller = await requireFirmMember(args, args.params.firmId);
  if (!isUuid(args.params.caseId)) notFound();
  const caseId = args.params.caseId;
  // Another firm's case, or none, is the same 404 whatever was posted.
  if (!(await firmOwnsCase(caller.firmId, caseId))) notFound();
  const form = await readForm(args);
  const intent = form.get("intent");
  const here = `/firms/${caller.firmId}/cases/${caseId}`;
  if (intent === "withdraw") {
    const result = await takeStep(args.request, {
      caseId,
      step: "withdraw",
      actor: "firm",
      userId: caller.user.id,
      firmId: caller.firmId,
    });
    if (!result.ok) {
      const refused = stepProblem(result);
      return problem(refused.status, { message: refused.message });
    }
    return redirect(`${here}?done=withdraw`);
  }
  if (intent !== "save" && intent !== "submit") return problem(400, { message: "errors.badRequest" });
  if (intent === "submit" && form.get("consent") !== "yes") {
    return problem(400, {
      errors: { consent: "caseForm.errors.consentRequired" },
      values: await typedCaseValues(form),
    });
  }
  const saved = await saveCaseFromForm(form, caller.firmId, caseId, caller.user.id);
  if (!saved.ok) return problem(saved.status, saved);
  if (intent === "save") return redirect(`${here}?done=save`);
  const result = await takeStep(args.request, {
    caseId,
    step: "submit",
    actor: "firm",
    userId: caller.user.id,
    firmId: caller.firmId,
    consent: true,
  });
  if (!result.ok) {
    const refused = stepProblem(result);
    return problem(refused.status, { message: refused.message });
  }
  return redirect(`${here}?done=submit`);
}

const DONE = { save: "caseForm.saved", submit: "caseForm.submitted", withdraw: "caseForm.withdrawn" } as const;

export default function FirmCase() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const text = useText();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") as keyof typeof DONE];
  const labels = useCaseFieldLabels();
  return (
    <>
      <p className="muted">
        <Link to={`/firms/${d.firmId}/cases`}>{t("firmCases.link")}</Link>
      </p>
      <h1>{d.editable ? t("caseForm.editTitle") : d.view.content.title}</h1>
      <p>
        {t("firmCases.columns.status")}: <CaseStatusTag status={d.status} />
      </p>
      {done && !result ? <Notice tone="success">{t(done)}</Notice> : null}
      <ErrorSummary
        errors={result?.errors}
        labels={labels}
        message={result?.message ? text(result.message) : undefined}
      />
      {d.status === "published" ? (
        <p>
          <Link to={`/cases/${d.id}`}>{t("caseForm.publicLink")}</Link>
        </p>
      ) : null}
      {d.editable ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="revision" value={d.revision} />
          <CaseFormFields values={result?.values ?? d.values} errors={result?.errors ?? {}} options={d.options} />
          <button type="submit" name="intent" value="save" className="button button--secondary">
            {t("caseForm.save")}
          </button>
          <h2>{t("caseForm.submitHeading")}</h2>
          <div className={result?.errors?.consent ? "field field--error" : "field"}>
            {result?.errors?.consent ? (
              <p className="field-error" id="consent-error">
                {text(result.errors.consent)}
              </p>
            ) : null}
            <div className="checkbox">
              <input
                type="checkbox"
                id="consent"
                name="consent"
                value="yes"
                aria-describedby={result?.errors?.consent ? "consent-error" : undefined}
              />
              <label htmlFor="consent">{t("caseForm.consent")}</label>
            </div>
          </div>
          <button type="submit" name="intent" value="submit" className="button">
            {t("caseForm.submit")}
          </button>
        </Form>
      ) : (
        <>
          <p className="muted">{t("caseForm.readOnly", { status: t(`cases.statuses.${d.status}`) })}</p>
          <CaseView data={d.view} options={d.options} />
        </>
      )}
      {d.steps.includes("withdraw") ? (
        <Form method="post">
          <h2>{t("caseForm.withdraw")}</h2>
          <p className="hint">{t("caseForm.withdrawHint")}</p>
          <button type="submit" name="intent" value="withdraw" className="button danger">
            {t("caseForm.withdraw")}
          </button>
        </Form>
      ) : null}
      <CaseEvents events={d.events} />
    </>
  );
}
