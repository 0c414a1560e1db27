import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { editionDetail, listEditions, publishEdition, retireEdition } from "~/assessment/edition-admin.server";
import { compareEditions, type EditionComparison, isUnchanged } from "~/assessment/edition-compare";
import { canTake } from "~/assessment/edition-lifecycle";
import { pick } from "~/i18n/locales";
import { metaText, pageMeta, siteMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { readForm } from "~/platform/form-read.server";
import { notFound } from "~/platform/http.server";
import { DataTable } from "~/ui/data-table";
import { Notice } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return siteMeta(matches);
  const t = metaText(matches);
  return pageMeta(`${data.row.id} · ${t("editions.title")}`, t("editions.metaDescription"));
};

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "admin");
  const detail = (await editionDetail(args.params.edition ?? "")) ?? notFound();
  const open = (await listEditions()).find((e) => e.open)?.id ?? null;
  const { row, previous } = detail;
  return {
    row: {
      ...row,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      retiredAt: row.retiredAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    },
    open,
    previous: previous?.id ?? null,
    comparison: previous ? compareEditions(previous, detail) : null,
  };
}

const STEP_ERRORS = ["not_found", "wrong_status", "last_open", "invalid"] as const;

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "admin");
  const form = await readForm(args);
  const id = args.params.edition ?? "";
  const step = form.get("intent");
  if (step !== "publish" && step !== "retire") throw new Response("Unknown intent / 未知操作", { status: 400 });
  // Both steps cannot be undone: the first post asks, the second (confirm=yes) does it.
  if (form.get("confirm") !== "yes") return { confirm: step, error: null };
  const result =
    step === "publish" ? await publishEdition(caller.user.id, id) : await retireEdition(caller.user.id, id);
  if (result.ok) return redirect(`/admin/questionnaires/${id}?done=${step === "publish" ? "published" : "retired"}`);
  return data({ confirm: null, error: result.reason }, { status: result.reason === "not_found" ? 404 : 409 });
}

