// The cube's three classification dimensions with their hierarchies, and the additive relations between
// cells (a total equals the sum of its children along one dimension). Pure: built from taxonomy lists.
import { ALL, type CellKey, GROUP_PREFIX } from "~/statistics/types";

export interface Dimension {
  /** Every value: the margin `*` first, then intermediate levels, then leaves. */
  values: string[];
  parent: Int32Array; // −1 for the margin
  children: number[][];
  /** Index of each leaf value by its key. */
  leafIndex: Map<string, number>;
  indexOf: Map<string, number>;
}

export interface CubeShape {
  industry: Dimension;
  region: Dimension;
  size: Dimension;
  /** Cells per period: |industry| × |region| × |size|. */
  cellCount: number;
}

/** One additive relation: parent = Σ children, all along one dimension. */
export interface Relation {
  parent: number;
  children: number[];
}

function dimension(tree: Array<{ key: string; children?: string[] }>): Dimension {
  const values = [ALL, ...tree.map((t) => t.key)];
  for (const t of tree) for (const c of t.children ?? []) values.push(c);
  const indexOf = new Map(values.map((v, i) => [v, i]));
  if (indexOf.size !== values.length) throw new Error("duplicate value in a cube dimension");
  const parent = new Int32Array(values.length).fill(-1);
  const children: number[][] = values.map(() => []);
  for (const t of tree) {
    const ti = indexOf.get(t.key)!;
    parent[ti] = 0;
    children[0]!.push(ti);
    for (const c of t.children ?? []) {
      const ci = indexOf.get(c)!;
      parent[ci] = ti;
      children[ti]!.push(ci);
    }
  }
  const leafIndex = new Map<string, number>();
  values.forEach((v, i) => {
    if (i > 0 && children[i]!.length === 0) leafIndex.set(v, i);
  });
  return { values, parent, children, leafIndex, indexOf };
}

export function cubeShape(input: {
  groups: Array<{ id: string; divisions: string[] }>;
  regions: string[];
  sizes: string[];
}): CubeShape {
  const industry = dimension(input.groups.map((g) => ({ key: GROUP_PREFIX + g.id, children: g.divisions })));
  const region = dimension(input.regions.map((r) => ({ key: r })));
  const size = dimension(input.sizes.map((s) => ({ key: s })));
  return { industry, region, size, cellCount: industry.values.length * region.values.length * size.values.length };
}

export const cellIndex = (shape: CubeShape, i: number, r: number, s: number): number =>
  (i * shape.region.values.length + r) * shape.size.values.length + s;

export function cellCoordinates(shape: CubeShape, cell: number): [number, number, number] {
  const S = shape.size.values.length;
  const R = shape.region.values.length;
  return [Math.floor(cell / (R * S)), Math.floor(cell / S) % R, cell % S];
}

export function cellKey(shape: CubeShape, period: string, cell: number): CellKey {
  const [i, r, s] = cellCoordinates(shape, cell);
  return { period, industry: shape.industry.values[i]!, region: shape.region.values[r]!, size: shape.size.values[s]! };
}

const chain = (d: Dimension, leaf: number): number[] => {
  const out: number[] = [];
  for (let v = leaf; v !== -1; v = d.parent[v]!) out.push(v);
  return out;
};

/** Every cell an interior cell counts in (itself and all its margins). */
export function ancestorsOfInterior(shape: CubeShape, i: number, r: number, s: number): number[] {
  const out: number[] = [];
  for (const a of chain(shape.industry, i))
    for (const b of chain(shape.region, r)) for (const c of chain(shape.size, s)) out.push(cellIndex(shape, a, b, c));
  return out;
}

/** Ancestor lists of every interior cell, indexed by cell. */
export function interiorAncestors(shape: CubeShape): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const i of shape.industry.leafIndex.values())
    for (const r of shape.region.leafIndex.values())
      for (const s of shape.size.leafIndex.values())
        out.set(cellIndex(shape, i, r, s), ancestorsOfInterior(shape, i, r, s));
  return out;
}

/** Every additive relation of the cube, along each dimension and hierarchy level. */
export function relations(shape: CubeShape): Relation[] {
  const out: Relation[] = [];
  const { industry: I, region: R, size: S } = shape;
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  for (let i = 0; i < I.values.length; i++) {
    if (I.children[i]!.length === 0) continue;
    for (const r of range(R.values.length))
      for (const s of range(S.values.length))
        out.push({ parent: cellIndex(shape, i, r, s), children: I.children[i]!.map((c) => cellIndex(shape, c, r, s)) });
  }
  for (let r = 0; r < R.values.length; r++) {
    if (R.children[r]!.length === 0) continue;
    for (const i of range(I.values.length))
      for (const s of range(S.values.length))
        out.push({ parent: cellIndex(shape, i, r, s), children: R.children[r]!.map((c) => cellIndex(shape, i, c, s)) });
  }
  for (let s = 0; s < S.values.length; s++) {
    if (S.children[s]!.length === 0) continue;
    for (const i of range(I.values.length))
      for (const r of range(R.values.length))
        out.push({ parent: cellIndex(shape, i, r, s), children: S.children[s]!.map((c) => cellIndex(shape, i, r, c)) });
  }
  return out;
}
