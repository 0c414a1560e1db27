// What the report's priorities offer to add to the plan: each recommended action and scene with the ids
// the plan stores (the priority's dimension id and its recommendation's level key the model).
import type { BenchmarkModel } from "~/assessment/schemas";
import type { Localized } from "~/content/schemas";

export interface PriorityChoice {
  dimension: string;
  dimensionName: Localized;
  level: number;
  actions: Array<{ index: number; title: Localized }>;
  scenes: Array<{ slug: string; title: Localized }>;
}

interface ReportPriority {
  dimensionId: string;
  recommendation: {
    level: number;
    title: Localized;
    actions: Localized[];
    scenes: ReadonlyArray<{ slug: string; title: Localized }>;
  } | null;
}

export function priorityChoices(model: BenchmarkModel, priorities: readonly ReportPriority[]): PriorityChoice[] {
  return priorities.flatMap((p) => {
    const dim = model.dimensions.find((d) => d.id === p.dimensionId);
    const rec = p.recommendation;
    const found =
      dim && rec ? model.recommendations.find((r) => r.dimension === dim.id && r.level === rec.level) : undefined;
    if (!dim || !rec || !found) return [];
    return [
      {
        dimension: dim.id,
        dimensionName: dim.name,
        level: found.level,
        actions: rec.actions.map((title, index) => ({ index, title })),
        scenes: rec.scenes.map((s) => ({ slug: s.slug, title: s.title })),
      },
    ];
  });
}
