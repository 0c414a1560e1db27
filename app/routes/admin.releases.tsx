import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { requireStaff } from "~/accounts/guard.server";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { releaseAction, releasesPage } from "~/statistics/release/admin.server";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "analyst", "admin");
  const page = await releasesPage();
  const params = new URL(args.request.url).searchParams;
  // ?withdraw=N opens the withdrawal form of a public release (the confirmation step).
  const asked = Number(params.get("withdraw"));
  const withdrawing = page.releases.find((r) => r.number === asked && isPublic(r.status)) ?? null;
  // ?build=<job id>: the build this user just queued, whose state the page announces.
  const followed = page.builds.find((b) => b.id === params.get("build")) ?? null;
  return { ...page, followed, withdrawing: withdrawing ? withdrawal(page.releases, withdrawing) : null };
}

const RELEASE_ERRORS = [
  "no_data",
  "label_taken",
  "not_found",
  "not_built",
  "newer_exists",
  "unresolved",
  "bad_period",
] as const;

const STAGES = ["snapshot", "loading", "computing", "writing", "done"] as const;
const stageOf = (stage: string | null) => STAGES.find((s) => s === stage) ?? ("snapshot" as (typeof STAGES)[number]);

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
  // A queued build: back to the page (post/redirect/get), which follows that build until it is done.
  if (result.ok === "queued") return redirect(`/admin/releases?build=${result.jobId}`);
  return data(result, { status: result.ok === false ? 400 : 200 });
}

/** While a build is queued or running, reload the page's data now and then (with JavaScript). */
function usePollWhile(active: boolean, everyMs: number) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!active || state !== "idle") return;
    const timer = setTimeout(revalidate, everyMs);
    return () => clearTimeout(timer);
  }, [active, state, revalidate, everyMs]);
}

export default function Releases() {
  const { edition, periods, releases, publishable, withdrawing, builds, building, followed } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, i18n } = useTranslation();
  usePollWhile(building, 1500);
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { timeZone: "Asia/Shanghai" }) : "—";
  const buildState = (b: (typeof builds)[number]) =>
    b.status === "done"
      ? t("releases.done", { number: b.number })
      : b.status === "failed"
        ? buildError(b.error)
        : b.status === "queued"
          ? t("releases.jobs.queued")
          : t("releases.jobs.running", {
              stage: t(`releases.jobs.stages.${stageOf(b.stage)}`, {
                period: b.period ?? "",
                done: (b.cellsDone ?? 0).toLocaleString(i18n.language),
                total: (b.cellsTotal ?? 0).toLocaleString(i18n.language),
              }),
              percent: Math.round(b.share * 100),
            });
  const buildError = (code: string | null) =>
    code && (RELEASE_ERRORS as readonly string[]).includes(code)
      ? t(`releases.errors.${code as (typeof RELEASE_ERRORS)[number]}`)
      : code === "interrupted"
        ? t("releases.jobs.interrupted")
        : t("releases.jobs.failed", { reason: code ?? "—" });
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
      {followed && !result ? (
        <p role="status" className={followed.status === "failed" ? "error-summary" : "notice"}>
          {buildState(followed)}
        </p>
      ) : null}
      {builds.length > 0 ? (
        <section aria-labelledby="builds-title">
          <h2 id="builds-title">{t("releases.jobs.title")}</h2>
          {building ? (
            <p className="hint">
              {t("releases.jobs.refreshHint")}{" "}
              <Link to={followed ? `/admin/releases?build=${followed.id}` : "/admin/releases"}>
                {t("releases.jobs.refresh")}
              </Link>
            </p>
          ) : null}
          <DataTable caption={t("releases.jobs.title")} captionClassName="visually-hidden">
            <thead>
              <tr>
                <th scope="col">{t("releases.jobs.requested")}</th>
                <th scope="col">{t("releases.label")}</th>
                <th scope="col">{t("releases.jobs.state")}</th>
                <th scope="col">{t("releases.jobs.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {builds.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{when(b.createdAt)}</th>
                  <td>{b.label ?? "—"}</td>
                  <td>{buildState(b)}</td>
                  <td>
                    <progress
                      value={b.share}
                      max={1}
                      aria-label={t("releases.jobs.progressOf", { label: b.label ?? when(b.createdAt) })}
                    >
                      {Math.round(b.share * 100)}%
                    </progress>{" "}
                    {Math.round(b.share * 100)}%
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
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
          {edition ? <p className="hint">{t("releases.edition", { edition })}</p> : null}
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
