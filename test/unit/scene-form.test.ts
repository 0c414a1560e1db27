import { describe, expect, it } from "vitest";
import { questionnaireVersionsOnDisk } from "~/assessment/versions.server";
import { scenesOnDisk } from "~/scenes/content.server";
import { readSceneForm, sceneValues } from "~/scenes/form.server";

const dimensionIds = new Set(
  [...questionnaireVersionsOnDisk().values()].flatMap((v) => v.model.dimensions.map((d) => d.id)),
);

function formOf(values: ReturnType<typeof sceneValues>, edits: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append("slug", values.slug);
  for (const [field, text] of Object.entries(values.text)) {
    f.append(`${field}_zh`, text.zh);
    f.append(`${field}_en`, text.en);
  }
  f.append("industryGroup", values.industryGroup);
  f.append("tier", values.tier);
  for (const key of ["divisions", "businessLinks", "technologies", "articles", "dimensions"] as const)
    for (const v of values[key]) f.append(key, v);
  for (const [d, level] of Object.entries(values.prerequisites)) f.append(`prereq-${d}`, level);
  if (values.fictional) f.append("fictional", "yes");
  for (const [k, v] of Object.entries(edits)) f.set(k, v);
  return f;
}

describe("scene form", () => {
  it("reads back every scene file unchanged", () => {
    for (const scene of scenesOnDisk().values()) {
      const r = readSceneForm(formOf(sceneValues(scene)), { dimensionIds });
      // Prerequisites come back in the model's dimension order.
      const byDimension = (x: typeof scene) => ({
        ...x,
        prerequisites: [...x.prerequisites].sort((a, b) => a.dimension.localeCompare(b.dimension)),
      });
      expect(r.ok ? byDimension(r.scene) : r).toEqual(byDimension(scene));
    }
  });

  it("refuses a bad slug, missing text, unequal measures and unknown taxonomy ids", () => {
    const scene = [...scenesOnDisk().values()][0]!;
    const values = sceneValues(scene);
    expect(readSceneForm(formOf(values, { slug: "Bad Slug" }), { dimensionIds })).toMatchObject({
      ok: false,
      errors: { slug: "sceneEdit.errors.slug" },
    });
    expect(readSceneForm(formOf(values, { title_en: "" }), { dimensionIds })).toMatchObject({
      ok: false,
      errors: { title_en: "errors.required" },
    });
    expect(
      readSceneForm(formOf(values, { measures_zh: "一\n二\n三\n四\n五\n六\n七" }), { dimensionIds }),
    ).toMatchObject({ ok: false, errors: { measures_zh: "sceneEdit.errors.measures" } });
    const unknown = readSceneForm(formOf(values, { technologies: "teleportation" }), { dimensionIds });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems.join()).toContain("teleportation");
  });
});
