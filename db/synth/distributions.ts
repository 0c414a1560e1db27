// Who the synthetic firms are: province, industry division, size class, staff and revenue, groups.
// The weights are rounded, approximate shares of industrial enterprises above designated size by
// province and by division (China Statistical Yearbook, early 2020s), widened with micro firms. They
// make the data look plausible; they are not statistics and nothing is inferred from them.
import { clamp, WeightedTable } from "~db/synth/random";
import { citiesOfProvince } from "~/firms/cities";
import { creditCodeCheckCharacter } from "~/firms/credit-code";
import { classifySize, SIZE_CLASSES, type SizeClassId, type SizeThreshold } from "~/firms/size-class";
import { Rng } from "~/platform/seeded-random";

/** Relative number of manufacturing firms per mainland province (GB/T 2260 code). */
export const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  "440000": 70, // Guangdong
  "320000": 60, // Jiangsu
  "330000": 55, // Zhejiang
  "370000": 35, // Shandong
  "410000": 23, // Henan
  "340000": 22, // Anhui
  "350000": 21, // Fujian
  "430000": 20, // Hunan
  "420000": 19, // Hubei
  "130000": 17, // Hebei
  "510000": 17, // Sichuan
  "360000": 16, // Jiangxi
  "310000": 9, // Shanghai
  "210000": 9, // Liaoning
  "450000": 8, // Guangxi
  "610000": 8, // Shaanxi
  "500000": 7.5, // Chongqing
  "140000": 7, // Shanxi
  "120000": 5.5, // Tianjin
  "530000": 5, // Yunnan
  "520000": 5, // Guizhou
  "230000": 4.5, // Heilongjiang
  "650000": 4, // Xinjiang
  "220000": 3.5, // Jilin
  "150000": 3.5, // Inner Mongolia
  "110000": 3, // Beijing
  "620000": 2.5, // Gansu
  "640000": 1.5, // Ningxia
  "630000": 0.7, // Qinghai
  "460000": 0.6, // Hainan
  "540000": 0.2, // Tibet
};

export type Zone = "east" | "central" | "northeast" | "west";

/** The National Bureau of Statistics' four economic zones. */
export const ZONES: Readonly<Record<Zone, readonly string[]>> = {
  east: ["110000", "120000", "130000", "310000", "320000", "330000", "350000", "370000", "440000", "460000"],
  central: ["140000", "340000", "360000", "410000", "420000", "430000"],
  northeast: ["210000", "220000", "230000"],
  west: [
    "150000",
    "450000",
    "500000",
    "510000",
    "520000",
    "530000",
    "540000",
    "610000",
    "620000",
    "630000",
    "640000",
    "650000",
  ],
};

export function zoneOf(regionCode: string): Zone {
  for (const [zone, codes] of Object.entries(ZONES) as Array<[Zone, readonly string[]]>)
    if (codes.includes(regionCode)) return zone;
  return "west";
}

/** Latent maturity points added by zone: the coastal east ahead, the west behind. */
export const ZONE_EFFECT: Readonly<Record<Zone, number>> = { east: 6, central: 0, northeast: -3, west: -5 };

/** A little extra for the strongest manufacturing and digital-economy provinces. */
export const PROVINCE_EFFECT: Readonly<Record<string, number>> = {
  "310000": 4,
  "320000": 3,
  "330000": 3,
  "440000": 3,
  "110000": 2,
  "370000": 1,
};

/** Relative number of firms per manufacturing division (GB/T 4754-2017, C13–C43). */
export const DIVISION_WEIGHTS: Readonly<Record<string, number>> = {
  C13: 25,
  C14: 9,
  C15: 6.5,
  C16: 0.1,
  C17: 19,
  C18: 13,
  C19: 8.5,
  C20: 9,
  C21: 7,
  C22: 7.5,
  C23: 6,
  C24: 9,
  C25: 2,
  C26: 27,
  C27: 9,
  C28: 2,
  C29: 21,
  C30: 37,
  C31: 5,
  C32: 7,
  C33: 26,
  C34: 27,
  C35: 20,
  C36: 17,
  C37: 5,
  C38: 28,
  C39: 25,
  C40: 5,
  C41: 1.5,
  C42: 1,
  C43: 1.5,
};

/** Latent maturity points by division: electronics, pharmaceuticals, vehicles and tobacco ahead. */
export const DIVISION_EFFECT: Readonly<Record<string, number>> = {
  C16: 10,
  C25: 3,
  C26: 4,
  C27: 5,
  C28: 2,
  C36: 5,
  C37: 4,
  C38: 3,
  C39: 7,
  C40: 4,
  C13: -2,
  C17: -3,
  C18: -5,
  C19: -5,
  C20: -6,
  C21: -4,
  C22: -3,
  C23: -3,
  C24: -4,
  C42: -6,
  C43: -4,
};

