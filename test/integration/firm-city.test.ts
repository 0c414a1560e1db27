import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { firms } from "~db/schema";
import { createFirm, getFirm, updateFirm } from "~/firms/firm.server";
import { db } from "~/platform/db.server";
import { action as editAction } from "~/routes/firms.$firmId.edit";
import { action as newAction } from "~/routes/firms.new";
import { useIsolatedDatabase } from "~test/support/database";
import { firmInput, makeFirmWithOwner, makeUser, uniqueCreditCode } from "~test/support/factories";
import { ORIGIN, runAction, sessionCookieFor } from "~test/support/requests";

useIsolatedDatabase();

const firmCount = async () =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(firms)
  )[0]!.n;

function post(path: string, cookie: string, fields: Record<string, string>) {
  return new Request(ORIGIN + path, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const profile = (over: Record<string, string> = {}) => ({
  name: "城市测试企业",
  creditCode: uniqueCreditCode(),
  industryDivision: "C36",
  regionCode: "330000",
  cityCode: "330200",
  employees: "350",
  revenueWanYuan: "5000",
  ...over,
});

describe("a firm's city", () => {
  it("is stored when it is in the province, and refused with nothing stored when it is not", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    const ok = await runAction(newAction, post("/firms/new", cookie, profile()), {});
    expect(ok.status).toBe(302);
    const id = ok.headers.get("Location")!.split("/")[2]!.split("?")[0]!;
    expect((await getFirm(id))?.cityCode).toBe("330200");

    const before = await firmCount();
    const refused = await runAction(newAction, post("/firms/new", cookie, profile({ cityCode: "320500" })), {});
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({
      cityCode: "errors.cityNotInProvince",
    });
    const listed = await runAction(
      newAction,
      post("/firms/new", cookie, { ...profile({ regionCode: "320000" }), intent: "cities" }),
      {},
    );
    expect(((await listed.json()) as { citiesShown: boolean }).citiesShown).toBe(true);
    expect(await firmCount()).toBe(before);
  });

  it("an edit to another province's city is refused and the firm is unchanged", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const cookie = await sessionCookieFor(owner.id);
    const path = `/firms/${firm.id}/edit`;
    const fields = profile({ creditCode: firm.creditCode, cityCode: "440300" });
    const refused = await runAction(editAction, post(path, cookie, fields), { firmId: firm.id });
    expect(refused.status).toBe(400);
    const [row] = await db().select().from(firms).where(eq(firms.id, firm.id));
    expect(row).toMatchObject({ cityCode: null, name: firm.name, updatedAt: firm.updatedAt });

    const saved = await runAction(editAction, post(path, cookie, { ...fields, cityCode: "330100" }), {
      firmId: firm.id,
    });
    expect(saved.status).toBe(302);
    expect((await getFirm(firm.id))?.cityCode).toBe("330100");
  });

  it("the database refuses a city of another province too", async () => {
    const user = await makeUser();
    const before = await firmCount();
    await expect(createFirm(user.id, firmInput({ cityCode: "320500" }))).rejects.toThrow();
    await expect(createFirm(user.id, firmInput({ cityCode: "33020" }))).rejects.toThrow();
    expect(await firmCount()).toBe(before);
    const { owner, firm } = await makeFirmWithOwner();
    await expect(
      updateFirm(owner.id, firm.id, firmInput({ creditCode: firm.creditCode, cityCode: "110100" })),
    ).rejects.toThrow();
    expect((await getFirm(firm.id))?.cityCode).toBeNull();
  });
});
