// Content rules of the 2026 edition (issue 13 item 4, decision 040): depth-only levels with the
// chain kept to the scenario dimension, evidence hints, per-item N/A, results, level-specific advice.
import { describe, expect, it } from "vitest";
import { checkModel, PROFILE_PAGE, SCORED_ARTICLES } from "~/assessment/model-check";
import type { SurveyDefinition } from "~/assessment/schemas";
import { compileModel, scoreAssessment } from "~/assessment/scoring";
import { scenesOnDisk } from "~/scenes/content.server";
import { loadVersion } from "~test/support/assessment-fixtures";

const v2025 = loadVersion("qmd-2025");
const v2026 = loadVersion("qmd-2026");
const { model, definition, compiled } = v2026;
const questions = definition.pages.flatMap((p) => p.elements.map((q) => ({ ...q, page: p.name })));
const question = (name: string) => questions.find((q) => q.name === name)!;
const indicator = (name: string) => model.indicators.find((i) => i.question === name)!;
const texts = (name: string) => question(name).choices.map((c) => `${c.text.default} ${c.text.en}`);
const SCENARIOS = "scenarios";

describe("both editions", () => {
  it.each([v2025, v2026])("$id passes every model check", (v) => {
    expect(checkModel(v.model, v.definition)).toEqual([]);
  });

  it("2026 is declared a draft and 2025 declares no status (the sync publishes it)", () => {
    expect(model.status).toBe("draft");
    expect(v2025.model.status).toBeUndefined();
  });
});

