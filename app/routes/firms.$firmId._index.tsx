import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { canManageFirm } from "~/accounts/access";
import { inviteForm } from "~/accounts/forms";
import { requireFirmMember, requireFirmOwner } from "~/accounts/guard.server";
import { industryDivision, regions } from "~/content/taxonomies.server";
import { getFirm, listMembers } from "~/firms/firm.server";
import { createInvitation, listOpenInvitations, revokeInvitation } from "~/firms/invitation.server";
import { cityName, creditCodeWarning } from "~/firms/profile.server";
import { CreditCodeWarning } from "~/firms/profile-fields";
import { pick } from "~/i18n/locales";
import { requestI18n } from "~/i18n/server-t.server";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { parseForm } from "~/platform/form-parse";
import { readForm } from "~/platform/form-read.server";
import { isUuid, notFound, siteOrigin } from "~/platform/http.server";
import { DataTable } from "~/ui/data-table";
import { ErrorSummary, Notice, TextField } from "~/ui/form";

export async function loader(args: LoaderFunctionArgs) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const firm = (await getFirm(caller.firmId)) ?? notFound();
  const isOwner = canManageFirm(caller.principal, firm.id);
  const division = industryDivision(firm.industryDivision);
  const region = regions().find((r) => r.code === firm.regionCode);
  return {
    firm: {
      id: firm.id,
      name: firm.name,
      creditCode: firm.creditCode,
      industry: division ? { code: division.code, zh: division.zh, en: division.en } : null,
      region: region ? { zh: region.zh, en: region.en } : null,
      city: cityName(firm.cityCode),
      sizeClass: firm.sizeClass,
      isDemo: firm.isDemo,
    },
    warning: creditCodeWarning(firm.creditCode, firm.regionCode),
    isOwner,
    members: (await listMembers(firm.id)).map((m) => ({ ...m, email: isOwner ? m.email : null })),
    invitations: isOwner ? await listOpenInvitations(firm.id) : [],
  };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireFirmOwner(args, args.params.firmId);
  const form = await readForm(args);
  if (form.get("intent") === "revoke") {
    const id = String(form.get("invitationId") ?? "");
    if (!isUuid(id)) throw new Response("Bad invitation id", { status: 400 });
    const revoked = await revokeInvitation(caller.firmId, id, caller.user.id);
    return data({ intent: "revoke" as const, errors: {}, values: {}, revoked, link: null, email: null });
  }
  const parsed = parseForm(inviteForm, form);
  if (!parsed.ok)
    return data(
      {
        intent: "invite" as const,
        errors: parsed.errors,
        values: parsed.values,
        revoked: false,
        link: null,
        email: null,
      },
      { status: 400 },
    );
  const members = await listMembers(caller.firmId);
  if (members.some((m) => m.email === parsed.data.email.toLowerCase())) {
    return data(
      {
        intent: "invite" as const,
        errors: { email: "errors.alreadyMember" },
        values: { email: parsed.data.email },
        revoked: false,
        link: null,
        email: null,
      },
      { status: 409 },
    );
  }
  const firm = (await getFirm(caller.firmId)) ?? notFound();
  const { t: text } = await requestI18n(args);
  const { link } = await createInvitation({
    firmId: caller.firmId,
    email: parsed.data.email,
    invitedBy: caller.user.id,
    origin: siteOrigin(args.request),
    texts: {
      subject: text("firm.invitationEmailSubject", { firm: firm.name }),
      body: (l) => text("firm.invitationEmailBody", { firm: firm.name, inviter: caller.user.displayName, link: l }),
    },
  });
  return data({ intent: "invite" as const, errors: {}, values: {}, revoked: false, link, email: parsed.data.email });
}

