// The groups an insights view compares, chosen by name: provinces, cities, industry groups, industry
// divisions and size classes. A reader types or picks "浙江省", "Zhejiang", "装备制造业" or "C36 汽车制造业"; the server
// turns the name into the cube key. Pure: the server passes the taxonomies in.
import type { Locale } from "~/i18n/locales";
import { ALL, GROUP_PREFIX } from "~/statistics/types";

export const GROUP_KINDS = ["region", "industry", "size"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface GroupOption {
  kind: GroupKind;
  /** The cell key: a province or city code, `G:<group>`, a division code or a size class id. */
  key: string;
  zh: string;
  en: string;
  /** Other names a reader may type: a short province name, a code. */
  aliases: readonly string[];
}

export interface Taxonomies {
  regions: ReadonlyArray<{ code: string; zh: string; en: string; abbr: string; mainland: boolean }>;
  groups: ReadonlyArray<{ id: string; zh: string; en: string }>;
  divisions: ReadonlyArray<{ code: string; zh: string; en: string; group: string }>;
  sizes: ReadonlyArray<{ id: string; zh: string; en: string }>;
  /** Prefecture-level cities (the release's city layer); their names are Chinese only. */
  cities?: ReadonlyArray<{ code: string; name: string }>;
}

const shortZh = (zh: string) => zh.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/, "");

/** Every group a reader can choose, in taxonomy order. */
export function groupOptions(tax: Taxonomies): GroupOption[] {
  return [
    ...tax.regions.map((r) => ({
      kind: "region" as const,
      key: r.code,
      zh: r.zh,
      en: r.en,
      aliases: [shortZh(r.zh), r.code, r.abbr],
    })),
    ...(tax.cities ?? []).map((c) => ({
      kind: "region" as const,
      key: c.code,
      zh: c.name,
      en: c.name,
      aliases: [shortZh(c.name), c.code],
    })),
    ...tax.groups.flatMap((g) => [
      { kind: "industry" as const, key: `${GROUP_PREFIX}${g.id}`, zh: g.zh, en: g.en, aliases: [g.id] },
      ...tax.divisions
        .filter((d) => d.group === g.id)
        .map((d) => ({
          kind: "industry" as const,
          key: d.code,
          zh: `${d.code} ${d.zh}`,
          en: `${d.code} ${d.en}`,
          aliases: [d.code, d.zh, d.en],
        })),
    ]),
    ...tax.sizes.map((s) => ({ kind: "size" as const, key: s.id, zh: s.zh, en: s.en, aliases: [s.id] })),
  ];
}

const fold = (s: string) => s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");

/** The option a typed name stands for, among those of `kind`; null when none matches. */
export function resolveGroup(options: readonly GroupOption[], kind: GroupKind, text: string): GroupOption | null {
  const wanted = fold(text);
  if (!wanted) return null;
  return (
    options.find((o) => o.kind === kind && [o.zh, o.en, o.key, ...o.aliases].some((name) => fold(name) === wanted)) ??
    null
  );
}

/** The name of a key in the reader's language; `*` reads as the whole country, all industries or all sizes. */
export function groupName(
  options: readonly GroupOption[],
  kind: GroupKind,
  key: string,
  locale: Locale,
  whole: string,
): string {
  if (key === ALL) return whole;
  return options.find((o) => o.kind === kind && o.key === key)?.[locale] ?? key;
}