/** Share of firms by size class: micro and small dominate, large firms are a few percent. */
export const SIZE_WEIGHTS: Readonly<Record<SizeClassId, number>> = {
  large: 0.03,
  medium: 0.12,
  small: 0.45,
  micro: 0.4,
};
/** Firms in a group of companies are larger on the whole. */
export const GROUP_SIZE_WEIGHTS: Readonly<Record<SizeClassId, number>> = {
  large: 0.15,
  medium: 0.35,
  small: 0.35,
  micro: 0.15,
};

/** Mean latent maturity (0–100, about the overall score) of a size class. */
export const SIZE_BASE: Readonly<Record<SizeClassId, number>> = { large: 64, medium: 50, small: 38, micro: 28 };

/** Probability that a firm starts a group of companies at a given position, and the group sizes. */
export const GROUP_START_PROBABILITY = 0.011;
export const GROUP_MIN = 2;
export const GROUP_MAX = 5;

/** The staff and revenue (10,000 yuan) ranges drawn from, inside each class of the national rule. */
const SIZE_RANGES: Readonly<Record<SizeClassId, { employees: [number, number]; revenue: [number, number] }>> = {
  large: { employees: [1000, 30000], revenue: [40000, 5000000] },
  medium: { employees: [300, 999], revenue: [2000, 39999] },
  small: { employees: [20, 299], revenue: [300, 1999] },
  micro: { employees: [3, 19], revenue: [20, 900] },
};

export interface Taxonomy {
  /** mainland province codes (content/taxonomies/regions.json, mainland: true) */
  regions: readonly string[];
  /** manufacturing divisions (content/taxonomies/industries.json) */
  divisions: readonly string[];
  /** the national size rule (content/taxonomies/size-classes.json), largest first */
  sizeClasses: readonly SizeThreshold[];
}

/**
 * City weights within a province (decision 022); the city list itself comes from ~/firms/cities. The
 * capital (GB/T 2260 puts it first, xx01) weighs 4, the big manufacturing cities below their number,
 * a county-level unit under the province directly 0.3, any other city 1.
 */
export const CAPITAL_WEIGHT = 4;
export const COUNTY_LEVEL_WEIGHT = 0.3;
export const MANUFACTURING_CITY_WEIGHTS: Readonly<Record<string, number>> = {
  "440300": 8, // Shenzhen
  "441900": 6, // Dongguan
  "440600": 6, // Foshan
  "320500": 8, // Suzhou
  "320200": 5, // Wuxi
  "320400": 3, // Changzhou
  "330200": 6, // Ningbo
  "330700": 3, // Jinhua
  "330300": 3, // Wenzhou
  "370200": 5, // Qingdao
  "370700": 3, // Weifang
  "350200": 4, // Xiamen
  "350500": 5, // Quanzhou
  "130200": 4, // Tangshan
  "210200": 4, // Dalian
  "420600": 2, // Xiangyang
  "340200": 2, // Wuhu
  "410300": 2, // Luoyang
  "430200": 2, // Zhuzhou
  "510700": 2, // Mianyang
  "220200": 2, // Jilin
  "150200": 2, // Baotou
  "610400": 2, // Xianyang
};

export function cityWeight(cityCode: string): number {
  if (MANUFACTURING_CITY_WEIGHTS[cityCode] !== undefined) return MANUFACTURING_CITY_WEIGHTS[cityCode];
  if (cityCode.endsWith("0100")) return CAPITAL_WEIGHT;
  return cityCode.endsWith("00") ? 1 : COUNTY_LEVEL_WEIGHT;
}

export interface Tables {
  taxonomy: Taxonomy;
  region: WeightedTable<string>;
  division: WeightedTable<string>;
  size: WeightedTable<SizeClassId>;
  groupSize: WeightedTable<SizeClassId>;
  /** province code → its cities, weighted; absent for a province without coded cities */
  city: ReadonlyMap<string, WeightedTable<string>>;
}

/** Weighted tables over the taxonomy; a code without a weight of its own gets the smallest one. */
export function buildTables(taxonomy: Taxonomy): Tables {
  const minProvince = Math.min(...Object.values(PROVINCE_WEIGHTS));
  const minDivision = Math.min(...Object.values(DIVISION_WEIGHTS));
  const inTaxonomy = SIZE_CLASSES.filter((id) => taxonomy.sizeClasses.some((s) => s.id === id));
  return {
    taxonomy,
    region: new WeightedTable(taxonomy.regions.map((c) => [c, PROVINCE_WEIGHTS[c] ?? minProvince] as const)),
    division: new WeightedTable(taxonomy.divisions.map((c) => [c, DIVISION_WEIGHTS[c] ?? minDivision] as const)),
    size: new WeightedTable(inTaxonomy.map((id) => [id, SIZE_WEIGHTS[id]] as const)),
    groupSize: new WeightedTable(inTaxonomy.map((id) => [id, GROUP_SIZE_WEIGHTS[id]] as const)),
    city: new Map(
      taxonomy.regions
        .map((r) => [r, citiesOfProvince(r)] as const)
        .filter(([, cities]) => cities.length > 0)
        .map(([r, cities]) => [r, new WeightedTable(cities.map((c) => [c.code, cityWeight(c.code)] as const))]),
    ),
  };
}

