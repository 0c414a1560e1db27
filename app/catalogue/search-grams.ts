// Substring search that works for Chinese on both PGlite and PostgreSQL without extensions:
// every searchable row stores the set of character bigrams and trigrams of its normalised text
// in a GIN-indexed text[] column. A query's grams must all be present (index), then LIKE on the
// normalised text confirms the substring. A query of two or three characters is answered by the
// index alone; longer ones use their trigrams (far more selective than bigrams) and LIKE.

/** The form both stored text and queries are compared in: NFKC, lower case, single spaces. */
export function normaliseSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Distinct n-grams (by code point) of already-normalised text, skipping those with a space. */
export function ngrams(normalised: string, n: number): string[] {
  const chars = Array.from(normalised);
  const grams = new Set<string>();
  outer: for (let i = 0; i + n <= chars.length; i++) {
    for (let k = i; k < i + n; k++) if (chars[k] === " ") continue outer;
    grams.add(chars.slice(i, i + n).join(""));
  }
  return [...grams];
}

export const bigrams = (normalised: string): string[] => ngrams(normalised, 2);

/** What a row stores for search: its bigrams and trigrams (distinct lengths, so no clash). */
export function searchGrams(normalised: string): string[] {
  return [...ngrams(normalised, 2), ...ngrams(normalised, 3)];
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
  const length = Array.from(query).length;
  const grams = length === 2 ? bigrams(query) : ngrams(query, 3);
  // A query that is exactly one gram is found by the index alone.
  return { query, grams, gramsSuffice: (length === 2 || length === 3) && grams.length === 1 };
}

/** `%` and `_` are wildcards in LIKE: a search for them looks for the characters themselves. */
export function likePattern(normalisedQuery: string): string {
  return `%${normalisedQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
