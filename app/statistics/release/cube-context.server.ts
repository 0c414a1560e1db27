// The cube of the portal's taxonomies for one benchmark model: built once per model and kept.
import type { BenchmarkModel } from "~/assessment/schemas";
import { industries, selectableRegions, sizeClasses } from "~/content/taxonomies.server";
import { allCities } from "~/firms/cities";
import { cubeShape, interiorAncestors, relations } from "~/statistics/disclosure/cube-shape";
import type { CubeContext } from "~/statistics/disclosure/period-cube";
import { DISCLOSURE_RULES } from "~/statistics/types";

const cache = new Map<string, CubeContext>();

export function cubeContext(model: BenchmarkModel): CubeContext {
  const key = `${model.id}@${model.version}`;
  let ctx = cache.get(key);
  if (!ctx) {
    const tax = industries();
    const shape = cubeShape({
      groups: tax.groups.map((g) => ({
        id: g.id,
        divisions: tax.divisions.filter((d) => d.group === g.id).map((d) => d.code),
      })),
      regions: selectableRegions().map((r) => r.code),
      sizes: sizeClasses().classes.map((c) => c.id),
      cities: allCities().map((c) => ({ code: c.code, province: `${c.code.slice(0, 2)}0000` })),
    });
    ctx = {
      shape,
      relations: relations(shape),
      interior: interiorAncestors(shape),
      rules: DISCLOSURE_RULES,
      dimensionIds: model.dimensions.map((d) => d.id),
    };
    cache.set(key, ctx);
  }
  return ctx;
}