describe("qmd-2026 content", () => {
  it("assesses every article 4-16 with at least two questions", () => {
    for (const a of SCORED_ARTICLES) {
      const n = model.indicators.filter((i) => i.articles.includes(a)).length;
      expect(n, `article ${a}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives every question an evidence hint in both languages", () => {
    for (const q of questions) {
      expect(q.description?.default ?? "", q.name).toContain("证据");
      expect(q.description?.en ?? "", q.name).toContain("Evidence");
    }
  });

  it("declares the scope of every level option, and only the scenario dimension depends on partners", () => {
    let chain = 0;
    for (const ind of model.indicators.filter((i) => i.kind === "level")) {
      for (const c of question(ind.question).choices) {
        if (ind.kind === "level" && String(c.value) === ind.notApplicable) continue;
        expect(c.scope, `${ind.question} ${c.value}`).toBeDefined();
        if (c.scope === "chain") {
          chain++;
          expect(ind.dimension, `${ind.question} ${c.value} depends on an outside party`).toBe(SCENARIOS);
        }
      }
    }
    expect(chain).toBeGreaterThan(0);
  });

  it("has the model check refuse a partner-dependent option outside the scenario dimension", () => {
    const planted = structuredClone(definition);
    planted.pages.find((p) => p.name === "equipment")!.elements[0]!.choices[4]!.scope = "chain";
    expect(checkModel(model, planted).join("\n")).toMatch(/"eqp_automation" option 5 depends on partners/);
  });

  it("measures results with outcome indicators, each scored and each with not applicable", () => {
    const results = model.indicators.filter((i) => i.dimension === "results");
    expect(results.map((i) => i.question).sort()).toEqual(
      ["res_auto_share", "res_complaints", "res_first_pass_yield", "res_nc_closure", "res_quality_loss"].sort(),
    );
    for (const i of results) expect(i.kind === "level" && i.notApplicable, i.question).toBe("na");
    expect(model.dimensions.find((d) => d.id === "results")!.weight).toBeGreaterThan(0);
  });

  it("gives every coverage checkbox per-item not applicable", () => {
    const coverage = model.indicators.filter((i) => i.kind === "coverage");
    expect(coverage.length).toBeGreaterThanOrEqual(4);
    for (const i of coverage)
      expect(Object.keys(i.kind === "coverage" ? (i.notApplicableItems ?? {}) : {}).length, i.question).toBeGreaterThan(
        0,
      );
  });

  it("lets a firm without R&D, design, logistics or service reach full link coverage", () => {
    const links = ["procurement", "production", "inspection", "warehousing", "sales"];
    const na = ["na-rnd", "na-design", "na-logistics", "na-service"];
    const r = scoreAssessment(compiled, { scn_links_data: [...links, ...na], scn_links_analysis: links });
    const score = (q: string) => r.indicators.find((i) => i.question === q)!.score;
    expect(score("scn_links_data")).toBe(100);
    expect(score("scn_links_analysis")).toBe(55.6); // 5 of 9: the four links count when not excused
  });

  it("fixes the defective options of 2025", () => {
    // using an external diagnosis (such as this portal) is no longer the top level
    expect(texts("str_review_reporting").join()).not.toMatch(/诊断对标|成熟度评价|外部/);
    // one-item-one-code levels 4 and 5 describe different practices
    const code = question("mat_one_item_one_code").choices;
    expect(code.find((c) => c.value === 4)!.text.default).not.toBe(code.find((c) => c.value === 5)!.text.default);
    // classified protection (等保) is a legal duty: level 3 of protection, nowhere at level 5
    expect(texts("sec_governance").join()).not.toMatch(/等级保护|等保/);
    const protection = question("sec_protection_layers").choices;
    expect(protection.find((c) => c.value === 3)!.text.default).toMatch(/等级保护/);
    expect(protection.find((c) => c.value === 5)!.text.default).not.toMatch(/等级保护/);
    // intelligent inspection is not machine vision only, and has not applicable
    expect(question("ins_intelligent").choices.find((c) => c.value === 3)!.text.default).toMatch(/在线分析仪/);
    const intelligent = indicator("ins_intelligent");
    expect(intelligent.kind === "level" ? intelligent.notApplicable : null).toBe("na");
    // a published pledge and external awards are not digital practice
    expect(texts("str_quality_objectives").join()).not.toMatch(/公开发布|承诺/);
    expect(texts("ppl_participation").join()).not.toMatch(/奖项|标杆认可/);
  });

  it("extends the certifications profile list, which is not scored", () => {
    const certs = question("profile_certifications");
    expect(certs.page).toBe(PROFILE_PAGE);
    const values = certs.choices.map((c) => c.value);
    for (const v of ["gbt-39116", "sme-digital", "srdi", "gbt-23001", "gbt-19580", "gmp", "haccp"])
      expect(values).toContain(v);
    expect(certs.choices.find((c) => c.value === "gbt-23001")!.text.default).toContain(
      "GB/T 23000 系列（GB/T 23001-2017）",
    );
    const profile = questions.filter((q) => q.page === PROFILE_PAGE).map((q) => q.name);
    expect(model.indicators.filter((i) => profile.includes(i.question))).toEqual([]);
  });

  it("recommends different actions and scenes at each level, all from the catalogue", () => {
    const catalogue = scenesOnDisk();
    for (const d of model.dimensions) {
      const recs = model.recommendations.filter((r) => r.dimension === d.id);
      const scenes = recs.map((r) => [...(r.scenes ?? [])].sort().join());
      expect(new Set(scenes).size, `${d.id} scenes`).toBe(5);
      expect(new Set(recs.map((r) => r.title.zh)).size, `${d.id} titles`).toBe(5);
      for (const r of recs) for (const s of r.scenes ?? []) expect(catalogue.has(s), s).toBe(true);
    }
  });

  it("declares which dimensions compare with 2025, all shared with it", () => {
    const shared = model.comparability?.find((c) => c.edition === "qmd-2025")?.dimensions ?? [];
    expect(shared.length).toBeGreaterThan(0);
    const ids2025 = new Set(v2025.model.dimensions.map((d) => d.id));
    for (const d of shared) expect(ids2025.has(d), d).toBe(true);
    expect(model.comparableWith).toEqual([]); // the overall score and stage do not compare
  });
});

describe("per-item not applicable on a small model", () => {
  const t = (s: string) => ({ default: s, en: s });
  const def: SurveyDefinition = {
    title: t("na"),
    pages: [
      {
        name: "a",
        elements: [
          {
            type: "checkbox",
            name: "links",
            title: t("links"),
            showNoneItem: true,
            choices: ["x", "y", "z", "na-x", "na-y"].map((v) => ({ value: v, text: t(v) })),
          },
        ],
      },
    ],
  };
  const small = compileModel(
    {
      ...structuredClone(v2025.model),
      dimensions: [{ ...v2025.model.dimensions[0]!, weight: 1 }],
      indicators: [
        {
          question: "links",
          dimension: v2025.model.dimensions[0]!.id,
          weight: 1,
          kind: "coverage",
          none: "none",
          notApplicableItems: { "na-x": "x", "na-y": "y" },
          articles: [4],
        },
      ],
    },
    def,
  );
  const score = (picked: string[]) => scoreAssessment(small, { links: picked }).indicators[0]!;

  it("takes an excused item out of the denominator, and counts a done item even if excused", () => {
    expect(score(["z"]).score).toBe(33.3);
    expect(score(["z", "na-x"]).score).toBe(50);
    expect(score(["z", "na-x", "na-y"]).score).toBe(100);
    expect(score(["x", "na-x"]).score).toBe(33.3);
    expect(score(["none"]).score).toBe(0);
  });
});
