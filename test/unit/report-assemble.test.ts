// The report's pure assembly: targets from the peers' top quartile, the gated set, the priorities
// and the history's deltas, on the real qmd-2025 model and arbitrary answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { round1, scoreAssessment } from "~/assessment/scoring";
import {
  assembleReport,
  type CandidateCase,
  casesFor,
  gatedDimensions,
  historyOf,
  type HistoryRow,
  peerTargets,
  planPriorities,
  REPORT_PRIORITIES,
} from "~/report/assemble";
import type { PeerBenchmark, PeerOutcome } from "~/report/peer-benchmark.server";
import { arbitraryAnswers, loadVersion } from "~test/support/assessment-fixtures";

const version = loadVersion();
const { model, compiled } = version;

function peersWith(dimensions: PeerBenchmark["dimensions"]): PeerOutcome {
  return {
    status: "ok",
    peers: {
      release: { number: 1, label: "2026", publishedAt: "2026-06-30T00:00:00.000Z", synthetic: false },
      period: "2026",
      fallback: null,
      group: { industry: { code: "C36", name: { zh: "汽车制造业", en: "Manufacture of automobiles" } }, size: null },
      level: "division",
      skipped: [],
      firms: 40,
      band: null,
      overall: { median: 50, p75: 65, mean: 51 },
      dimensions,
      histogram: { edges: [0, 50, 100], counts: [20, 20], firmBin: 0 },
    },
  };
}

const quartiles = fc.record(
  Object.fromEntries(
    model.dimensions.map((d) => [
      d.id,
      fc.record({
        median: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => x / 10)),
        p75: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => x / 10)),
      }),
    ]),
  ),
);

describe("peerTargets", () => {
  it("takes each dimension's published top quartile, and nothing without peers", () => {
    fc.assert(
      fc.property(quartiles, (dims) => {
        const targets = peerTargets(peersWith(dims));
        for (const [id, d] of Object.entries(dims)) expect(targets[id]).toBe(d.p75 ?? undefined);
      }),
    );
    for (const status of ["no-release", "not-submitted", "no-group"] as const)
      expect(peerTargets({ status })).toEqual({});
  });
});

describe("gatedDimensions", () => {
  it("maps each holding gate to its dimension and ignores unknown gates", () => {
    const gate = model.gates[0]!;
    expect(gatedDimensions(model, [gate.id, "no-such-gate"])).toEqual(new Set([gate.dimension]));
    expect(gatedDimensions(model, [])).toEqual(new Set());
  });
});

describe("planPriorities", () => {
  it("with peers, aims each priority at the peers' top quartile (100 where unpublished), gated first", () => {
    fc.assert(
      fc.property(arbitraryAnswers(compiled), quartiles, (answers, dims) => {
        const result = scoreAssessment(compiled, answers);
        const planned = planPriorities(model, result, peersWith(dims), [], null);
        expect(planned.length).toBeLessThanOrEqual(REPORT_PRIORITIES);
        const gated = gatedDimensions(model, result.heldBy);
        let seenUngated = false;
        for (const { priority: p, recommendation } of planned) {
          expect(p.target).toBe(dims[p.dimension]!.p75 ?? 100);
          expect(p.gap).toBe(round1(Math.max(0, p.target - p.score)));
          expect(p.heldStage).toBe(gated.has(p.dimension));
          if (!p.heldStage) seenUngated = true;
          else expect(seenUngated).toBe(false);
          if (recommendation) expect([recommendation.dimension, recommendation.level]).toEqual([p.dimension, p.level]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("without peers, keeps the stored ranking", () => {
    fc.assert(
      fc.property(arbitraryAnswers(compiled), (answers) => {
        const result = scoreAssessment(compiled, answers);
        const planned = planPriorities(model, result, { status: "no-release" }, [], null);
        expect(planned.map((x) => x.priority)).toEqual(result.priorities.slice(0, REPORT_PRIORITIES));
      }),
      { numRuns: 30 },
    );
  });
});

const periods = fc.constantFrom("2024H1", "2024H2", "2025H1", "2025H2", "2026H1", "2026H2");
const rows = fc.uniqueArray(
  fc.record({
    id: fc.uuid(),
    period: periods,
    status: fc.constantFrom("draft" as const, "submitted" as const),
    overallScore: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => x / 10)),
    stage: fc.option(fc.integer({ min: 1, max: 5 })),
    questionnaireVersionId: fc.constantFrom("q-a", "q-b"),
  }),
  { selector: (r) => r.period, maxLength: 6 },
);

describe("historyOf", () => {
  it("lists the scored submissions by period, each change the step from the one before in the same edition", () => {
    fc.assert(
      fc.property(rows, (earlier: HistoryRow[]) => {
        const current = earlier[0]?.id ?? "none";
        const history = historyOf(earlier, current);
        const kept = earlier.filter((a) => a.status === "submitted" && a.overallScore !== null && a.stage !== null);
        expect(history.map((h) => h.period)).toEqual(kept.map((a) => a.period).sort());
        history.forEach((h, i) => {
          const prev = history[i - 1];
          // Neither test edition declares the other comparable (decision 043): no change across editions.
          expect(h.change).toBe(prev && prev.edition === h.edition ? round1(h.overall - prev.overall) : null);
          expect(h.current).toBe(kept.find((a) => a.period === h.period)!.id === current);
        });
      }),
    );
  });
});

describe("casesFor", () => {
  const candidate = (id: string, sceneSlugs: string[], articles: number[]): CandidateCase => ({
    id,
    title: id,
    sceneSlugs,
    articles,
    sameIndustry: false,
    fictional: true,
  });
  it("keeps the candidates' order and takes the first two that illustrate a scene or article", () => {
    const candidates = [
      candidate("a", ["x"], []),
      candidate("b", [], [9]),
      candidate("c", ["y"], [3]),
      candidate("d", ["y"], []),
    ];
    expect(casesFor(candidates, ["y"], [3]).map((c) => c.id)).toEqual(["c", "d"]);
    expect(casesFor(candidates, ["x"], [9]).map((c) => c.id)).toEqual(["a", "b"]);
    expect(casesFor(candidates, ["z"], [])).toEqual([]);
  });
});

describe("assembleReport", () => {
  it("names every dimension and priority from the model and shows the stored result", () => {
    const result = scoreAssessment(compiled, {});
    const peers = peersWith({});
    const planned = planPriorities(model, result, peers, [], null);
    const report = assembleReport({
      firmName: "Firm",
      assessment: { id: "a1", period: "2026H1", submittedAt: new Date("2026-03-01T00:00:00Z"), updatedAt: new Date() },
      result,
      versionId: version.id,
      model,
      peers,
      planned,
      candidates: [],
      earlier: [{ id: "a1", period: "2026H1", status: "submitted", overallScore: result.overall, stage: result.stage }],
    });
    expect(report.submittedAt).toBe("2026-03-01T00:00:00.000Z");
    expect(report.overall).toBe(result.overall);
    expect(report.stage.number).toBe(result.stage);
    expect(report.dimensions.map((d) => d.name)).toEqual(
      result.dimensions.map((d) => model.dimensions.find((m) => m.id === d.id)!.name),
    );
    expect(report.priorities).toHaveLength(planned.length);
    expect(report.history).toEqual([
      { period: "2026H1", edition: null, overall: result.overall, stage: result.stage, change: null, current: true },
    ]);
  });
});
