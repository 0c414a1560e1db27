// Consistency rules between a benchmark model and its questionnaire; each broken rule is a problem.
import { questionsOf } from "~/assessment/questions";
import type { BenchmarkModel, SurveyDefinition } from "~/assessment/schemas";

/** Questions on this page describe the firm and are not scored. */
export const PROFILE_PAGE = "profile";
export const SCORED_ARTICLES = Array.from({ length: 13 }, (_, i) => i + 4); // articles 4–16
const EPSILON = 1e-9;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function checkModel(model: BenchmarkModel, definition: SurveyDefinition): string[] {
  const problems: string[] = [];
  const questions = questionsOf(definition);
  const byName = new Map(questions.map((q) => [q.name, q]));
  const dimensionIds = new Set(model.dimensions.map((d) => d.id));

  if (Math.abs(sum(model.dimensions.map((d) => d.weight)) - 1) > EPSILON)
    problems.push("dimension weights do not sum to 1");
  for (const d of model.dimensions) {
    const own = model.indicators.filter((i) => i.dimension === d.id);
    if (own.length === 0) problems.push(`dimension "${d.id}" has no indicator`);
    else if (Math.abs(sum(own.map((i) => i.weight)) - 1) > EPSILON)
      problems.push(`indicator weights of dimension "${d.id}" do not sum to 1`);
  }

  const mapped = new Set<string>();
  for (const ind of model.indicators) {
    if (mapped.has(ind.question)) problems.push(`question "${ind.question}" is mapped twice`);
    mapped.add(ind.question);
    if (!dimensionIds.has(ind.dimension))
      problems.push(`indicator "${ind.question}" names unknown dimension "${ind.dimension}"`);
    const q = byName.get(ind.question);
    if (!q) {
      problems.push(`indicator "${ind.question}" names a question the questionnaire does not have`);
      continue;
    }
    if (q.page === PROFILE_PAGE) problems.push(`profile question "${q.name}" must not be scored`);
    if (ind.kind === "level") {
      if (q.type !== "radiogroup") problems.push(`level indicator "${q.name}" must be a single-choice question`);
      const levelValues = Object.keys(ind.levels);
      for (const v of q.values) {
        if (v !== ind.notApplicable && !levelValues.includes(v))
          problems.push(`choice "${v}" of "${q.name}" maps to no level`);
      }
      for (const v of levelValues)
        if (!q.values.includes(v)) problems.push(`level key "${v}" of "${q.name}" is not a choice`);
      if (ind.notApplicable !== undefined && !q.values.includes(ind.notApplicable))
        problems.push(`"${q.name}": its not-applicable value is not a choice`);
      const levels = Object.values(ind.levels).sort();
      if (levels.join() !== "1,2,3,4,5") problems.push(`"${q.name}" must have exactly one option per level 1–5`);
    } else {
      if (q.type !== "checkbox") problems.push(`coverage indicator "${q.name}" must be a checkbox question`);
      if (ind.none !== undefined && ind.none !== q.noneValue)
        problems.push(`coverage indicator "${q.name}": its none value is not the question's none item`);
      const excused = Object.entries(ind.notApplicableItems ?? {});
      for (const [na, item] of excused) {
        if (!q.values.includes(na)) problems.push(`"${q.name}": not-applicable choice "${na}" is not a choice`);
        if (!q.values.includes(item) || item in (ind.notApplicableItems ?? {}))
          problems.push(`"${q.name}": not-applicable choice "${na}" excuses "${item}", which is not an item`);
      }
      if (new Set(excused.map(([, item]) => item)).size !== excused.length)
        problems.push(`"${q.name}": an item is excused by two not-applicable choices`);
    }
  }
  // Options that depend on partners belong to the scenario tiers of the guide (arts. 5–6) only.
  const chainDimensions = new Set(
    model.dimensions.filter((d) => d.articles.includes(5) || d.articles.includes(6)).map((d) => d.id),
  );
  for (const page of definition.pages)
    for (const q of page.elements) {
      const ind = model.indicators.find((i) => i.question === q.name);
      if (!ind || chainDimensions.has(ind.dimension)) continue;
      for (const c of q.choices)
        if (c.scope === "chain")
          problems.push(`"${q.name}" option ${c.value} depends on partners outside the scenario dimension`);
    }
  for (const q of questions) {
    if (q.page !== PROFILE_PAGE && !mapped.has(q.name))
      problems.push(`question "${q.name}" is not mapped to any dimension`);
  }
  for (const article of SCORED_ARTICLES) {
    const n = model.indicators.filter((i) => i.articles.includes(article)).length;
    if (n < 2) problems.push(`guide article ${article} is covered by ${n} question(s); at least 2 are needed`);
  }

  const bands = [...model.stages].sort((a, b) => a.min - b.min);
  bands.forEach((b, i) => {
    if (b.stage !== i + 1) problems.push("stages must be numbered 1–5 from the lowest band up");
    if (b.max <= b.min) problems.push(`stage ${b.stage}: its band is empty`);
    const next = bands[i + 1];
    if (next && b.max !== next.min) problems.push(`stages ${b.stage} and ${next.stage}: bands leave a gap or overlap`);
  });
  if (bands[0]?.min !== 0 || bands[bands.length - 1]?.max !== 100) problems.push("stage bands must run from 0 to 100");

  for (const g of model.gates)
    if (!dimensionIds.has(g.dimension)) problems.push(`gate "${g.id}" names unknown dimension "${g.dimension}"`);
  const ruleIds = model.gates.map((g) => g.id);
  for (const rule of model.weakestLink ?? []) {
    ruleIds.push(rule.id);
    for (const d of rule.foundation)
      if (!dimensionIds.has(d)) problems.push(`weakest-link rule "${rule.id}" names unknown dimension "${d}"`);
  }
  if (new Set(ruleIds).size !== ruleIds.length) problems.push("gate and weakest-link rule ids must be unique");
  for (const c of model.comparability ?? [])
    for (const d of c.dimensions)
      if (!dimensionIds.has(d)) problems.push(`comparability with "${c.edition}" names unknown dimension "${d}"`);
  for (const d of model.dimensions)
    for (let level = 1; level <= 5; level++) {
      const n = model.recommendations.filter((r) => r.dimension === d.id && r.level === level).length;
      if (n !== 1) problems.push(`dimension "${d.id}" level ${level} has ${n} recommendations; exactly 1 is needed`);
    }
  if (model.recommendations.some((r) => !dimensionIds.has(r.dimension)))
    problems.push("a recommendation names an unknown dimension");
  return problems;
}
