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

/**
 * The city layer (decision 025): prefecture-level cities × (all industries, each industry group), all sizes,
 * with the province as their margin. Each province also has a "city not given" slot, so a province's cities
 * add up to the province exactly. Its cells follow the cube's: cell = offset + slot × |industries| + k.
 */
export interface CityLayer {
  /** City keys: GB/T 2260 codes, then per province its "not given" key (UNKNOWN_CITY). */
  values: string[];
  /** Region index (a province of the cube) of each city slot. */
  region: Int32Array;
  indexOf: Map<string, number>;
  /** City slots of each region index (none for the margin). */
  byRegion: number[][];
  /** Industry indices the layer has: the margin first, then each group (never divisions). */
  industries: number[];
  /** Per industry index: its position k in `industries` (a division: its group's), −1 for none. */
  industrySlot: Int32Array;
  /** Index of the layer's first cell. */
  offset: number;
}

export interface CubeShape {
  industry: Dimension;
  region: Dimension;
  size: Dimension;
  /** Cells of the cube itself per period: |industry| × |region| × |size|. */
  cubeCells: number;
  city: CityLayer | null;
  /** Every cell per period: the cube's, then the city layer's. */
  cellCount: number;
}

/** The key of "city not given" in a province (330000 → 33XXXX): never a GB/T 2260 code. */
export const unknownCity = (province: string): string => `${province.slice(0, 2)}XXXX`;
export const isUnknownCity = (key: string): boolean => /^\d{2}XXXX$/.test(key);
/** The layer a cell's region key belongs to: the whole country or a province is the cube's, else a city's. */
export const layerOfRegion = (key: string): "cube" | "city" =>
  key === ALL || /^\d{2}0000$/.test(key) ? "cube" : "city";

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
  /** Cities with their province code; without it the release has no city layer. */
  cities?: Array<{ code: string; province: string }>;
}): CubeShape {
  const industry = dimension(input.groups.map((g) => ({ key: GROUP_PREFIX + g.id, children: g.divisions })));
  const region = dimension(input.regions.map((r) => ({ key: r })));
  const size = dimension(input.sizes.map((s) => ({ key: s })));
  const cubeCells = industry.values.length * region.values.length * size.values.length;
  const city = input.cities ? cityLayer(industry, region, input.cities, cubeCells) : null;
  const cityCells = city ? city.values.length * city.industries.length : 0;
  return { industry, region, size, cubeCells, city, cellCount: cubeCells + cityCells };
}

function cityLayer(
  industry: Dimension,
  region: Dimension,
  cities: Array<{ code: string; province: string }>,
  offset: number,
): CityLayer {
  const values: string[] = [];
  const regionOf: number[] = [];
  const add = (key: string, r: number) => {
    values.push(key);
    regionOf.push(r);
  };
  for (const c of cities) {
    const r = region.leafIndex.get(c.province);
    if (r !== undefined) add(c.code, r);
  }
  for (const [key, r] of region.leafIndex) add(unknownCity(key), r);
  const indexOf = new Map(values.map((v, i) => [v, i]));
  if (indexOf.size !== values.length) throw new Error("duplicate city in the city layer");
  const byRegion: number[][] = region.values.map(() => []);
  regionOf.forEach((r, slot) => byRegion[r]!.push(slot));
  const industries = [0, ...industry.children[0]!];
  const industrySlot = new Int32Array(industry.values.length).fill(-1);
  industries.forEach((i, k) => {
    industrySlot[i] = k;
    for (const d of industry.children[i]!) if (k > 0) industrySlot[d] = k;
  });
  return { values, region: Int32Array.from(regionOf), indexOf, byRegion, industries, industrySlot, offset };
}

/** The city layer's cell of a city slot and an industry position k (0: all industries). */
export const cityCell = (layer: CityLayer, slot: number, k: number): number =>
  layer.offset + slot * layer.industries.length + k;
export const cellIndex = (shape: CubeShape, i: number, r: number, s: number): number =>
  (i * shape.region.values.length + r) * shape.size.values.length + s;

/** Coordinates of a cube cell (not of the city layer). */
export function cellCoordinates(shape: CubeShape, cell: number): [number, number, number] {
  const S = shape.size.values.length;
  const R = shape.region.values.length;
  return [Math.floor(cell / (R * S)), Math.floor(cell / S) % R, cell % S];
}

export function cellKey(shape: CubeShape, period: string, cell: number): CellKey {
  const layer = shape.city;
  if (layer && cell >= layer.offset) {
    const K = layer.industries.length;
    const slot = Math.floor((cell - layer.offset) / K);
    const i = layer.industries[(cell - layer.offset) % K]!;
    return { period, industry: shape.industry.values[i]!, region: layer.values[slot]!, size: ALL };
  }
  const [i, r, s] = cellCoordinates(shape, cell);
  return { period, industry: shape.industry.values[i]!, region: shape.region.values[r]!, size: shape.size.values[s]! };
}

