import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { firmRole } from "~/accounts/access";
import { requireFirmMember } from "~/accounts/guard.server";
import { getAssessment } from "~/assessment/assessment.server";
import { currentQuestionnaireVersion, getQuestionnaireVersion } from "~/assessment/questionnaire.server";
import { getFirm } from "~/firms/firm.server";
import { pick } from "~/i18n/locales";
import { requestI18n } from "~/i18n/server-t.server";
import { useRouteLocale } from "~/i18n/use-locale";
import { useText } from "~/i18n/use-text";
import { useTranslation } from "~/i18n/use-translation";
import { addCustomForm, addRecommendationForm, addSceneForm, parsePlanForm, updateForm } from "~/plan/forms";
import { editableFields } from "~/plan/permissions";
import {
  addAction,
  listMemberIds,
  loadPlan,
  type NewAction,
  type PlanChangeResult,
  updateAction,
} from "~/plan/plan.server";
import { PlanItemView } from "~/plan/plan-item";
import { PLAN_STATUSES } from "~/plan/status";
import { readForm } from "~/platform/form-read.server";
import { notFound } from "~/platform/http.server";
import { getScene } from "~/scenes/scene.server";
import { ErrorSummary, Notice, SelectField, TextAreaField, TextField } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · QMD Portal` }];

export async function loader(args: LoaderFunctionArgs) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const firm = (await getFirm(caller.firmId)) ?? notFound();
  const { t } = await requestI18n(args);
  const [items, members, version] = await Promise.all([
    loadPlan(firm.id),
    listMemberIds(firm.id),
    currentQuestionnaireVersion(),
  ]);
  const actor = { userId: caller.user.id, role: firmRole(caller.principal, firm.id) };
  return {
    title: t("plan.pageTitle", { firm: firm.name }),
    firm: { id: firm.id, name: firm.name },
    me: caller.user.id,
    isOwner: actor.role === "owner",
    members: members.map((m) => ({ id: m.userId, name: m.name })),
    dimensions: version?.model.dimensions.map((d) => ({ id: d.id, name: d.name })) ?? [],
    items: items.map((item) => ({ item, editable: editableFields(actor, { ownerId: item.owner?.id ?? null }) })),
  };
}

type ActionReply = { intent: string; actionId: string | null; errors: Record<string, string> };

function reply(intent: string, actionId: string | null, errors: Record<string, string>, status: number) {
  return data<ActionReply>({ intent, actionId, errors }, { status });
}

function outcome(intent: string, actionId: string | null, result: PlanChangeResult, firmId: string) {
  if (result.ok) {
    const q = intent === "update" ? "saved=1" : result.duplicate ? "duplicate=1" : "added=1";
    return redirect(`/firms/${firmId}/plan?${q}#action-${result.id}`);
  }
  if (result.reason === "refused") return reply(intent, actionId, { form: `plan.errors.${result.decision}` }, 403);
  if (result.reason === "not_found") return reply(intent, actionId, { form: "plan.errors.notFound" }, 404);
  return reply(intent, actionId, result.errors, 400);
}

export async function action(args: ActionFunctionArgs) {
  const caller = await requireFirmMember(args, args.params.firmId);
  const firmId = caller.firmId;
  const actor = { userId: caller.user.id, role: firmRole(caller.principal, firmId) };
  const form = await readForm(args);
  const intent = String(form.get("intent") ?? "");
  if (intent === "update") {
    const parsed = parsePlanForm(updateForm, form);
    const actionId = String(form.get("actionId") ?? "");
    if (!parsed.ok) return reply(intent, actionId, parsed.errors, 400);
    const { actionId: id, ...changes } = parsed.data;
    return outcome(intent, id, await updateAction(firmId, actor, id, changes), firmId);
  }
  if (intent === "add-custom") {
    const parsed = parsePlanForm(addCustomForm, form);
    if (!parsed.ok) return reply(intent, null, parsed.errors, 400);
    const version = await currentQuestionnaireVersion();
    if (!version?.model.dimensions.some((d) => d.id === parsed.data.dimension))
      return reply(intent, null, { dimension: "plan.errors.dimension" }, 400);
    const input: NewAction = {
      assessmentId: null,
      source: "custom",
      sourceKey: null,
      dimension: parsed.data.dimension,
      title: parsed.data.title,
      articles: version.model.dimensions.find((d) => d.id === parsed.data.dimension)!.articles,
      ownerId: parsed.data.ownerId ?? caller.user.id,
      dueDate: parsed.data.dueDate ?? null,
      notes: parsed.data.notes,
    };
    return outcome(intent, null, await addAction(firmId, actor, input), firmId);
  }
  if (intent === "add-recommendation" || intent === "add-scene") {
    const parsed =
      intent === "add-recommendation" ? parsePlanForm(addRecommendationForm, form) : parsePlanForm(addSceneForm, form);
    if (!parsed.ok) return reply(intent, null, parsed.errors, 400);
    const d = parsed.data;
    const assessment = await getAssessment(firmId, d.assessmentId);
    if (!assessment || assessment.status !== "submitted") notFound();
    const version = await getQuestionnaireVersion(assessment.questionnaireVersionId);
    const dimension = version?.model.dimensions.find((x) => x.id === d.dimension);
    if (!version || !dimension) return reply(intent, null, { form: "plan.errors.unknownSource" }, 400);
    let input: NewAction;
    if ("actionIndex" in d) {
      const rec = version.model.recommendations.find((r) => r.dimension === d.dimension && r.level === d.level);
      const title = rec?.actions[d.actionIndex];
      if (!rec || !title) return reply(intent, null, { form: "plan.errors.unknownSource" }, 400);
      input = {
        assessmentId: assessment.id,
        source: "recommendation",
        sourceKey: `rec:${assessment.id}:${d.dimension}:${d.level}:${d.actionIndex}`,
        dimension: d.dimension,
        recommendationLevel: d.level,
        actionIndex: d.actionIndex,
        sourceTitle: title,
        articles: rec.articles,
        ownerId: caller.user.id,
        dueDate: null,
        notes: "",
      };
    } else {
      const scene = await getScene(d.sceneSlug);
      if (!scene) return reply(intent, null, { form: "plan.errors.unknownSource" }, 400);
      input = {
        assessmentId: assessment.id,
        source: "scene",
        sourceKey: `scene:${assessment.id}:${scene.slug}`,
        dimension: d.dimension,
        sceneSlug: scene.slug,
        sourceTitle: scene.title,
        articles: scene.articles,
        ownerId: caller.user.id,
        dueDate: null,
        notes: "",
      };
    }
    return outcome(intent, null, await addAction(firmId, actor, input), firmId);
  }
  return reply(intent, null, { form: "plan.errors.invalid" }, 400);
}

