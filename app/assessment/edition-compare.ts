// What changed from one edition to the next: questions added, removed or changed (and in what), the
// weights of dimensions and indicators, the stage bands, and the rules that hold a stage. Pure.
import type { BenchmarkModel, Indicator, SurveyDefinition } from "~/assessment/schemas";
import type { Localized } from "~/content/schemas";
import { canonicalJson } from "~/platform/canonical-json";

export interface EditionContent {
  definition: SurveyDefinition;
  model: BenchmarkModel;
}

export const QUESTION_ASPECTS = [
  "page",
  "title",
  "hint",
  "type",
  "options",
  "dimension",
  "weight",
  "scoring",
  "articles",
] as const;
export type QuestionAspect = (typeof QUESTION_ASPECTS)[number];

export interface QuestionRef {
  name: string;
  title: Localized;
}

export interface QuestionChange extends QuestionRef {
  aspects: QuestionAspect[];
}

export interface WeightChange {
  id: string;
  name: Localized;
  before: number;
  after: number;
}

export interface BandChange {
  stage: number;
  name: Localized;
  before: { min: number; max: number };
  after: { min: number; max: number };
}

export interface EditionComparison {
  questions: { added: QuestionRef[]; removed: QuestionRef[]; changed: QuestionChange[] };
  dimensions: { added: QuestionRef[]; removed: QuestionRef[] };
  dimensionWeights: WeightChange[];
  indicatorWeights: WeightChange[];
  bands: BandChange[];
  rules: { added: string[]; removed: string[]; changed: string[] };
}

type Question = SurveyDefinition["pages"][number]["elements"][number];

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const text = (t: { default: string; en: string }): Localized => ({ zh: t.default, en: t.en });

function questionsByName(d: SurveyDefinition): Map<string, { page: string; q: Question }> {
  return new Map(d.pages.flatMap((p) => p.elements.map((q) => [q.name, { page: p.name, q }] as const)));
}

/** The scoring part of an indicator: everything but its dimension, weight and articles. */
function scoring(i: Indicator | undefined): unknown {
  if (!i) return null;
  const { dimension: _d, weight: _w, articles: _a, question: _q, ...rest } = i;
  return rest;
}

function questionAspects(
  a: { page: string; q: Question },
  b: { page: string; q: Question },
  ia: Indicator | undefined,
  ib: Indicator | undefined,
): QuestionAspect[] {
  const aspects: QuestionAspect[] = [];
  if (a.page !== b.page) aspects.push("page");
  if (!same(a.q.title, b.q.title)) aspects.push("title");
  if (!same(a.q.description ?? null, b.q.description ?? null)) aspects.push("hint");
  if (a.q.type !== b.q.type) aspects.push("type");
  const options = (q: Question) => [q.choices, q.showNoneItem ?? false, q.noneText ?? null];
  if (!same(options(a.q), options(b.q))) aspects.push("options");
  if ((ia?.dimension ?? null) !== (ib?.dimension ?? null)) aspects.push("dimension");
  if ((ia?.weight ?? null) !== (ib?.weight ?? null)) aspects.push("weight");
  if (!same(scoring(ia), scoring(ib))) aspects.push("scoring");
  if (!same(ia?.articles ?? [], ib?.articles ?? [])) aspects.push("articles");
  return aspects;
}

function rulesOf(m: BenchmarkModel): Map<string, unknown> {
  return new Map<string, unknown>([
    ...m.gates.map((g) => [g.id, g] as const),
    ...(m.weakestLink ?? []).map((r) => [r.id, r] as const),
  ]);
}

/** The differences from `before` to `after`, in the order of `after` (removed things in the order of `before`). */
export function compareEditions(before: EditionContent, after: EditionContent): EditionComparison {
  const qa = questionsByName(before.definition);
  const qb = questionsByName(after.definition);
  const ia = new Map(before.model.indicators.map((i) => [i.question, i]));
  const ib = new Map(after.model.indicators.map((i) => [i.question, i]));
  const questions: EditionComparison["questions"] = { added: [], removed: [], changed: [] };
  for (const [name, b] of qb) {
    const a = qa.get(name);
    if (!a) questions.added.push({ name, title: text(b.q.title) });
    else {
      const aspects = questionAspects(a, b, ia.get(name), ib.get(name));
      if (aspects.length) questions.changed.push({ name, title: text(b.q.title), aspects });
    }
  }
  for (const [name, a] of qa) if (!qb.has(name)) questions.removed.push({ name, title: text(a.q.title) });

  const da = new Map(before.model.dimensions.map((d) => [d.id, d]));
  const db = new Map(after.model.dimensions.map((d) => [d.id, d]));
  const dimensions: EditionComparison["dimensions"] = {
    added: after.model.dimensions.filter((d) => !da.has(d.id)).map((d) => ({ name: d.id, title: d.name })),
    removed: before.model.dimensions.filter((d) => !db.has(d.id)).map((d) => ({ name: d.id, title: d.name })),
  };
  const dimensionWeights = after.model.dimensions.flatMap((d) => {
    const was = da.get(d.id);
    return was && was.weight !== d.weight ? [{ id: d.id, name: d.name, before: was.weight, after: d.weight }] : [];
  });
  const indicatorWeights = after.model.indicators.flatMap((i) => {
    const was = ia.get(i.question);
    const q = qb.get(i.question);
    return was && q && was.weight !== i.weight
      ? [{ id: i.question, name: text(q.q.title), before: was.weight, after: i.weight }]
      : [];
  });
  const bands = after.model.stages.flatMap((s) => {
    const was = before.model.stages.find((o) => o.stage === s.stage);
    return was && (was.min !== s.min || was.max !== s.max)
      ? [{ stage: s.stage, name: s.name, before: { min: was.min, max: was.max }, after: { min: s.min, max: s.max } }]
      : [];
  });
  const ra = rulesOf(before.model);
  const rb = rulesOf(after.model);
  const rules = {
    added: [...rb.keys()].filter((id) => !ra.has(id)),
    removed: [...ra.keys()].filter((id) => !rb.has(id)),
    changed: [...rb.keys()].filter((id) => ra.has(id) && !same(ra.get(id), rb.get(id))),
  };
  return { questions, dimensions, dimensionWeights, indicatorWeights, bands, rules };
}

/** True when the comparison found no difference at all. */
export function isUnchanged(c: EditionComparison): boolean {
  return (
    c.questions.added.length + c.questions.removed.length + c.questions.changed.length === 0 &&
    c.dimensions.added.length + c.dimensions.removed.length === 0 &&
    c.dimensionWeights.length + c.indicatorWeights.length + c.bands.length === 0 &&
    c.rules.added.length + c.rules.removed.length + c.rules.changed.length === 0
  );
}
