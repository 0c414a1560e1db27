import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getCaller, requireCaller } from "~/accounts/guard.server";
import { normaliseEmail } from "~/accounts/user.server";
import { getFirm } from "~/firms/firm.server";
import { acceptInvitation, findOpenInvitation } from "~/firms/invitation.server";
import { useTranslation } from "~/i18n/use-translation";

const TOKEN = /^[a-z2-7]{32}$/;

export async function loader(args: LoaderFunctionArgs) {
  const token = args.params.token ?? "";
  const invitation = TOKEN.test(token) ? await findOpenInvitation(token) : null;
  if (!invitation) return data({ state: "invalid" as const, firm: null, email: null, path: "" }, { status: 404 });
  const firm = await getFirm(invitation.firmId);
  const caller = await getCaller(args);
  const state = !caller
    ? ("signIn" as const)
    : normaliseEmail(caller.user.email) === invitation.email
      ? ("ready" as const)
      : ("wrongAccount" as const);
  return { state, firm: firm?.name ?? "", email: invitation.email, path: new URL(args.request.url).pathname };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireCaller(args);
  const token = args.params.token ?? "";
  const result = TOKEN.test(token)
    ? await acceptInvitation(token, caller.user)
    : ({ ok: false, reason: "invalid" } as const);
  if (result.ok) return redirect(`/firms/${result.firmId}?joined=1`);
  return data({ reason: result.reason }, { status: result.reason === "wrong_account" ? 403 : 404 });
}

export default function InvitationPage() {
  const { state, firm, email, path } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failure = result?.reason;
  return (
    <>
      <h1>{t("invitation.title")}</h1>
      {state === "invalid" || failure === "invalid" ? (
        <p>{t("invitation.invalid")}</p>
      ) : state === "wrongAccount" || failure === "wrong_account" ? (
        <p>{t("invitation.wrongAccount")}</p>
      ) : (
        <>
          <p className="lead">{t("invitation.lead", { firm })}</p>
          {state === "signIn" ? (
            <>
              <p>{t("invitation.signInFirst", { email })}</p>
              <div className="actions">
                <InvitationAuthLink to="/login" label={t("nav.signIn")} here={path} />
                <InvitationAuthLink to="/signup" label={t("nav.signUp")} here={path} secondary />
              </div>
            </>
          ) : (
            <Form method="post">
              <button type="submit" className="button">
                {t("invitation.accept")}
              </button>
            </Form>
          )}
        </>
      )}
    </>
  );
}

function InvitationAuthLink({
  to,
  label,
  here,
  secondary,
}: {
  to: string;
  label: string;
  here: string;
  secondary?: boolean;
}) {
  return (
    <Link
      className={secondary ? "button button--secondary" : "button"}
      to={`${to}?${new URLSearchParams({ redirectTo: here || "/account" })}`}
    >
      {label}
    </Link>
  );
}
