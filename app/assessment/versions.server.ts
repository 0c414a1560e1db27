// Questionnaire versions as files: content/questionnaires/<id>.json (SurveyJS) with
// content/models/<id>.json (benchmark model), validated together when loaded.
import { readdirSync, readFileSync } from "node:fs";
import { checkModel } from "~/assessment/model-check";
import { type BenchmarkModel, benchmarkModel, type SurveyDefinition, surveyDefinition } from "~/assessment/schemas";
import { type CompiledModel, compileModel } from "~/assessment/scoring";
import { ContentError, contentPath, parseContentFile } from "~/content/load.server";

export interface QuestionnaireVersion {
  id: string;
  definition: SurveyDefinition;
  model: BenchmarkModel;
  compiled: CompiledModel;
}

/** Load and cross-check one version from its two files. */
export function loadVersionFiles(id: string, definitionText: string, modelText: string): QuestionnaireVersion {
  const definition = parseContentFile(`questionnaires/${id}.json`, surveyDefinition, definitionText);
  const model = parseContentFile(`models/${id}.json`, benchmarkModel, modelText);
  const problems =
    model.questionnaire === id
      ? checkModel(model, definition)
      : [`model names questionnaire "${model.questionnaire}", not "${id}"`];
  if (problems.length)
    throw new ContentError(`models/${id}.json does not fit its questionnaire:\n  ${problems.join("\n  ")}`);
  return { id, definition, model, compiled: compileModel(model, definition) };
}

let cache: Map<string, QuestionnaireVersion> | undefined;

export function questionnaireVersionsOnDisk(): Map<string, QuestionnaireVersion> {
  if (!cache) {
    cache = new Map();
    const ids = readdirSync(contentPath("questionnaires"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5))
      .sort();
    for (const id of ids) {
      const version = loadVersionFiles(
        id,
        readFileSync(contentPath("questionnaires", `${id}.json`), "utf8"),
        readFileSync(contentPath("models", `${id}.json`), "utf8"),
      );
      cache.set(id, version);
    }
  }
  return cache;
}
