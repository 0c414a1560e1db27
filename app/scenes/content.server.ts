// The scene catalogue files, validated one by one and against the taxonomies.
import { readdirSync } from "node:fs";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { ContentError, contentPath, loadContent } from "~/content/load.server";
import { type Scene, sceneFile } from "~/content/schemas";
import { businessLinks, industries, technologies } from "~/content/taxonomies.server";

let cache: Map<string, Scene> | undefined;

/** Problems with a scene beyond its shape: ids that no taxonomy knows, a slug that is not its file name. */
export function sceneProblems(scene: Scene, fileSlug: string, dimensionIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const { groups, divisions } = industries();
  if (scene.slug !== fileSlug) problems.push(`slug "${scene.slug}" differs from its file name`);
  if (!groups.some((g) => g.id === scene.industryGroup))
    problems.push(`unknown industry group "${scene.industryGroup}"`);
  for (const d of scene.divisions) {
    const division = divisions.find((x) => x.code === d);
    if (!division) problems.push(`unknown division ${d}`);
    else if (division.group !== scene.industryGroup)
      problems.push(`division ${d} is not in group ${scene.industryGroup}`);
  }
  for (const l of scene.businessLinks)
    if (!businessLinks().some((x) => x.id === l)) problems.push(`unknown business link "${l}"`);
  for (const t of scene.technologies)
    if (!technologies().some((x) => x.id === t)) problems.push(`unknown technology "${t}"`);
  for (const d of [...scene.dimensions, ...scene.prerequisites.map((p) => p.dimension)]) {
    if (!dimensionIds.has(d)) problems.push(`unknown dimension "${d}"`);
  }
  return problems;
}

/** Every scene, checked against the taxonomies and the dimensions of the benchmark models. */
export function scenesOnDisk(): Map<string, Scene> {
  if (!cache) {
    const dimensionIds = new Set(
      [...questionnaireVersionsOnDisk().values()].flatMap((v) => v.model.dimensions.map((d) => d.id)),
    );
    const loaded = new Map<string, Scene>();
    for (const file of readdirSync(contentPath("scenes"))
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const fileSlug = file.slice(0, -5);
      const scene = loadContent(`scenes/${file}`, sceneFile);
      const problems = sceneProblems(scene, fileSlug, dimensionIds);
      if (problems.length) throw new ContentError(`scenes/${file}:\n  ${problems.join("\n  ")}`);
      loaded.set(scene.slug, scene);
    }
    cache = loaded;
  }
  return cache;
}
