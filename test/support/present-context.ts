// A presentation context for table tests: `t` echoes the key and its options, so a test can see which
// text a table asked for; two dimensions and five stage names.
import type { PresentContext } from "~/statistics/publish/present";

export const TEST_PRESENT_CONTEXT: PresentContext = {
  t: (key, o) => (o ? `${key}${JSON.stringify(o)}` : key),
  minUnits: 10,
  dimensions: [
    { id: "a", name: "A" },
    { id: "b", name: "B" },
  ],
  stageNames: ["S1", "S2", "S3", "S4", "S5"],
};
