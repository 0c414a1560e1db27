// The public preview reads published and retired editions only: a draft edition is not public.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { questionnaireVersions } from "~db/schema";
import { publicEdition, publicEditions } from "~/assessment/public-editions.server";
import { syncQuestionnaireVersions } from "~/assessment/questionnaire.server";
import { db } from "~/platform/db.server";
import { loadVersion } from "~test/support/assessment-fixtures";
import { useIsolatedDatabase } from "~test/support/database";

useIsolatedDatabase();
const base = loadVersion("qmd-2025");

async function addEdition(id: string, status: "draft" | "published" | "retired") {
  await db()
    .insert(questionnaireVersions)
    .values({
      id,
      title: { zh: `测试 ${id}`, en: `Test ${id}` },
      definition: base.definition,
      model: { ...base.model, id, questionnaire: id },
      status,
      publishedAt: status === "draft" ? null : new Date(),
      retiredAt: status === "retired" ? new Date() : null,
    });
}

beforeAll(async () => {
  await syncQuestionnaireVersions();
  await addEdition("qn-draft", "draft");
  await addEdition("qn-retired", "retired");
});

describe("public questionnaire editions", () => {
  it("lists published and retired editions, never a draft", async () => {
    const ids = (await publicEditions()).map((e) => e.id);
    expect(ids).toContain("qmd-2025");
    expect(ids).toContain("qn-retired");
    expect(ids).not.toContain("qn-draft");
  });

  it("opens a published or retired edition, and answers null for a draft, an unknown or a malformed id", async () => {
    expect((await publicEdition("qmd-2025"))?.status).toBe("published");
    expect((await publicEdition("qn-retired"))?.version.definition.pages).toHaveLength(base.definition.pages.length);
    expect(await publicEdition("qn-draft")).toBeNull();
    expect(await publicEdition("no-such-edition")).toBeNull();
    expect(await publicEdition("../qmd-2025")).toBeNull();
  });

  it("reads the status each time: a draft becomes public when it is published", async () => {
    expect(await publicEdition("qn-draft")).toBeNull();
    await db()
      .update(questionnaireVersions)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(questionnaireVersions.id, "qn-draft"));
    expect((await publicEdition("qn-draft"))?.status).toBe("published");
  });
});
