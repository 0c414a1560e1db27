import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { signUp } from "~/accounts/account.server";
import { signUpForm } from "~/accounts/forms";
import { getCaller } from "~/accounts/guard.server";
import { PASSWORD_MIN } from "~/accounts/password-policy";
import { EmailTakenError } from "~/accounts/user.server";
import { fixedMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { echoValues, parseForm } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { safeRedirectPath } from "~/platform/http.server";
import { ErrorSummary, SelectField, TextField } from "~/ui/form";

export const meta = fixedMeta("auth.signUpTitle", "auth.signUpLead");

export async function loader(args: LoaderFunctionArgs) {
  if (await getCaller(args)) throw redirect("/account");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const form = await readForm(args);
  const parsed = parseForm(signUpForm, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const { cookie } = await signUp(parsed.data);
    return redirect(safeRedirectPath(form.get("redirectTo"), "/account"), { headers: { "Set-Cookie": cookie } });
  } catch (e) {
    if (!(e instanceof EmailTakenError)) throw e;
    return data({ errors: { email: "errors.emailTaken" }, values: echoValues(form) }, { status: 400 });
  }
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const [params] = useSearchParams();
  const labels = {
    email: t("auth.email"),
    password: t("auth.password"),
    displayName: t("auth.displayName"),
    locale: t("auth.locale"),
  };
  const values: Record<string, string> = result?.values ?? {};
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <>
      <h1>{t("auth.signUpTitle")}</h1>
      <p className="lead">{t("auth.signUpLead")}</p>
      <ErrorSummary errors={result?.errors} labels={labels} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="email"
          defaultValue={values.email}
          error={errors.email}
          required
        />
        <TextField
          name="displayName"
          label={labels.displayName}
          autoComplete="name"
          defaultValue={values.displayName}
          error={errors.displayName}
          required
          maxLength={60}
        />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint={t("auth.passwordHint", { min: PASSWORD_MIN })}
          autoComplete="new-password"
          error={errors.password}
          required
        />
        <SelectField
          name="locale"
          label={labels.locale}
          defaultValue={values.locale ?? locale}
          error={errors.locale}
          options={[
            { value: "zh", label: "简体中文" },
            { value: "en", label: "English" },
          ]}
        />
        <button type="submit" className="button">
          {t("auth.signUpSubmit")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to="/login">{t("nav.signIn")}</Link>
      </p>
    </>
  );
}
