// Which scenes a report suggests for one priority: the recommendation's own scenes and the
// catalogue's scenes for that dimension, kept only when the firm meets their prerequisites
// (the priority's own dimension may be one level short: that is the gap the scene closes), from the
// firm's own industry group when any of those fits, ranked recommended first.
import type { Scene } from "~/content/schemas";

export interface SceneMatchInput {
  dimension: string;
  recommended: readonly string[];
  industryGroup: string | null;
  /** The firm's level (1–5) per dimension; null when not answered. */
  levels: Readonly<Record<string, number | null>>;
  limit: number;
}

export interface MatchedScene {
  scene: Scene;
  recommended: boolean;
  sameIndustry: boolean;
  /** From another industry group than the firm's: shown only when none of the firm's own group fits. */
  otherIndustry: boolean;
}

export function prerequisitesMet(scene: Scene, dimension: string, levels: SceneMatchInput["levels"]): boolean {
  return scene.prerequisites.every((p) => {
    const level = levels[p.dimension] ?? 1;
    return p.dimension === dimension ? p.minLevel <= level + 1 : p.minLevel <= level;
  });
}

/**
 * The scenes for one priority. With the firm's industry group known, only scenes of that group are
 * suggested, recommended first; scenes of other groups appear only when none of the firm's own fits, and
 * are marked `otherIndustry`. Without a known group every fitting scene is a candidate, recommended first.
 */
export function matchScenes(catalogue: readonly Scene[], input: SceneMatchInput): MatchedScene[] {
  const fitting = catalogue
    .filter((s) => input.recommended.includes(s.slug) || s.dimensions.includes(input.dimension))
    .filter((s) => prerequisitesMet(s, input.dimension, input.levels));
  const own = input.industryGroup === null ? fitting : fitting.filter((s) => s.industryGroup === input.industryGroup);
  const chosen = own.length > 0 ? own : fitting;
  return chosen
    .map((scene) => ({
      scene,
      recommended: input.recommended.includes(scene.slug),
      sameIndustry: input.industryGroup !== null && scene.industryGroup === input.industryGroup,
      otherIndustry: input.industryGroup !== null && scene.industryGroup !== input.industryGroup,
    }))
    .sort((a, b) => Number(b.recommended) - Number(a.recommended) || a.scene.slug.localeCompare(b.scene.slug))
    .slice(0, input.limit);
}
