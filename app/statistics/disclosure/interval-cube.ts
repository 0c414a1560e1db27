// The interval audit's problem for one period of the cube and its city layer (decision 038), as a reader sees
// it: the atoms are the non-empty cells nothing below them publishes — the interior cells y(r) (division ×
// province × size) and the city cells z(c, k) of each city and industry group — and every known cell is a
// fact over them. A province's interior cells of a group and its city cells of that group count the same
// firms (Σ y = Σ z), one fact per (group, province). Any y, z ≥ 0 with equal totals splits into division ×
// city × size parts ≥ 0 (a transportation problem with equal supply and demand), so this is exactly what
// the published cells allow for counts. Known atoms (published, or known from an earlier release) are
// constants, moved to the facts' right-hand side.
import { cityCell, type CubeShape } from "~/statistics/disclosure/cube-shape";
import type { Fact, IntervalProblem, Target } from "~/statistics/disclosure/interval-audit";

export interface CubeIntervalInput {
  shape: CubeShape;
  /** Ancestors (itself included) of every interior cell. */
  interior: Map<number, number[]>;
  firms: Int32Array;
  units: Int32Array;
  /** Overall score sum per cell, score × 10. */
  sums: Float64Array;
  /** Cells the reader knows (published, or unchanged since an earlier release). */
  known: (cell: number) => boolean;
  /** Cells the remedy may withhold (published by this release and not known before). */
  withholdable: (cell: number) => boolean;
  /** Cells to protect (suppressed, not known). */
  protect: (cell: number) => boolean;
  minCount: number;
  /** Score targets: protected cells with fewer independent units than this. */
  minUnitsForScores: number;
}

export function cubeIntervalProblem(input: CubeIntervalInput): IntervalProblem {
  const { shape, interior, firms, sums, known } = input;
  const present = (c: number) => firms[c]! > 0;
  const atomOf = new Map<number, number>();
  const countLower: number[] = [];
  const addAtom = (cell: number) => {
    atomOf.set(cell, countLower.length);
    countLower.push(1);
  };
  // Per cell: the atoms under it, and the known part (count, sum) of what it holds.
  const under = new Map<number, number[]>();
  const knownPart = new Map<number, [number, number]>();
  const note = (cell: number, leaf: number) => {
    if (known(leaf)) {
      const p = knownPart.get(cell) ?? [0, 0];
      p[0] += firms[leaf]!;
      p[1] += sums[leaf]!;
      knownPart.set(cell, p);
      return;
    }
    let list = under.get(cell);
    if (!list) under.set(cell, (list = []));
    list.push(atomOf.get(leaf)!);
  };
  for (const [leaf, ancestors] of interior) {
    if (!present(leaf)) continue;
    if (!known(leaf)) addAtom(leaf);
    for (const a of ancestors) note(a, leaf);
  }
  const layer = shape.city;
  if (layer) {
    const K = layer.industries.length;
    for (let slot = 0; slot < layer.values.length; slot++)
      for (let k = 1; k < K; k++) {
        const z = cityCell(layer, slot, k);
        if (!present(z)) continue;
        if (!known(z)) addAtom(z);
        note(z, z);
        note(cityCell(layer, slot, 0), z);
      }
  }
  const facts: Fact[] = [];
  const residual = (cell: number): [number, number] => {
    const p = knownPart.get(cell) ?? [0, 0];
    return [firms[cell]! - p[0], sums[cell]! - p[1]];
  };
  for (let c = 0; c < shape.cellCount; c++) {
    if (!present(c) || !known(c)) continue;
    const atoms = under.get(c);
    if (!atoms) continue;
    const [count, sum] = residual(c);
    // Only a cell this release publishes can be withheld; one known from an earlier release stays known.
    facts.push({ atoms, count, sum, ...(input.withholdable(c) ? { cell: c, cost: input.units[c]! } : {}) });
  }
  if (layer) {
    // Σ y over (group k, province r, all sizes) − Σ z over the province's cities of group k = known difference.
    const S = shape.size.values.length;
    const R = shape.region.values.length;
    layer.industries.forEach((i, k) => {
      if (k === 0) return;
      for (let r = 1; r < R; r++) {
        const cube = (i * R + r) * S;
        const y = under.get(cube) ?? [];
        const [yCount, ySum] = residual(cube);
        const zAtoms: number[] = [];
        let zCount = 0;
        let zSum = 0;
        // Withholding a published city cell of the block frees the identity; the cheapest is the remedy's choice.
        let release = -1;
        for (const slot of layer.byRegion[r]!) {
          const z = cityCell(layer, slot, k);
          if (!present(z)) continue;
          if (known(z)) {
            zCount += firms[z]!;
            zSum += sums[z]!;
            if (input.withholdable(z) && (release === -1 || input.units[z]! < input.units[release]!)) release = z;
          } else zAtoms.push(atomOf.get(z)!);
        }
        if (y.length + zAtoms.length === 0) continue;
        // y's unknown part is yCount (its known part taken out); z's is firms − zCount, equal in total.
        facts.push({
          atoms: [...y, ...zAtoms],
          coefs: [...y.map(() => 1), ...zAtoms.map(() => -1)],
          count: yCount - (firms[cube]! - zCount),
          sum: ySum - (sums[cube]! - zSum),
          ...(release === -1 ? {} : { cell: release, cost: input.units[release]! }),
        });
      }
    });
  }
  const targets: Target[] = [];
  for (let c = 0; c < shape.cellCount; c++) {
    if (!present(c) || known(c) || !input.protect(c)) continue;
    const count = firms[c]! < input.minCount;
    const score = input.units[c]! < input.minUnitsForScores;
    if (!count && !score) continue;
    targets.push({ id: c, atoms: under.get(c) ?? [], firms: firms[c]!, sum: sums[c]!, count, score });
  }
  return { atoms: countLower.length, countLower, facts, targets, maxScore: 1000 };
}