function Comparison({ c }: { c: EditionComparison }) {
  const { t } = useTranslation();
  const locale = useRouteLocale();
  if (isUnchanged(c)) return <p>{t("editions.unchanged")}</p>;
  const list = (title: string, items: Array<{ name: string; title: { zh: string; en: string } }>) =>
    items.length ? (
      <>
        <h3>{title}</h3>
        <ul>
          {items.map((q) => (
            <li key={q.name}>
              <code>{q.name}</code> {pick(q.title, locale)}
            </li>
          ))}
        </ul>
      </>
    ) : null;
  const weights = (caption: string, rows: EditionComparison["dimensionWeights"], head: string) =>
    rows.length ? (
      <DataTable caption={caption}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t("editions.before")}</th>
            <th scope="col">{t("editions.after")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                <code>{w.id}</code> {pick(w.name, locale)}
              </th>
              <td>{w.before}</td>
              <td>{w.after}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    ) : null;
  const rules = (title: string, ids: string[]) =>
    ids.length ? (
      <p>
        <strong>{title}</strong>:{" "}
        {ids.map((id) => (
          <code key={id}>{id} </code>
        ))}
      </p>
    ) : null;
  return (
    <>
      {list(t("editions.questionsAdded", { count: c.questions.added.length }), c.questions.added)}
      {list(t("editions.questionsRemoved", { count: c.questions.removed.length }), c.questions.removed)}
      {c.questions.changed.length ? (
        <DataTable caption={t("editions.questionsChanged", { count: c.questions.changed.length })}>
          <thead>
            <tr>
              <th scope="col">{t("editions.question")}</th>
              <th scope="col">{t("editions.whatChanged")}</th>
            </tr>
          </thead>
          <tbody>
            {c.questions.changed.map((q) => (
              <tr key={q.name}>
                <th scope="row">
                  <code>{q.name}</code> {pick(q.title, locale)}
                </th>
                <td>{q.aspects.map((a) => t(`editions.aspects.${a}`)).join(t("preview.separator"))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {list(t("editions.dimensionsAdded"), c.dimensions.added)}
      {list(t("editions.dimensionsRemoved"), c.dimensions.removed)}
      {weights(t("editions.dimensionWeights"), c.dimensionWeights, t("editions.dimension"))}
      {weights(t("editions.indicatorWeights"), c.indicatorWeights, t("editions.question"))}
      {c.bands.length ? (
        <DataTable caption={t("editions.bands")}>
          <thead>
            <tr>
              <th scope="col">{t("editions.stage")}</th>
              <th scope="col">{t("editions.before")}</th>
              <th scope="col">{t("editions.after")}</th>
            </tr>
          </thead>
          <tbody>
            {c.bands.map((b) => (
              <tr key={b.stage}>
                <th scope="row">
                  {b.stage} {pick(b.name, locale)}
                </th>
                <td>{t("editions.band", b.before)}</td>
                <td>{t("editions.band", b.after)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {rules(t("editions.rulesAdded"), c.rules.added)}
      {rules(t("editions.rulesRemoved"), c.rules.removed)}
      {rules(t("editions.rulesChanged"), c.rules.changed)}
    </>
  );
}

export default function Edition() {
  const { row, open, previous, comparison } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = useRouteLocale();
  const done = params.get("done");
  const status = t(`editions.statuses.${row.status}`);
  const stepForm = (step: "publish" | "retire") => (
    <Form method="post">
      <input type="hidden" name="intent" value={step} />
      <button type="submit" className={step === "publish" ? "button" : "button button--secondary"} disabled={busy}>
        {t(`editions.${step}`, { id: row.id })}
      </button>
    </Form>
  );
  return (
    <>
      <p className="muted">
        <Link to="/admin/questionnaires">{t("editions.back")}</Link>
      </p>
      <h1>{pick(row.title, locale)}</h1>
      <p className="lead">
        {t("editions.detailLead", { id: row.id, status })}
        {row.open ? t("editions.open") : null}
      </p>
      {done === "imported" || done === "replaced" ? (
        <Notice tone="success">{t(`editions.${done}`, { id: row.id })}</Notice>
      ) : done === "published" && row.status === "published" ? (
        <Notice tone="success">{t("editions.published", { id: row.id, hash: row.contentHash ?? "" })}</Notice>
      ) : done === "retired" && row.status === "retired" ? (
        <Notice tone="success">{t("editions.retired", { id: row.id, open: open ?? t("editions.none") })}</Notice>
      ) : null}
      {result?.error ? (
        <p role="alert" className="error-summary">
          {t(`editions.errors.${STEP_ERRORS.find((e) => e === result.error) ?? "wrong_status"}`)}
        </p>
      ) : null}
      <dl className="summary-list">
        <dt>{t("editions.assessments")}</dt>
        <dd>{t("editions.counts", { drafts: row.drafts, submitted: row.submitted })}</dd>
        <dt>{t("editions.hash")}</dt>
        <dd>
          <code>{row.contentHash ?? t("editions.none")}</code>
        </dd>
      </dl>

      <h2>{t("editions.previewTitle")}</h2>
      <p>{t("editions.previewLead")}</p>
      <ul>
        {(["zh", "en"] as const).map((lang) => (
          <li key={lang}>
            <Link to={`/admin/questionnaires/${row.id}/preview?lang=${lang}`} lang={lang}>
              {t("editions.previewIn", { language: t(`editions.languages.${lang}`) })}
            </Link>
          </li>
        ))}
      </ul>

      <h2>{previous ? t("editions.compareTitle", { id: previous }) : t("editions.compareHeading")}</h2>
      {comparison ? <Comparison c={comparison} /> : <p>{t("editions.compareNone")}</p>}

      {canTake("publish", row.status) ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{t("editions.publishTitle")}</h2>
          <p>{t("editions.publishLead")}</p>
          {result?.confirm === "publish" ? (
            <div className="notice notice--warning" role="alertdialog" aria-labelledby="confirm-publish">
              <h3 id="confirm-publish">{t("editions.confirmPublishTitle", { id: row.id })}</h3>
              <p>{t("editions.confirmPublishLead", { id: row.id, open: open ?? t("editions.none") })}</p>
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="confirm" value="yes" />
                <button type="submit" className="button" disabled={busy}>
                  {t("editions.confirmPublish")}
                </button>
                <Link className="button button--secondary" to={`/admin/questionnaires/${row.id}`}>
                  {t("editions.cancel")}
                </Link>
              </Form>
            </div>
          ) : (
            stepForm("publish")
          )}
        </section>
      ) : null}
      {canTake("retire", row.status) ? (
        <section aria-labelledby="retire-title">
          <h2 id="retire-title">{t("editions.retireTitle")}</h2>
          <p>{t("editions.retireLead")}</p>
          {result?.confirm === "retire" ? (
            <div className="notice notice--warning" role="alertdialog" aria-labelledby="confirm-retire">
              <h3 id="confirm-retire">{t("editions.confirmRetireTitle", { id: row.id })}</h3>
              <p>{t("editions.confirmRetireLead")}</p>
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="retire" />
                <input type="hidden" name="confirm" value="yes" />
                <button type="submit" className="button" disabled={busy}>
                  {t("editions.confirmRetire")}
                </button>
                <Link className="button button--secondary" to={`/admin/questionnaires/${row.id}`}>
                  {t("editions.cancel")}
                </Link>
              </Form>
            </div>
          ) : (
            stepForm("retire")
          )}
        </section>
      ) : null}
    </>
  );
}
