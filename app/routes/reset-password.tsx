import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findValidResetToken, resetPassword } from "~/accounts/account.server";
import { resetPasswordForm } from "~/accounts/forms";
import { PASSWORD_MIN } from "~/accounts/password-policy";
import { fixedMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { parseForm } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { ErrorSummary, TextField } from "~/ui/form";

export const meta = fixedMeta("auth.resetTitle", "meta.resetPassword");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = token.length > 0 && token.length <= 100 && (await findValidResetToken(token)) !== null;
  return { token: valid ? token : null };
}

export async function action(args: ActionFunctionArgs) {
  const parsed = parseForm(resetPasswordForm, await readForm(args));
  if (!parsed.ok) return data({ errors: parsed.errors, invalid: false }, { status: 400 });
  const ok = await resetPassword(parsed.data.token, parsed.data.newPassword);
  if (!ok) return data({ errors: {}, invalid: true }, { status: 400 });
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = result?.errors ?? {};
  if (!token || result?.invalid) {
    return (
      <>
        <h1>{t("auth.resetTitle")}</h1>
        <p>{t("auth.resetInvalid")}</p>
        <p>
          <Link to="/forgot-password">{t("auth.forgotTitle")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("auth.resetTitle")}</h1>
      <ErrorSummary errors={errors} labels={{ newPassword: t("auth.newPassword") }} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="token" value={token} />
        <TextField
          name="newPassword"
          type="password"
          label={t("auth.newPassword")}
          hint={t("auth.passwordHint", { min: PASSWORD_MIN })}
          autoComplete="new-password"
          error={errors.newPassword}
          required
        />
        <button type="submit" className="button">
          {t("auth.resetSubmit")}
        </button>
      </Form>
    </>
  );
}
