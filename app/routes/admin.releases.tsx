import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { releaseAction, releasesPage } from "~/statistics/release/admin.server";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  const page = await releasesPage();
  // ?withdraw=N opens the withdrawal form of a public release (the confirmation step).
  const asked = Number(new URL(args.request.url).searchParams.get("withdraw"));
  const withdrawing = page.releases.find((r) => r.number === asked && isPublic(r.status)) ?? null;
  return { ...page, withdrawing: withdrawing ? withdrawal(page.releases, withdrawing) : null };
}

const isPublic = (status: string) => status === "published" || status === "superseded";

/** What the withdrawal form says will happen: which release the public pages fall back to, if any. */
function withdrawal(
  releases: Awaited<ReturnType<typeof releasesPage>>["releases"],
  r: Awaited<ReturnType<typeof releasesPage>>["releases"][number],
) {
  const fallback = r.status === "published" ? (releases.find((o) => o.status === "superseded")?.number ?? null) : null;
  return { id: r.id, number: r.number, label: r.label, current: r.status === "published", fallback };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "analyst", "admin");
  const result = await releaseAction(await readForm(args), caller.user.id);
  return data(result, { status: result.ok === false ? 400 : 200 });
}

export default function Releases() {
  const { periods, releases, publishable, withdrawing } = useLoaderData<typeof loader>();
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
          {result.ok
            ? "restored" in result && result.restored !== null
              ? t("releases.withdrawnRestored", { number: result.number, restored: result.restored })
              : t(result.message, { number: result.number })
            : t(result.error)}
        </p>
      ) : null}
      {withdrawing && !(result?.ok === true) ? (
        <section aria-labelledby="withdraw-title" className="notice notice--warning">
          <h2 id="withdraw-title">
            {t("releases.withdrawTitle", { number: withdrawing.number, label: withdrawing.label })}
          </h2>
          <p>{t("releases.withdrawLead")}</p>
          {withdrawing.current ? (
            <p>
              {withdrawing.fallback === null
                ? t("releases.withdrawEmpties")
                : t("releases.withdrawRestores", { number: withdrawing.fallback })}
            </p>
          ) : null}
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="id" value={withdrawing.id} />
            <div className="field">
              <label htmlFor="withdraw-reason">{t("releases.withdrawReason")}</label>
              <textarea
                id="withdraw-reason"
                name="reason"
                required
                minLength={5}
                maxLength={500}
                rows={3}
                aria-invalid={result?.ok === false && result.error === "releases.errors.reason" ? true : undefined}
              />
            </div>
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("releases.withdrawConfirm")}
              </button>
              <Link className="button button--secondary" to="/admin/releases">
                {t("releases.cancel")}
              </Link>
            </div>
          </Form>
        </section>
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
                  {r.status === "built" ? (
                    <>
                      {" "}
                      <Link
                        to={`/statistics?release=${r.number}`}
                        title={t("releases.previewHint", { number: r.number })}
                      >
                        {t("releases.preview")}
                      </Link>
                    </>
                  ) : null}
                  {isPublic(r.status) ? (
                    <>
                      {" "}
                      <Link to={`/admin/releases?withdraw=${r.number}`}>{t("releases.withdraw")}</Link>
                    </>
                  ) : null}
                  {r.status === "withdrawn" && r.withdrawnReason ? (
                    <span className="hint">
                      {" "}
                      {when(r.withdrawnAt)}: {r.withdrawnReason}
                    </span>
                  ) : null}
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
