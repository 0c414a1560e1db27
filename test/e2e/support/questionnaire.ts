// Answering the SurveyJS questionnaire with the keyboard only: Tab to a control, arrows and
// Space to choose, Enter on the navigation buttons.
import { expect, type Page } from "@playwright/test";
import type { SurveyDefinition } from "~/assessment/schemas";

type Focused = { tag: string; type: string; name: string; value: string; checked: boolean; cls: string };

const focused = (page: Page) =>
  page.evaluate<Focused>(() => {
    const a = document.activeElement as HTMLInputElement | null;
    return {
      tag: a?.tagName ?? "",
      type: a?.type ?? "",
      name: a?.name ?? "",
      value: a?.value ?? "",
      checked: Boolean(a?.checked),
      cls: a?.className ?? "",
    };
  });

async function tabUntil(page: Page, match: (f: Focused) => boolean, what: string, limit = 80): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error(`keyboard focus never reached ${what}`);
}

/** The answer a test firm gives: level 3 (or the first option) and the first half of every tick list. */
export function plannedAnswer(q: SurveyDefinition["pages"][number]["elements"][number]): number | string | string[] {
  const values = q.choices.map((c) => c.value);
  if (q.type === "checkbox") return values.slice(0, Math.ceil(values.length / 2)).map(String);
  return values.includes(3) ? 3 : values[0]!;
}

export async function answerPageByKeyboard(
  page: Page,
  questions: SurveyDefinition["pages"][number]["elements"],
): Promise<void> {
  // The page's questions must be on screen before Tab starts walking them (a new page renders after a save).
  if (questions[0]) await page.locator(`input[name^="${questions[0].name}"]`).first().waitFor();
  for (const q of questions) {
    const target = plannedAnswer(q);
    // SurveyJS names radios "<question>_sq_<n>" and checkboxes "<question><value>".
    const inGroup = (f: Focused) =>
      f.tag === "INPUT" && (f.type === "radio" ? f.name.startsWith(`${q.name}_sq_`) : f.name === `${q.name}${f.value}`);
    if (q.type === "radiogroup") {
      let f = await tabUntil(page, inGroup, q.name);
      if (f.value === String(target) && !f.checked) await page.keyboard.press("Space");
      for (let i = 0; i < q.choices.length + 1 && !(f.value === String(target) && (await focused(page)).checked); i++) {
        await page.keyboard.press("ArrowDown");
        f = await focused(page);
      }
      expect((await focused(page)).checked, `${q.name} chosen`).toBe(true);
    } else {
      for (const value of target as string[]) {
        const f = await tabUntil(page, (x) => inGroup(x) && x.value === value, `${q.name}=${value}`);
        if (!f.checked) await page.keyboard.press("Space");
      }
    }
  }
}

/** Tab to the survey's Next (or Complete) button and press Enter. */
export async function nextPageByKeyboard(page: Page): Promise<void> {
  await tabUntil(
    page,
    (f) => f.tag === "BUTTON" && /sd-navigation__(next|complete)-btn/.test(f.cls),
    "the next-page button",
  );
  await page.keyboard.press("Enter");
}