export interface FirmSpec {
  /** 0-based position in the run; the firm's number is index + 1 */
  index: number;
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  cityCode: string | null;
  industryDivision: string;
  sizeClass: SizeClassId;
  employees: number;
  revenueWanYuan: number;
  groupKey: string | null;
}

export const SYNTHETIC_NAME_PREFIX = "合成示例企业";

/** "合成示例企业 000123": plainly not a real firm. */
export function syntheticName(index: number): string {
  return `${SYNTHETIC_NAME_PREFIX} ${String(index + 1).padStart(6, "0")}`;
}

/**
 * A valid GB 32100 code: registration 9 (market regulator) / 1 (enterprise), the province, then
 * "Y" and the firm's number. Demo and test codes (db/seed.ts) carry a digit in that place, so the two
 * never collide, and firm numbers are unique within a run.
 */
export function syntheticCreditCode(regionCode: string, index: number): string {
  const serial = String(index + 1);
  if (serial.length > 8) throw new Error("at most 99,999,999 synthetic firms");
  const first17 = `91${regionCode}Y${serial.padStart(8, "0")}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** Staff and revenue inside the class's box, correlated (a bigger firm sells more), then checked. */
export function drawStaffAndRevenue(
  rng: Rng,
  size: SizeClassId,
  classes: readonly SizeThreshold[],
): { employees: number; revenueWanYuan: number } {
  const range = SIZE_RANGES[size];
  const q = rng.next();
  const at = ([lo, hi]: [number, number], u: number) =>
    Math.round(Math.exp(Math.log(lo) + clamp(u, 0, 1) * (Math.log(hi) - Math.log(lo))));
  const employees = at(range.employees, q);
  const revenueWanYuan = at(range.revenue, q + rng.normal(0, 0.2));
  const got = classifySize(employees, revenueWanYuan, classes);
  if (got !== size)
    throw new Error(`synthetic ${size} firm (${employees} staff, ${revenueWanYuan} wan yuan) classifies as ${got}`);
  return { employees, revenueWanYuan };
}

/** Group membership decided in order: a few percent of firms, in groups of 2–5 neighbours. */
export interface GroupState {
  /** firms still to place in the current group */
  remaining: number;
  key: string | null;
  leader: FirmSpec | null;
}

export const newGroupState = (): GroupState => ({ remaining: 0, key: null, leader: null });

export function groupKeyFor(index: number): string {
  return `synthetic:group:${String(index + 1).padStart(6, "0")}`;
}

/**
 * Draw firm `index`. `structure` is the run's sequential stream (group membership); everything else
 * comes from the firm's own stream. Members of a group often share the leader's division and province.
 */
export function drawFirm(tables: Tables, seed: number, index: number, structure: Rng, group: GroupState): FirmSpec {
  const rng = new Rng(seed, 0x46, index);
  let groupKey: string | null = null;
  let leader: FirmSpec | null = null;
  if (group.remaining > 0) {
    groupKey = group.key;
    leader = group.leader;
    group.remaining--;
  } else if (structure.chance(GROUP_START_PROBABILITY)) {
    groupKey = groupKeyFor(index);
    group.key = groupKey;
    group.remaining = structure.int(GROUP_MIN, GROUP_MAX) - 1;
  }
  const id = rng.uuid();
  const regionCode = leader && rng.chance(0.5) ? leader.regionCode : tables.region.pick(rng);
  const industryDivision = leader && rng.chance(0.6) ? leader.industryDivision : tables.division.pick(rng);
  const sizeClass = groupKey ? tables.groupSize.pick(rng) : tables.size.pick(rng);
  const { employees, revenueWanYuan } = drawStaffAndRevenue(rng, sizeClass, tables.taxonomy.sizeClasses);
  const firm: FirmSpec = {
    index,
    id,
    name: syntheticName(index),
    creditCode: syntheticCreditCode(regionCode, index),
    regionCode,
    cityCode: null,
    industryDivision,
    sizeClass,
    employees,
    revenueWanYuan,
    groupKey,
  };
  // The city has its own stream, so adding it left every other draw of a seed as it was.
  const cityRng = new Rng(seed, 0x43, index);
  firm.cityCode =
    leader && leader.regionCode === regionCode && cityRng.chance(0.5)
      ? leader.cityCode
      : (tables.city.get(regionCode)?.pick(cityRng) ?? null);
  if (groupKey && !leader) group.leader = firm;
  if (group.remaining === 0 && leader) {
    group.key = null;
    group.leader = null;
  }
  return firm;
}
