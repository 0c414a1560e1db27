import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { signOutEverywhere } from "~/accounts/account.server";
import { profileForm } from "~/accounts/forms";
import { requireCaller } from "~/accounts/guard.server";
import { updateUserProfile } from "~/accounts/user.server";
import { regions } from "~/content/taxonomies.server";
import { listFirmsOfUser } from "~/firms/firm.server";
import { localeCookie } from "~/i18n/locale.server";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { parseForm } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { ErrorSummary, Notice, SelectField, TextField } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  const caller = await requireCaller(args);
  const firms = await listFirmsOfUser(caller.user.id);
  const regionNames = Object.fromEntries(regions().map((r) => [r.code, { zh: r.zh, en: r.en }]));
  return {
    user: { displayName: caller.user.displayName, email: caller.user.email, locale: caller.user.locale },
    firms,
    grants: caller.principal.grants.map((g) => ({
      role: g.role,
      scope: g.scope ? (regionNames[g.scope] ?? null) : null,
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireCaller(args);
  const form = await readForm(args);
  if (form.get("intent") === "signOutEverywhere") {
    const cookie = await signOutEverywhere(caller.user.id);
    return redirect("/login?signedOut=1", { headers: { "Set-Cookie": cookie } });
  }
  const parsed = parseForm(profileForm, form);
  if (!parsed.ok) return data({ errors: parsed.errors, saved: false }, { status: 400 });
  await updateUserProfile(caller.user.id, parsed.data);
  return data(
    { errors: {}, saved: true },
    { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } },
  );
}

export default function Account() {
  const { user, firms, grants } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="muted">{user.email}</p>
      <h2>{t("account.firms")}</h2>
      {firms.length === 0 ? (
        <p>{t("account.noFirms")}</p>
      ) : (
        <ul>
          {firms.map((f) => (
            <li key={f.id}>
              <Link to={`/firms/${f.id}`}>{f.name}</Link>{" "}
              <span className="tag">{t(`account.roleNames.${f.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="button button--secondary" to="/firms/new">
          {t("account.createFirm")}
        </Link>
      </p>
      {grants.length > 0 ? (
        <>
          <h2>{t("account.roles")}</h2>
          <ul>
            {grants.map((g, i) => (
              <li key={i}>
                {t(`account.roleNames.${g.role}`)}
                {g.role === "government" ? `（${g.scope ? pick(g.scope, locale) : t("account.national")}）` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("account.profile")}</h2>
      {result?.saved ? <Notice tone="success">{t("account.profileSaved")}</Notice> : null}
      <ErrorSummary errors={errors} labels={{ displayName: t("auth.displayName"), locale: t("auth.locale") }} />
      <Form method="post" className="stack" noValidate>
        <TextField
          name="displayName"
          label={t("auth.displayName")}
          defaultValue={user.displayName}
          error={errors.displayName}
          required
          maxLength={60}
        />
        <SelectField
          name="locale"
          label={t("auth.locale")}
          defaultValue={user.locale}
          error={errors.locale}
          options={[
            { value: "zh", label: "简体中文" },
            { value: "en", label: "English" },
          ]}
        />
        <button type="submit" className="button" name="intent" value="profile">
          {t("account.saveProfile")}
        </button>
      </Form>
      <h2>{t("account.security")}</h2>
      <p>{t("account.signOutEverywhereHint")}</p>
      <Form method="post">
        <button type="submit" className="button button--secondary" name="intent" value="signOutEverywhere">
          {t("account.signOutEverywhere")}
        </button>
      </Form>
    </>
  );
}