/** The cell of a key, cube or city layer; undefined for a key outside both. */
export function cellOfKey(shape: CubeShape, key: Omit<CellKey, "period">): number | undefined {
  const i = shape.industry.indexOf.get(key.industry);
  const s = shape.size.indexOf.get(key.size);
  if (i === undefined || s === undefined) return undefined;
  const r = shape.region.indexOf.get(key.region);
  if (r !== undefined) return cellIndex(shape, i, r, s);
  const layer = shape.city;
  const slot = layer?.indexOf.get(key.region);
  if (!layer || slot === undefined || s !== 0) return undefined;
  const k = layer.industries.indexOf(i);
  return k === -1 ? undefined : cityCell(layer, slot, k);
}

/** The city slot a record counts in: its city, or its province's "not given" slot. −1 without a city layer. */
export function citySlot(shape: CubeShape, regionLeaf: number, city: string | null): number {
  const layer = shape.city;
  if (!layer) return -1;
  const slot = city === null ? undefined : layer.indexOf.get(city);
  if (slot !== undefined && layer.region[slot] === regionLeaf) return slot;
  return layer.indexOf.get(unknownCity(shape.region.values[regionLeaf]!))!;
}

/**
 * Every cell a record counts in: the cube cells of its interior cell, then (with a city layer) its city's
 * cells for all industries and for its industry group. Kept per (interior cell, city slot).
 */
export function recordCells(shape: CubeShape, interior: Map<number, number[]>) {
  const layer = shape.city;
  if (!layer) return (leaf: number, _slot: number): number[] => interior.get(leaf)!;
  const cache = new Map<number, number[]>();
  const S = layer.values.length;
  return (leaf: number, slot: number): number[] => {
    const key = leaf * S + slot;
    let cells = cache.get(key);
    if (!cells) {
      const [i] = cellCoordinates(shape, leaf);
      cells = [...interior.get(leaf)!, cityCell(layer, slot, 0), cityCell(layer, slot, layer.industrySlot[i]!)];
      cache.set(key, cells);
    }
    return cells;
  };
}

/**
 * The unknowns of the linear audit over the cells `active` marks (non-empty, or changed since a release),
 * each with the cells that count it. Without a city layer they are the active interior cells. With one,
 * the finest unknowns would be division × city × size, which nothing publishes; the published cells depend
 * on them only through the interior cells y(r) and the city cells z(c) of each (industry group, province),
 * whose one relation is Σ y = Σ z. A spanning tree of that bipartite table parameterises every consistent
 * (y, z) with 0/1 coefficients: x(r, c0) for each interior cell r and x(r0, c) for each other city c, where
 * y(r) = x(r, c0) for r ≠ r0. So x(r, c0) keeps the interior cell's own index, and the extra unknowns get
 * indices past the last cell (decision 025 has the argument).
 */
export function auditVariables(
  shape: CubeShape,
  interior: Map<number, number[]>,
  active: (cell: number) => boolean,
): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const layer = shape.city;
  if (!layer) {
    for (const [leaf, cells] of interior) if (active(leaf)) out.set(leaf, cells);
    return out;
  }
  const R = shape.region.values.length;
  const blocks = new Map<number, number[]>();
  for (const leaf of interior.keys()) {
    if (!active(leaf)) continue;
    const [i, r] = cellCoordinates(shape, leaf);
    const block = layer.industrySlot[i]! * R + r;
    let rows = blocks.get(block);
    if (!rows) blocks.set(block, (rows = []));
    rows.push(leaf);
  }
  const S = layer.values.length;
  const extra = (leaf: number, slot: number) => shape.cellCount + leaf * S + slot;
  const cityCells = (slot: number, k: number) => [cityCell(layer, slot, 0), cityCell(layer, slot, k)];
  for (const [block, rows] of blocks) {
    const k = Math.floor(block / R);
    const r = block % R;
    const cols = layer.byRegion[r]!.filter((slot) => active(cityCell(layer, slot, k)));
    const r0 = rows[0]!;
    if (cols.length === 0) {
      // Not consistent (a record always counts in a city); keep the interior cells alone rather than guess.
      for (const leaf of rows) out.set(leaf, interior.get(leaf)!);
      continue;
    }
    const c0 = cols[0]!;
    out.set(cols.length > 1 ? extra(r0, c0) : r0, [...interior.get(r0)!, ...cityCells(c0, k)]);
    for (const leaf of rows.slice(1)) out.set(leaf, [...interior.get(leaf)!, ...cityCells(c0, k)]);
    for (const slot of cols.slice(1)) out.set(extra(r0, slot), [...interior.get(r0)!, ...cityCells(slot, k)]);
  }
  return out;
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
  const layer = shape.city;
  if (layer) {
    // A province's cities add up to the province (all sizes), per industry position; a city's groups to the city.
    layer.industries.forEach((i, k) => {
      for (let r = 1; r < R.values.length; r++)
        if (layer.byRegion[r]!.length > 0)
          out.push({
            parent: cellIndex(shape, i, r, 0),
            children: layer.byRegion[r]!.map((slot) => cityCell(layer, slot, k)),
          });
    });
    for (let slot = 0; slot < layer.values.length; slot++)
      out.push({
        parent: cityCell(layer, slot, 0),
        children: layer.industries.slice(1).map((_, k) => cityCell(layer, slot, k + 1)),
      });
  }
  return out;
}
