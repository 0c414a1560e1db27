import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireFirmMember } from "~/accounts/guard.server";
import { currentPeriod, listAssessments, startAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { getFirm } from "~/firms/firm.server";
import { useTranslation } from "~/i18n/use-translation";
import { notFound } from "~/platform/http.server";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const firm = (await getFirm(caller.firmId)) ?? notFound();
  const version = await currentQuestionnaireVersion();
  const period = currentPeriod();
  const rows = await listAssessments(firm.id);
  const current = version
    ? rows.find((a) => a.period === period && a.questionnaireVersionId === version.id)
    : undefined;
  return {
    firm: { id: firm.id, name: firm.name },
    period,
    questionCount: version?.model.indicators.length ?? 0,
    hasVersion: Boolean(version),
    current: current ? { id: current.id, status: current.status } : null,
    assessments: rows.map((a) => ({
      ...a,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      updatedAt: a.updatedAt.toISOString(),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const version = await currentQuestionnaireVersion();
  if (!version) throw new Response("No published questionnaire", { status: 409 });
  const assessment = await startAssessment(caller.firmId, caller.user.id, version, currentPeriod());
  return redirect(`/firms/${caller.firmId}/assessments/${assessment.id}`);
}

export default function Assessments() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/firms/${data.firm.id}/assessments`;
  return (
    <>
      <p className="muted">
        <Link to={`/firms/${data.firm.id}`}>{data.firm.name}</Link>
      </p>
      <h1>{t("assessment.title")}</h1>
      <p className="lead">{t("assessment.lead", { count: data.questionCount })}</p>
      {!data.hasVersion ? (
        <p>{t("assessment.noVersion")}</p>
      ) : data.current?.status === "submitted" ? (
        <p>
          <Link className="button" to={`${base}/${data.current.id}/report`}>
            {t("assessment.report")}
          </Link>
        </p>
      ) : (
        <Form method="post">
          <button type="submit" className="button">
            {data.current
              ? t("assessment.continue", { period: data.period })
              : t("assessment.start", { period: data.period })}
          </button>
        </Form>
      )}
      <h2>{t("assessment.history")}</h2>
      {data.assessments.length === 0 ? (
        <p>{t("assessment.none")}</p>
      ) : (
        <DataTable caption={t("assessment.history")} captionClassName="visually-hidden">
          <thead>
            <tr>
              <th scope="col">{t("assessment.period")}</th>
              <th scope="col">{t("progress.edition")}</th>
              <th scope="col">{t("assessment.status")}</th>
              <th scope="col">{t("assessment.score")}</th>
              <th scope="col">{t("assessment.stage")}</th>
              <th scope="col">{t("assessment.updated")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("assessment.open")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.assessments.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.period}</th>
                <td>{a.questionnaireVersionId}</td>
                <td>{t(`assessment.statuses.${a.status}`)}</td>
                <td>{a.overallScore?.toFixed(1) ?? "—"}</td>
                <td>{a.stage ?? "—"}</td>
                <td>{a.updatedAt.slice(0, 10)}</td>
                <td>
                  <Link to={a.status === "submitted" ? `${base}/${a.id}/report` : `${base}/${a.id}`}>
                    {a.status === "submitted" ? t("assessment.report") : t("assessment.open")}
                    <span className="visually-hidden"> {a.period}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