export default function PlanPage() {
  const { title, firm, me, isOwner, members, dimensions, items } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const text = useText();
  const locale = useRouteLocale();
  const addErrors: Record<string, string | undefined> = result && result.actionId === null ? result.errors : {};
  const ownerOptions = members.map((m) => ({ value: m.id, label: m.name }));
  const statusOptions = PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }));
  return (
    <>
      <p className="muted">
        <Link to={`/firms/${firm.id}`}>{t("plan.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("plan.lead")}</p>
      <p className="muted">{t("plan.rule")}</p>
      {params.get("added") ? <Notice tone="success">{t("plan.added")}</Notice> : null}
      {params.get("duplicate") ? <Notice>{t("plan.alreadyAdded")}</Notice> : null}
      {params.get("saved") ? <Notice tone="success">{t("plan.saved")}</Notice> : null}
      {result?.errors.form ? <ErrorSummary errors={{}} labels={{}} message={text(result.errors.form)} /> : null}
      {items.length === 0 ? <p>{t("plan.empty")}</p> : null}
      {items.map(({ item, editable }) => {
        const errors: Record<string, string | undefined> = result?.actionId === item.id ? result.errors : {};
        const id = (f: string) => `${f}-${item.id}`;
        return (
          <PlanItemView key={item.id} item={item} locale={locale}>
            {editable.length === 0 ? (
              <p className="muted">{t("plan.readOnly")}</p>
            ) : (
              <details open={Object.keys(errors).length > 0}>
                <summary>
                  {t("plan.edit")}
                  <span className="visually-hidden">: {pick(item.title, locale)}</span>
                </summary>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="actionId" value={item.id} />
                  {editable.includes("owner") ? (
                    <SelectField
                      name="ownerId"
                      id={id("ownerId")}
                      label={t("plan.owner")}
                      error={errors.ownerId}
                      options={ownerOptions}
                      defaultValue={item.owner?.id ?? me}
                    />
                  ) : null}
                  {editable.includes("dueDate") ? (
                    <TextField
                      name="dueDate"
                      id={id("dueDate")}
                      type="date"
                      label={t("plan.dueDate")}
                      hint={t("plan.dueDateHint")}
                      error={errors.dueDate}
                      defaultValue={item.dueDate ?? ""}
                    />
                  ) : null}
                  <SelectField
                    name="status"
                    id={id("status")}
                    label={t("plan.status")}
                    error={errors.status}
                    options={statusOptions}
                    defaultValue={item.status}
                  />
                  <TextAreaField
                    name="notes"
                    id={id("notes")}
                    label={t("plan.notes")}
                    error={errors.notes}
                    rows={3}
                    maxLength={2000}
                    defaultValue={item.notes}
                  />
                  <button type="submit" className="button">
                    {t("plan.save")}
                  </button>
                </Form>
              </details>
            )}
          </PlanItemView>
        );
      })}
      <h2 id="add">{t("plan.addTitle")}</h2>
      <ErrorSummary
        errors={Object.fromEntries(
          Object.entries(addErrors).filter((e): e is [string, string] => e[0] !== "form" && e[1] !== undefined),
        )}
        labels={{
          title: t("plan.actionTitle"),
          dimension: t("plan.dimension"),
          ownerId: t("plan.owner"),
          dueDate: t("plan.dueDate"),
          notes: t("plan.notes"),
        }}
      />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="add-custom" />
        <TextField name="title" label={t("plan.actionTitle")} error={addErrors.title} maxLength={200} required />
        <SelectField
          name="dimension"
          label={t("plan.dimension")}
          error={addErrors.dimension}
          placeholder={t("plan.chooseDimension")}
          options={dimensions.map((d) => ({ value: d.id, label: pick(d.name, locale) }))}
          required
        />
        {isOwner ? (
          <SelectField
            name="ownerId"
            label={t("plan.owner")}
            error={addErrors.ownerId}
            options={ownerOptions}
            defaultValue={me}
          />
        ) : null}
        <TextField
          name="dueDate"
          type="date"
          label={t("plan.dueDate")}
          hint={t("plan.dueDateHint")}
          error={addErrors.dueDate}
        />
        <TextAreaField name="notes" label={t("plan.notes")} error={addErrors.notes} rows={3} maxLength={2000} />
        <button type="submit" className="button">
          {t("plan.addSubmit")}
        </button>
      </Form>
    </>
  );
}
