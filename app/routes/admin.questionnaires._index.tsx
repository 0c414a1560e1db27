import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { contentPairs, importEdition, listEditions, readContentPair } from "~/assessment/edition-admin.server";
import { type EditionFiles, type EditionProblem, readEditionFiles } from "~/assessment/edition-files";
import { pick } from "~/i18n/locales";
import { fixedMeta } from "~/i18n/meta";
import { useRouteLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { readForm, readUpload } from "~/platform/form-read.server";
import { DataTable } from "~/ui/data-table";

export const meta = fixedMeta("editions.title", "editions.metaDescription");

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "admin");
  const editions = await listEditions();
  return {
    pairs: contentPairs(),
    editions: editions.map((e) => ({
      ...e,
      publishedAt: e.publishedAt?.toISOString() ?? null,
      retiredAt: e.retiredAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

type ImportRefusal =
  | { problems: EditionProblem[]; missingFiles?: undefined; notDraft?: undefined }
  | { missingFiles: true; problems?: undefined; notDraft?: undefined }
  | {
      notDraft: { id: string; status: "draft" | "published" | "retired" };
      problems?: undefined;
      missingFiles?: undefined;
    };

async function fileText(value: FormDataEntryValue | null): Promise<string | null> {
  if (value === null || typeof value === "string" || value.size === 0) return null;
  return value.text();
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireStaff(args, "admin");
  const multipart = /^multipart\//i.test(args.request.headers.get("Content-Type") ?? "");
  const form = multipart ? await readUpload(args) : await readForm(args);
  let files: EditionFiles;
  const intent = form.get("intent");
  if (intent === "upload") {
    const [definition, model] = await Promise.all([fileText(form.get("questionnaire")), fileText(form.get("model"))]);
    if (definition === null || model === null) return data<ImportRefusal>({ missingFiles: true }, { status: 400 });
    files = readEditionFiles(definition, model);
  } else if (intent === "content") {
    files = readContentPair(String(form.get("pair") ?? ""));
  } else throw new Response("Unknown intent / 未知操作", { status: 400 });
  if (!files.ok) return data<ImportRefusal>({ problems: files.problems }, { status: 400 });
  const stored = await importEdition(caller.user.id, files, intent === "upload" ? "upload" : "content");
  if (!stored.ok) return data<ImportRefusal>({ notDraft: { id: stored.id, status: stored.status } }, { status: 409 });
  return redirect(`/admin/questionnaires/${stored.id}?done=${stored.replaced ? "replaced" : "imported"}`);
}

export default function Editions() {
  const { editions, pairs } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t, i18n } = useTranslation();
  const locale = useRouteLocale();
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { timeZone: "Asia/Shanghai" }) : t("editions.none");
  return (
    <>
      <p className="muted">
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("editions.title")}</h1>
      <p className="lead">{t("editions.intro")}</p>
      {refused ? (
        <div className="error-summary" role="alert" aria-labelledby="import-problems" tabIndex={-1}>
          <h2 id="import-problems">
            {refused.problems
              ? t("editions.problemsTitle", { count: refused.problems.length })
              : t("form.errorSummary")}
          </h2>
          <ul>
            {refused.missingFiles ? <li>{t("editions.missingFiles")}</li> : null}
            {refused.notDraft ? (
              <li>
                {t("editions.notDraft", {
                  id: refused.notDraft.id,
                  status: t(`editions.statuses.${refused.notDraft.status}`),
                })}
              </li>
            ) : null}
            {refused.problems?.map((p, i) => (
              <li key={i}>
                <strong>
                  {t(`editions.files.${p.file}`)} · <code>{p.field || t("editions.wholeFile")}</code>
                </strong>
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <DataTable caption={t("editions.caption")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("editions.edition")}</th>
            <th scope="col">{t("editions.status")}</th>
            <th scope="col">{t("editions.publishedAt")}</th>
            <th scope="col">{t("editions.retiredAt")}</th>
            <th scope="col">{t("editions.assessments")}</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/admin/questionnaires/${e.id}`} aria-label={t("editions.manage", { id: e.id })}>
                  {e.id}
                </Link>
                <br />
                <span className="muted">{pick(e.title, locale)}</span>
              </th>
              <td>
                {t(`editions.statuses.${e.status}`)}
                {e.open ? <strong>{t("editions.open")}</strong> : null}
              </td>
              <td>{when(e.publishedAt)}</td>
              <td>{when(e.retiredAt)}</td>
              <td>{t("editions.counts", { drafts: e.drafts, submitted: e.submitted })}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>{t("editions.importTitle")}</h2>
      <p>{t("editions.importLead")}</p>
      <section aria-labelledby="import-upload" className="stack">
        <h3 id="import-upload">{t("editions.uploadTitle")}</h3>
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="upload" />
          <div className="field">
            <label htmlFor="questionnaire">{t("editions.questionnaireFile")}</label>
            <input id="questionnaire" name="questionnaire" type="file" accept=".json,application/json" required />
          </div>
          <div className="field">
            <label htmlFor="model">{t("editions.modelFile")}</label>
            <input id="model" name="model" type="file" accept=".json,application/json" required />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("editions.upload")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="import-content" className="stack">
        <h3 id="import-content">{t("editions.contentTitle")}</h3>
        {pairs.length ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="content" />
            <div className="field">
              <label htmlFor="pair">{t("editions.contentPair")}</label>
              <select id="pair" name="pair">
                {pairs.map((p) => (
                  <option key={p} value={p}>
                    {`questionnaires/${p}.json + models/${p}.json`}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("editions.importContent")}
            </button>
          </Form>
        ) : (
          <p>{t("editions.noContent")}</p>
        )}
      </section>
    </>
  );
}
