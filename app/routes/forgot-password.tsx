import { type ActionFunctionArgs, data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requestPasswordReset } from "~/accounts/account.server";
import { forgotPasswordForm } from "~/accounts/forms";
import { takeResetRequest } from "~/accounts/reset-limit.server";
import { fixedMeta } from "~/i18n/meta";
import { requestI18n } from "~/i18n/server-t.server";
import { useTranslation } from "~/i18n/use-translation";
import { parseForm } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { siteOrigin } from "~/platform/http.server";
import { ErrorSummary, Notice, TextField } from "~/ui/form";

export const meta = fixedMeta("auth.forgotTitle", "auth.forgotLead");

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const parsed = parseForm(forgotPasswordForm, await readForm(args));
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: false }, { status: 400 });
  // Over the limit the page answers the same as ever (no account enumeration); no email is queued.
  if (!(await takeResetRequest(parsed.data.email, context.clientIp)))
    return data({ errors: {}, values: {}, sent: true });
  const { t: text } = await requestI18n(args);
  await requestPasswordReset(parsed.data.email, siteOrigin(request), {
    subject: text("auth.resetEmailSubject"),
    body: (link) => text("auth.resetEmailBody", { link }),
  });
  return data({ errors: {}, values: {}, sent: true });
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  return (
    <>
      <h1>{t("auth.forgotTitle")}</h1>
      {result?.sent ? (
        <Notice tone="success">{t("auth.forgotSent")}</Notice>
      ) : (
        <>
          <p className="lead">{t("auth.forgotLead")}</p>
          <ErrorSummary errors={errors} labels={{ email: t("auth.email") }} />
          <Form method="post" className="stack" noValidate>
            <TextField
              name="email"
              type="email"
              label={t("auth.email")}
              autoComplete="email"
              defaultValue={values.email}
              error={errors.email}
              required
            />
            <button type="submit" className="button">
              {t("auth.forgotSubmit")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
