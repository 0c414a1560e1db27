import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { signIn } from "~/accounts/account.server";
import { signInForm } from "~/accounts/forms";
import { getCaller } from "~/accounts/guard.server";
import { fixedMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { parseForm } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { safeRedirectPath } from "~/platform/http.server";
import { ErrorSummary, Notice, TextField } from "~/ui/form";

export const meta = fixedMeta("auth.signInTitle", "meta.signIn");

export async function loader(args: LoaderFunctionArgs) {
  if (await getCaller(args)) throw redirect("/account");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const form = await readForm(args);
  const parsed = parseForm(signInForm, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, message: null }, { status: 400 });
  const result = await signIn(parsed.data.email, parsed.data.password, context.clientIp);
  if (result.ok) {
    return redirect(safeRedirectPath(form.get("redirectTo"), "/account"), { headers: { "Set-Cookie": result.cookie } });
  }
  const values = { email: parsed.data.email };
  if (result.reason === "throttled") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      { errors: {}, values, message: { key: "errors.throttled", minutes } },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ errors: {}, values, message: { key: "errors.invalidCredentials", minutes: 0 } }, { status: 401 });
}

export default function Login() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const labels = { email: t("auth.email"), password: t("auth.password") };
  const values: Record<string, string> = result?.values ?? {};
  const errors: Record<string, string> = result?.errors ?? {};
  const message = result?.message
    ? result.message.key === "errors.throttled"
      ? t("errors.throttled", { minutes: result.message.minutes })
      : t("errors.invalidCredentials")
    : undefined;
  return (
    <>
      <h1>{t("auth.signInTitle")}</h1>
      {params.get("signedOut") ? <Notice>{t("auth.signedOut")}</Notice> : null}
      {params.get("reset") ? <Notice tone="success">{t("auth.resetDone")}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} message={message} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="username"
          defaultValue={values.email}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <button type="submit" className="button">
          {t("auth.signInSubmit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.forgot")}</Link>
      </p>
      <p>
        {t("auth.noAccount")}{" "}
        <Link
          to={`/signup${params.get("redirectTo") ? `?${new URLSearchParams({ redirectTo: params.get("redirectTo")! })}` : ""}`}
        >
          {t("nav.signUp")}
        </Link>
      </p>
    </>
  );
}