export default function FirmOverview() {
  const { firm, warning, isOwner, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const errors: Record<string, string> = result?.intent === "invite" ? result.errors : {};
  return (
    <>
      <h1>
        {firm.name} {firm.isDemo ? <span className="tag">{t("demo.firm")}</span> : null}
      </h1>
      {params.get("created") ? <Notice tone="success">{t("firm.created")}</Notice> : null}
      {params.get("saved") ? <Notice tone="success">{t("firm.saved")}</Notice> : null}
      <p>
        <Link className="button" to={`/firms/${firm.id}/assessments`}>
          {t("assessment.title")}
        </Link>{" "}
        <Link className="button button--secondary" to={`/firms/${firm.id}/cases`}>
          {t("firmCases.link")}
        </Link>{" "}
        <Link className="button button--secondary" to={`/firms/${firm.id}/plan`}>
          {t("plan.link")}
        </Link>
      </p>
      <h2>{t("firm.profile")}</h2>
      <CreditCodeWarning warning={warning} />
      <DataTable caption={t("firm.profile")} captionClassName="visually-hidden">
        <tbody>
          <tr>
            <th scope="row">{t("firm.creditCode")}</th>
            <td>{firm.creditCode}</td>
          </tr>
          <tr>
            <th scope="row">{t("firm.industry")}</th>
            <td>{firm.industry ? `${firm.industry.code} ${pick(firm.industry, locale)}` : "—"}</td>
          </tr>
          <tr>
            <th scope="row">{t("firm.region")}</th>
            <td>{firm.region ? pick(firm.region, locale) : "—"}</td>
          </tr>
          <tr>
            <th scope="row">{t("firm.cityLabel")}</th>
            <td>{firm.city ?? t("firm.cityNotGiven")}</td>
          </tr>
          <tr>
            <th scope="row">{t("firm.sizeClass")}</th>
            <td>{t(`firm.sizes.${firm.sizeClass}`)}</td>
          </tr>
        </tbody>
      </DataTable>
      {isOwner ? (
        <p>
          <Link to={`/firms/${firm.id}/edit`}>{t("firm.edit")}</Link>
        </p>
      ) : null}
      <h2>{t("firm.members")}</h2>
      <DataTable caption={t("firm.members")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("auth.displayName")}</th>
            {isOwner ? <th scope="col">{t("auth.email")}</th> : null}
            <th scope="col">{t("admin.role")}</th>
            <th scope="col">{t("firm.memberSince")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <td>{m.displayName}</td>
              {isOwner ? <td>{m.email}</td> : null}
              <td>{t(`account.roleNames.${m.role}`)}</td>
              <td>{new Date(m.since).toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {isOwner ? (
        <>
          <h2 id="invite">{t("firm.invite")}</h2>
          <p>{t("firm.inviteLead")}</p>
          {result?.intent === "invite" && result.link ? (
            <Notice tone="success">
              <p>{t("firm.invited", { email: result.email })}</p>
              <code className="copy-link" data-testid="invitation-link">
                {result.link}
              </code>
            </Notice>
          ) : null}
          {result?.intent === "revoke" && result.revoked ? <Notice>{t("firm.revoked")}</Notice> : null}
          <ErrorSummary errors={errors} labels={{ email: t("firm.inviteEmail") }} />
          <Form method="post" className="stack" noValidate>
            <TextField
              name="email"
              type="email"
              label={t("firm.inviteEmail")}
              autoComplete="off"
              defaultValue={result?.intent === "invite" ? (result.values as { email?: string }).email : undefined}
              error={errors.email}
              required
            />
            <button type="submit" className="button" name="intent" value="invite">
              {t("firm.inviteSubmit")}
            </button>
          </Form>
          <h3>{t("firm.openInvitations")}</h3>
          {invitations.length === 0 ? (
            <p>{t("firm.noOpenInvitations")}</p>
          ) : (
            <DataTable caption={t("firm.openInvitations")} captionClassName="visually-hidden">
              <thead>
                <tr>
                  <th scope="col">{t("auth.email")}</th>
                  <th scope="col">{t("firm.expires")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("firm.revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td>{i.email}</td>
                    <td>{new Date(i.expiresAt).toISOString().slice(0, 10)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button
                          type="submit"
                          className="link-button"
                          name="intent"
                          value="revoke"
                          aria-label={`${t("firm.revoke")} ${i.email}`}
                        >
                          {t("firm.revoke")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </>
      ) : null}
    </>
  );
}
