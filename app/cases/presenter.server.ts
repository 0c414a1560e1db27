// What a case page needs besides the stored content: the markdown rendered safely and the
// titles of the scenes it names. Used by the public, firm and review pages alike.
import { renderMarkdown } from "~/cases/markdown.server";
import type { CaseContent } from "~/cases/schema";
import { scenesBySlugs } from "~/scenes/scene.server";

export interface PresentedCase {
  content: CaseContent;
  problemHtml: string;
  approachHtml: string;
  scenes: Array<{ slug: string; title: { zh: string; en: string } }>;
}

export async function presentCase(content: CaseContent): Promise<PresentedCase> {
  const scenes = await scenesBySlugs(content.sceneSlugs);
  return {
    content,
    problemHtml: renderMarkdown(content.problem),
    approachHtml: renderMarkdown(content.approach),
    scenes: scenes.map((s) => ({ slug: s.slug, title: s.title })),
  };
}
