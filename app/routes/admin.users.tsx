import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { STAFF_ROLES } from "~/accounts/access";
import { grantRoleForm } from "~/accounts/forms";
import { requireStaff } from "~/accounts/guard.server";
import { countAdmins, grantRole, listUsersWithGrants, revokeRole } from "~/accounts/role-grant.server";
import { isSelectableRegion, selectableRegions } from "~/content/taxonomies.server";
import { pick } from "~/i18n/locales";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { parseForm } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { isUuid } from "~/platform/http.server";
import { DataTable } from "~/ui/data-table";
import { ErrorSummary, Notice } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "admin");
  const q = (new URL(args.request.url).searchParams.get("q") ?? "").slice(0, 100);
  return {
    q,
    users: await listUsersWithGrants(q),
    regions: selectableRegions().map((r) => ({ code: r.code, zh: r.zh, en: r.en })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "admin");
  const form = await readForm(args);
  if (form.get("intent") === "revoke") {
    const grantId = String(form.get("grantId") ?? "");
    if (!isUuid(grantId)) throw new Response("Bad grant id", { status: 400 });
    if (form.get("role") === "admin" && (await countAdmins()) <= 1) {
      return data({ ok: false, message: "admin.lastAdmin", errors: {} }, { status: 409 });
    }
    const revoked = await revokeRole(caller.user.id, grantId);
    return data({ ok: Boolean(revoked), message: "admin.revokedRole", errors: {} });
  }
  const intent = form.get("intent");
  if (intent !== null && intent !== "grant") throw new Response("Unknown intent / 未知操作", { status: 400 });
  const parsed = parseForm(grantRoleForm, form);
  if (!parsed.ok) return data({ ok: false, message: null, errors: parsed.errors }, { status: 400 });
  const { userId, role, scope } = parsed.data;
  if (scope !== null && !isSelectableRegion(scope))
    return data({ ok: false, message: null, errors: { scope: "errors.unknownRegion" } }, { status: 400 });
  await grantRole(caller.user.id, userId, role, scope);
  return data({ ok: true, message: "admin.granted", errors: {} });
}

export default function AdminUsers() {
  const { q, users, regions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const [params] = useSearchParams();
  const regionName = (code: string | null) =>
    code ? pick(regions.find((r) => r.code === code) ?? { zh: code, en: code }, locale) : t("admin.national");
  return (
    <>
      <h1>{t("admin.users")}</h1>
      {result?.message ? (
        <Notice tone={result.ok ? "success" : "info"}>{t(result.message as "admin.granted")}</Notice>
      ) : null}
      <ErrorSummary errors={result?.errors} labels={{ role: t("admin.role"), scope: t("admin.scope") }} />
      <Form method="get" className="stack" role="search">
        <div className="field">
          <label htmlFor="q">{t("admin.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q || params.get("q") || ""} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("admin.searchSubmit")}
        </button>
      </Form>
      <DataTable caption={t("admin.users")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("admin.user")}</th>
            <th scope="col">{t("admin.grants")}</th>
            <th scope="col">{t("admin.grant")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.displayName}
                <br />
                <span className="muted">{u.email}</span>
              </td>
              <td>
                {u.grants.length === 0 ? (
                  t("admin.none")
                ) : (
                  <ul>
                    {u.grants.map((g) => (
                      <li key={g.id}>
                        {t(`account.roleNames.${g.role}`)}
                        {g.role === "government" ? `（${regionName(g.scope)}）` : ""}{" "}
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="grantId" value={g.id} />
                          <input type="hidden" name="role" value={g.role} />
                          <button
                            type="submit"
                            name="intent"
                            value="revoke"
                            className="link-button"
                            aria-label={`${t("admin.revoke")}: ${u.email} ${t(`account.roleNames.${g.role}`)}`}
                          >
                            {t("admin.revoke")}
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <Form method="post" className="grant-form">
                  <input type="hidden" name="userId" value={u.id} />
                  <label htmlFor={`role-${u.id}`} className="visually-hidden">
                    {t("admin.role")}
                  </label>
                  <select id={`role-${u.id}`} name="role" defaultValue="analyst">
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`account.roleNames.${r}`)}
                      </option>
                    ))}
                  </select>{" "}
                  <label htmlFor={`scope-${u.id}`} className="visually-hidden">
                    {t("admin.scope")}
                  </label>
                  <select id={`scope-${u.id}`} name="scope" defaultValue="national">
                    <option value="national">{t("admin.national")}</option>
                    {regions.map((r) => (
                      <option key={r.code} value={r.code}>
                        {pick(r, locale)}
                      </option>
                    ))}
                  </select>{" "}
                  <button type="submit" name="intent" value="grant" className="button button--secondary">
                    {t("admin.grantSubmit")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
