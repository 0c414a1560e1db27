// Which scenes a report suggests for one priority: the recommendation's own scenes and the
// catalogue's scenes for that dimension, kept only when the firm meets their prerequisites
// (the priority's own dimension may be one level short: that is the gap the scene closes),
// ranked recommended first, then the firm's industry group.
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
}

export function prerequisitesMet(scene: Scene, dimension: string, levels: SceneMatchInput["levels"]): boolean {
  return scene.prerequisites.every((p) => {
    const level = levels[p.dimension] ?? 1;
    return p.dimension === dimension ? p.minLevel <= level + 1 : p.minLevel <= level;
  });
}

export function matchScenes(catalogue: readonly Scene[], input: SceneMatchInput): MatchedScene[] {
  return catalogue
    .filter((s) => input.recommended.includes(s.slug) || s.dimensions.includes(input.dimension))
    .filter((s) => prerequisitesMet(s, input.dimension, input.levels))
    .map((scene) => ({
      scene,
      recommended: input.recommended.includes(scene.slug),
      sameIndustry: scene.industryGroup === input.industryGroup,
    }))
    .sort(
      (a, b) =>
        Number(b.recommended) * 2 + Number(b.sameIndustry) - (Number(a.recommended) * 2 + Number(a.sameIndustry)) ||
        a.scene.slug.localeCompare(b.scene.slug),
    )
    .slice(0, input.limit);
}
