import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { useTranslation } from "~/i18n/use-translation";
import { releaseAction, releasesPage } from "~/statistics/release/admin.server";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  return releasesPage();
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "analyst", "admin");
  const result = await releaseAction(await args.request.formData(), caller.user.id);
  return data(result, { status: result.ok === false ? 400 : 200 });
}

export default function Releases() {
  const { periods, releases, publishable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, i18n } = useTranslation();
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { timeZone: "Asia/Shanghai" }) : "—";
  return (
    <>
      <h1>{t("releases.title")}</h1>
      <p className="lead">{t("releases.intro")}</p>
      {result?.ok === "confirm" ? (
        <section aria-labelledby="confirm-publish" className="notice notice--warning">
          <h2 id="confirm-publish">{t("releases.confirmTitle", { number: result.number, label: result.label })}</h2>
          <p>{t("releases.confirmLead", { periods: result.periods.join("、") })}</p>
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="id" value={result.id} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" className="button" disabled={busy}>
              {t("releases.confirmPublish")}
            </button>
            <Link className="button button--secondary" to="/admin/releases">
              {t("releases.cancel")}
            </Link>
          </Form>
        </section>
      ) : result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "notice" : "error-summary"}>
          {result.ok ? t(result.message, { number: result.number }) : t(result.error)}
        </p>
      ) : null}
      <h2>{t("releases.build")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="build" />
        <div className="field">
          <label htmlFor="release-label">{t("releases.label")}</label>
          <input id="release-label" name="label" maxLength={60} aria-describedby="release-label-hint" />
          <p id="release-label-hint" className="hint">
            {t("releases.labelHint")}
          </p>
        </div>
        <fieldset>
          <legend>{t("releases.periods")}</legend>
          <p className="hint">{t("releases.periodsHint")}</p>
          {periods.map((p) => (
            <label key={p} className="checkbox">
              <input type="checkbox" name="periods" value={p} /> {p}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("releases.building") : t("releases.build")}
        </button>
      </Form>
      {releases.length === 0 ? (
        <p>{t("releases.none")}</p>
      ) : (
        <DataTable caption={t("releases.title")} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t("releases.number")}</th>
              <th scope="col">{t("releases.label")}</th>
              <th scope="col">{t("releases.status")}</th>
              <th scope="col">{t("releases.periods")}</th>
              <th scope="col">{t("releases.cells")}</th>
              <th scope="col">{t("releases.suppressedCells")}</th>
              <th scope="col">{t("releases.unresolved")}</th>
              <th scope="col">{t("releases.built")}</th>
              <th scope="col">{t("releases.published")}</th>
              <th scope="col">{t("releases.buildTime")}</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.number}</th>
                <td>{r.label}</td>
                <td>
                  {t(`releases.statuses.${r.status}`)}
                  {r.id === publishable && (
                    <Form method="post">
                      <input type="hidden" name="intent" value="publish" />
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" className="button small" disabled={busy}>
                        {t("releases.publish")}
                      </button>
                    </Form>
                  )}
                </td>
                <td>{r.periods.join("、")}</td>
                <td>{r.cells}</td>
                <td>{r.suppressed}</td>
                <td>{r.unresolved}</td>
                <td>{when(r.builtAt)}</td>
                <td>{when(r.publishedAt)}</td>
                <td>{r.buildMs === null ? "—" : `${(r.buildMs / 1000).toFixed(1)} s`}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
