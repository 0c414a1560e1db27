// Schemas of the reference data under content/; every file is validated when loaded.
import { z } from "zod";
import { SIZE_CLASSES } from "~/firms/size-class";

export const localized = z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) });
export type Localized = z.infer<typeof localized>;

function uniqueBy<T>(items: T[], key: (t: T) => string, what: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: "custom", message: `duplicate ${what} "${k}"` });
    seen.add(k);
  }
}

export const regionsFile = z
  .object({
    source: localized,
    regions: z
      .array(
        z.object({
          code: z.string().regex(/^\d{2}0000$/, "a province-level GB/T 2260 code ends in 0000"),
          zh: z.string().min(1),
          en: z.string().min(1),
          abbr: z.string().regex(/^[A-Z]{2}$/),
          mainland: z.boolean(),
          tile: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }),
        }),
      )
      .min(1),
  })
  .superRefine((f, ctx) => {
    uniqueBy(f.regions, (r) => r.code, "region code", ctx);
    uniqueBy(f.regions, (r) => r.abbr, "region abbreviation", ctx);
    uniqueBy(f.regions, (r) => `${r.tile.row},${r.tile.col}`, "map tile", ctx);
  });

export const industriesFile = z
  .object({
    source: localized,
    groups: z.array(z.object({ id: z.string().regex(/^[a-z-]+$/), zh: z.string().min(1), en: z.string().min(1) })).min(1),
    divisions: z
      .array(z.object({ code: z.string().regex(/^C\d{2}$/), zh: z.string().min(1), en: z.string().min(1), group: z.string() }))
      .min(1),
  })
  .superRefine((f, ctx) => {
    uniqueBy(f.groups, (g) => g.id, "industry group", ctx);
    uniqueBy(f.divisions, (d) => d.code, "industry division", ctx);
    const groups = new Set(f.groups.map((g) => g.id));
    for (const d of f.divisions) {
      if (!groups.has(d.group)) ctx.addIssue({ code: "custom", message: `division ${d.code} names unknown group "${d.group}"` });
    }
    for (const g of f.groups) {
      if (!f.divisions.some((d) => d.group === g.id)) ctx.addIssue({ code: "custom", message: `group "${g.id}" has no division` });
    }
  });

export const sizeClassesFile = z
  .object({
    source: localized,
    rule: localized,
    classes: z.array(
      z.object({
        id: z.enum(SIZE_CLASSES),
        zh: z.string().min(1),
        en: z.string().min(1),
        minEmployees: z.number().int().min(0),
        minRevenueWanYuan: z.number().int().min(0),
      }),
    ),
  })
  .superRefine((f, ctx) => {
    uniqueBy(f.classes, (c) => c.id, "size class", ctx);
    if (f.classes.length !== SIZE_CLASSES.length)
      ctx.addIssue({ code: "custom", message: `the size classes must be ${SIZE_CLASSES.join(", ")}` });
    for (let i = 1; i < f.classes.length; i++) {
      const [a, b] = [f.classes[i - 1]!, f.classes[i]!];
      if (b.minEmployees >= a.minEmployees || b.minRevenueWanYuan >= a.minRevenueWanYuan) {
        ctx.addIssue({ code: "custom", message: "size classes must be ordered from largest to smallest thresholds" });
      }
    }
    const last = f.classes[f.classes.length - 1];
    if (last && (last.minEmployees !== 0 || last.minRevenueWanYuan !== 0)) {
      ctx.addIssue({ code: "custom", message: "the smallest class must have zero thresholds" });
    }
  });

const simpleEntry = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), zh: z.string().min(1), en: z.string().min(1) });
const idList = (key: string) =>
  z.array(simpleEntry).min(1).superRefine((items, ctx) => uniqueBy(items, (i) => i.id, key, ctx));

export const businessLinksFile = z.object({ source: z.string(), links: idList("business link") });
export const scenarioTiersFile = z.object({
  source: z.string(),
  tiers: z.array(simpleEntry.extend({ article: z.number().int().min(1).max(23) })).length(3),
});
export const technologiesFile = z.object({ technologies: idList("technology") });

const articleNumber = z.number().int().min(1).max(23);
/** The guide's own heading, in Chinese, exactly as published (without its numbering); `title` is the project's short form. */
const officialHeading = z.string().trim().min(1);
export const guideFile = z
  .object({
    title: localized,
    document: z.object({ number: z.string(), issuer: localized, year: z.number().int(), about: localized }),
    interpretation: localized,
    chapters: z
      .array(
        z.object({
          number: z.number().int().min(1).max(7),
          title: localized,
          officialHeading,
          summary: localized,
          articles: z.array(articleNumber).min(1),
        }),
      )
      .length(7),
    articles: z
      .array(
        z.object({
          number: articleNumber,
          chapter: z.number().int().min(1).max(7),
          title: localized,
          officialHeading,
          summary: localized,
          keyPoints: z.array(localized).min(1),
          audience: z.array(z.enum(["firm", "service-provider", "authority", "association"])).min(1),
          forFirms: localized,
        }),
      )
      .length(23),
  })
  .superRefine((g, ctx) => {
    uniqueBy(g.chapters, (c) => String(c.number), "chapter", ctx);
    uniqueBy(g.articles, (a) => String(a.number), "article", ctx);
    for (const a of g.articles) {
      const holders = g.chapters.filter((c) => c.articles.includes(a.number));
      if (holders.length !== 1 || holders[0]!.number !== a.chapter) {
        ctx.addIssue({ code: "custom", message: `article ${a.number} must be listed by exactly its chapter ${a.chapter}` });
      }
    }
  });

export type RegionsFile = z.infer<typeof regionsFile>;
export type Region = RegionsFile["regions"][number];
export type IndustriesFile = z.infer<typeof industriesFile>;
export type Division = IndustriesFile["divisions"][number];
export type SizeClassesFile = z.infer<typeof sizeClassesFile>;
export type GuideFile = z.infer<typeof guideFile>;
export type GuideArticle = GuideFile["articles"][number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a slug is lower-case words joined by hyphens");

/** One scene of the catalogue (场景清单), content/scenes/<slug>.json. */
export const sceneFile = z.object({
  slug,
  title: localized,
  summary: localized,
  industryGroup: z.string(),
  divisions: z.array(z.string().regex(/^C\d{2}$/)).min(1),
  businessLinks: z.array(z.string()).min(1).max(9),
  tier: z.enum(["link", "lifecycle", "ecosystem"]),
  technologies: z.array(z.string()).min(1),
  articles: z.array(z.number().int().min(1).max(23)).min(1),
  dimensions: z.array(z.string()).min(1),
  prerequisites: z.array(z.object({ dimension: z.string(), minLevel: z.number().int().min(1).max(5) })),
  problem: localized,
  practice: localized,
  data: localized,
  measures: z.array(localized).min(1),
  fictional: z.boolean(),
});
export type Scene = z.infer<typeof sceneFile>;
