import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireFirmMember } from "~/accounts/guard.server";
import { CaseFormFields, useCaseFieldLabels } from "~/cases/case-form";
import { caseFormOptions, createCaseFromForm, newCaseValues } from "~/cases/firm-form.server";
import { getFirm } from "~/firms/firm.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { notFound } from "~/platform/http.server";
import { ErrorSummary } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  const { firmId } = await requireFirmMember(args, args.params.firmId);
  const firm = (await getFirm(firmId)) ?? notFound();
  return { firmId, values: newCaseValues(firm), options: await caseFormOptions() };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const outcome = await createCaseFromForm(await readForm(args), caller.firmId, caller.user.id);
  if (!outcome.ok) return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status });
  return redirect(`/firms/${caller.firmId}/cases/${outcome.caseId}?done=save`);
}

export default function NewCase() {
  const { firmId, values, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        <Link to={`/firms/${firmId}/cases`}>{t("firmCases.link")}</Link>
      </p>
      <h1>{t("caseForm.newTitle")}</h1>
      <ErrorSummary errors={result?.errors} labels={useCaseFieldLabels()} />
      <Form method="post" className="stack" noValidate>
        <CaseFormFields values={result?.values ?? values} errors={result?.errors ?? {}} options={options} />
        <button type="submit" className="button">
          {t("caseForm.save")}
        </button>
      </Form>
    </>
  );
}
