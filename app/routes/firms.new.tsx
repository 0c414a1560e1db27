import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCaller } from "~/accounts/guard.server";
import { createFirm, CreditCodeTakenError } from "~/firms/firm.server";
import { creditCodeWarning, firmProfileOptions, parseFirmProfile } from "~/firms/profile.server";
import { CreditCodeWarning, FirmProfileFields, useFirmFieldLabels } from "~/firms/profile-fields";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { echoValues } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { ErrorSummary, Notice } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  await requireCaller(args);
  return { options: firmProfileOptions() };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireCaller(args);
  const form = await readForm(args);
  const values = echoValues(form);
  const warning = creditCodeWarning(values.creditCode ?? "", values.regionCode ?? "");
  // The province changed without JavaScript: show its cities, store nothing.
  if (form.get("intent") === "cities") return data({ errors: {}, values, warning, citiesShown: true });
  const parsed = parseFirmProfile(form);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, warning, citiesShown: false }, { status: 400 });
  try {
    const firm = await createFirm(caller.user.id, parsed.data);
    return redirect(`/firms/${firm.id}?created=1`);
  } catch (e) {
    if (!(e instanceof CreditCodeTakenError)) throw e;
    return data(
      { errors: { creditCode: "errors.creditCodeTaken" }, values, warning, citiesShown: false },
      { status: 409 },
    );
  }
}

export default function NewFirm() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const labels = useFirmFieldLabels();
  return (
    <>
      <h1>{t("firm.newTitle")}</h1>
      <p className="lead">{t("firm.newLead")}</p>
      <ErrorSummary errors={result?.errors} labels={labels} />
      {result?.citiesShown ? <Notice>{t("firm.citiesShown")}</Notice> : null}
      <CreditCodeWarning warning={result?.warning ?? null} />
      <Form method="post" className="stack" noValidate>
        <FirmProfileFields
          options={options}
          values={result?.values ?? {}}
          errors={result?.errors ?? {}}
          locale={locale}
        />
        <button type="submit" className="button">
          {t("firm.create")}
        </button>
      </Form>
    </>
  );
}
