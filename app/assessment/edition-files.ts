// Reading an edition from its two files' text, as an administrator uploads them or picks them from
// content/: every schema and model check, each problem naming its file and field. Pure: no database, no
// file system, so the same rules serve the admin import, the start-up sync and the tests.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { checkModel } from "~/assessment/model-check";
import { type BenchmarkModel, benchmarkModel, type SurveyDefinition, surveyDefinition } from "~/assessment/schemas";
import { canonicalJson } from "~/platform/canonical-json";

export type EditionFile = "questionnaire" | "model";

export interface EditionProblem {
  file: EditionFile;
  /** the field the problem is in, as a path ("pages.3.elements.0.choices"); "" for the whole file */
  field: string;
  message: string;
}

export type EditionFiles =
  | { ok: true; id: string; definition: SurveyDefinition; model: BenchmarkModel }
  | { ok: false; problems: EditionProblem[] };

/** An edition id as the portal stores and links it. */
export const EDITION_ID = /^[a-z0-9-]{1,64}$/;

function parseJson(file: EditionFile, text: string, problems: EditionProblem[]): unknown {
  if (!text.trim()) {
    problems.push({ file, field: "", message: "the file is empty / 文件为空" });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    problems.push({ file, field: "", message: `not valid JSON / 不是有效的 JSON (${(e as Error).message})` });
    return undefined;
  }
}

function validate<T>(
  file: EditionFile,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } } },
  raw: unknown,
  problems: EditionProblem[],
): T | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    problems.push({ file, field: issue.path.map(String).join("."), message: issue.message });
  return undefined;
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** The field a model-check problem is about: the quoted name it starts with, when it names one. */
function checkField(problem: string): string {
  const quoted = /"([^"]+)"/.exec(problem);
  return quoted ? quoted[1]! : "";
}

/**
 * Parse and cross-check a questionnaire and its model. `expectedId`, when given (a pair picked from
 * content/), is the id both files must carry; an upload takes its id from the model's `questionnaire`.
 */
export function readEditionFiles(definitionText: string, modelText: string, expectedId?: string): EditionFiles {
  const problems: EditionProblem[] = [];
  const definition = validate(
    "questionnaire",
    surveyDefinition,
    parseJson("questionnaire", definitionText, problems),
    problems,
  );
  const model = validate("model", benchmarkModel, parseJson("model", modelText, problems), problems);
  if (!definition || !model) return { ok: false, problems };
  const id = expectedId ?? model.questionnaire;
  if (!EDITION_ID.test(id))
    problems.push({ file: "model", field: "questionnaire", message: `"${id}" is not an edition id` });
  if (model.questionnaire !== id)
    problems.push({
      file: "model",
      field: "questionnaire",
      message: `the model names questionnaire "${model.questionnaire}", not "${id}"`,
    });
  for (const p of checkModel(model, definition)) problems.push({ file: "model", field: checkField(p), message: p });
  return problems.length ? { ok: false, problems } : { ok: true, id, definition, model };
}

/** SHA-256 (hex) of the canonical JSON of an edition's two files: what publishing records. */
export function editionContentHash(definition: unknown, model: unknown): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson({ definition, model }))));
}
