import { loadContent } from "~/content/load.server";
import { guideFile } from "~/content/schemas";

export const guide = () => loadContent("guide/guide.json", guideFile);
