// The comparability declarations of stored editions, for the pure rule in comparability.ts. Versions are
// compiled once per process (getQuestionnaireVersion), so this costs nothing after the first read.
import type { DeclarationsOf } from "~/assessment/comparability";
import { getQuestionnaireVersion } from "~/assessment/questionnaire.server";

/** The declarations of each of these editions; an edition not stored declares nothing. */
export async function declarationsOf(editions: Iterable<string>): Promise<DeclarationsOf> {
  const ids = [...new Set(editions)];
  const versions = await Promise.all(ids.map((id) => getQuestionnaireVersion(id)));
  const byId = new Map(ids.map((id, i) => [id, versions[i]?.model]));
  return (edition) => byId.get(edition);
}
