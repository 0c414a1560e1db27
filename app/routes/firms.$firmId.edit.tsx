import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireFirmOwner } from "~/accounts/guard.server";
import { CreditCodeTakenError, getFirm, updateFirm } from "~/firms/firm.server";
import { creditCodeWarning, firmProfileOptions, parseFirmProfile } from "~/firms/profile.server";
import { CreditCodeWarning, FirmProfileFields, useFirmFieldLabels } from "~/firms/profile-fields";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { echoValues } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { notFound } from "~/platform/http.server";
import { ErrorSummary, Notice } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  const { firmId } = await requireFirmOwner(args, args.params.firmId);
  const firm = (await getFirm(firmId)) ?? notFound();
  return {
    firm: {
      id: firm.id,
      name: firm.name,
      creditCode: firm.creditCode,
      industryDivision: firm.industryDivision,
      regionCode: firm.regionCode,
      cityCode: firm.cityCode,
      employees: firm.employees,
      revenueWanYuan: firm.revenueWanYuan,
    },
    options: firmProfileOptions(),
    warning: creditCodeWarning(firm.creditCode, firm.regionCode),
  };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireFirmOwner(args, args.params.firmId);
  const form = await readForm(args);
  const values = echoValues(form);
  const warning = creditCodeWarning(values.creditCode ?? "", values.regionCode ?? "");
  // The province changed without JavaScript: show its cities, store nothing.
  if (form.get("intent") === "cities") return data({ errors: {}, values, warning, citiesShown: true });
  const parsed = parseFirmProfile(form);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, warning, citiesShown: false }, { status: 400 });
  try {
    await updateFirm(caller.user.id, caller.firmId, parsed.data);
  } catch (e) {
    if (!(e instanceof CreditCodeTakenError)) throw e;
    return data(
      { errors: { creditCode: "errors.creditCodeTaken" }, values, warning, citiesShown: false },
      { status: 409 },
    );
  }
  return redirect(`/firms/${caller.firmId}?saved=1`);
}

export default function EditFirm() {
  const { firm, options, warning } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const labels = useFirmFieldLabels();
  return (
    <>
      <h1>{t("firm.editTitle")}</h1>
      <ErrorSummary errors={result?.errors} labels={labels} />
      {result?.citiesShown ? <Notice>{t("firm.citiesShown")}</Notice> : null}
      <CreditCodeWarning warning={result ? result.warning : warning} />
      <Form method="post" className="stack" noValidate>
        <FirmProfileFields
          options={options}
          values={result?.values ?? firm}
          errors={result?.errors ?? {}}
          locale={locale}
        />
        <button type="submit" className="button">
          {t("firm.save")}
        </button>
      </Form>
    </>
  );
}
