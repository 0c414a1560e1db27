import { loadContent } from "~/content/load.server";
import { guideFile } from "~/content/schemas";

export const guide = () => loadContent("guide/guide.json", guideFile);

export function guideArticle(number: number) {
  return guide().articles.find((a) => a.number === number) ?? null;
}
