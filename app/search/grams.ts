// Substring search that works for Chinese on both PGlite and PostgreSQL without extensions:
// every searchable row stores the set of character bigrams of its normalised text in a
// GIN-indexed text[] column. A query's bigrams must all be present (index), then LIKE on the
// normalised text confirms the substring. A two-character query is answered by the index alone.

/** The form both stored text and queries are compared in: NFKC, lower case, single spaces. */
export function normaliseSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Distinct bigrams (by code point) of already-normalised text, skipping pairs with a space. */
export function bigrams(normalised: string): string[] {
  const chars = Array.from(normalised);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (a === " " || b === " ") continue;
    grams.add(a + b);
  }
  return [...grams];
}

export interface SearchPlan {
  /** Normalised query; empty means "no search". */
  query: string;
  /** Bigrams every matching row must contain. */
  grams: string[];
  /** Whether the bigram test alone decides (a single two-character word). */
  gramsSuffice: boolean;
}

export const MAX_QUERY_CHARS = 100;

export function planSearch(raw: string): SearchPlan {
  const query = Array.from(normaliseSearchText(raw)).slice(0, MAX_QUERY_CHARS).join("").trim();
  const grams = bigrams(query);
  return { query, grams, gramsSuffice: Array.from(query).length === 2 && grams.length === 1 };
}

/** `%` and `_` are wildcards in LIKE: a search for them looks for the characters themselves. */
export function likePattern(normalisedQuery: string): string {
  return `%${normalisedQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
