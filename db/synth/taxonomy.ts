// The synthesiser's taxonomy read from content/. Kept apart from run.ts (which writes to a database)
// so pure code and unit tests can have it without loading the writer.
import type { Taxonomy } from "~db/synth/distributions";
import { industries, selectableRegions, sizeClasses } from "~/content/taxonomies.server";

/** The taxonomies of content/ (mainland provinces, divisions C13–C43, the national size rule). */
export function taxonomyFromContent(): Taxonomy {
  return {
    regions: selectableRegions().map((r) => r.code),
    divisions: industries().divisions.map((d) => d.code),
    sizeClasses: sizeClasses().classes.map((c) => ({
      id: c.id,
      minEmployees: c.minEmployees,
      minRevenueWanYuan: c.minRevenueWanYuan,
    })),
  };
}
