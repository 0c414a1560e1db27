// Demo data for a newcomer: a few clearly labelled fictional firms and one user per role.
// Written in one transaction, only into an empty database.
import { sql } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { db } from "~/db.server";
import { creditCodeCheckCharacter } from "~/domain/credit-code";
import { demoCasesOnDisk } from "~/content/demo-cases.server";
import { publishSeededCase } from "~/models/case.server";
import { DEMO_FIRMS } from "./demo-firms";
import { memberships, organisations, roleGrants, users } from "./schema";

export const DEMO_PASSWORD = "qmd-demo-2026";

export const DEMO_USERS = [
  { key: "admin", email: "admin@demo.qmd.example", displayName: "演示管理员 Demo Admin", locale: "zh" },
  { key: "analyst", email: "analyst@demo.qmd.example", displayName: "演示协会分析员 Demo Analyst", locale: "zh" },
  { key: "government", email: "gov@demo.qmd.example", displayName: "演示政府查看者（全国） Demo Government", locale: "zh" },
  { key: "governmentZj", email: "gov-zj@demo.qmd.example", displayName: "演示政府查看者（浙江） Demo Government ZJ", locale: "zh" },
  { key: "owner", email: "owner@demo.qmd.example", displayName: "演示企业负责人 Demo Owner", locale: "zh" },
  { key: "member", email: "member@demo.qmd.example", displayName: "演示企业成员 Demo Member", locale: "en" },
] as const;

/** A valid credit code for demo and test data: registration 9/1, the region, then a serial. */
export function demoCreditCode(regionCode: string, serial: number): string {
  const first17 = `91${regionCode}${String(serial).padStart(8, "0")}X`;
  return first17 + creditCodeCheckCharacter(first17);
}



export async function seedDemoIfEmpty(): Promise<boolean> {
  const [{ n } = { n: 0 }] = await db().select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db().transaction(async (tx) => {
    // Several processes may start at once: one seeds, the others find users and stop.
    await tx.execute(sql`select pg_advisory_xact_lock(4751204)`);
    const [{ m } = { m: 0 }] = await tx.select({ m: sql<number>`count(*)::int` }).from(users);
    if (m > 0) return false;
    const created = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ email: u.email, displayName: u.displayName, locale: u.locale, passwordHash, isDemo: true })))
      .returning();
    const id = (key: (typeof DEMO_USERS)[number]["key"]) => created.find((u) => u.email === DEMO_USERS.find((d) => d.key === key)!.email)!.id;
    await tx.insert(roleGrants).values([
      { userId: id("admin"), role: "admin", scope: null },
      { userId: id("analyst"), role: "analyst", scope: null },
      { userId: id("government"), role: "government", scope: null },
      { userId: id("governmentZj"), role: "government", scope: "330000" },
    ]);
    const firms = await tx
      .insert(organisations)
      .values(DEMO_FIRMS.map((f, i) => ({ ...f, creditCode: demoCreditCode(f.regionCode, 900001 + i), isDemo: true })))
      .returning();
    await tx.insert(memberships).values([
      ...firms.map((f) => ({ organisationId: f.id, userId: id("owner"), role: "owner" as const })),
      { organisationId: firms[0]!.id, userId: id("member"), role: "member" as const },
    ]);
    for (const demo of demoCasesOnDisk()) {
      const { slug: _slug, demoFirm, anonymised, ...content } = demo;
      await publishSeededCase(tx, { firmId: firms[demoFirm]!.id, ownerId: id("owner"), analystId: id("analyst"), content, anonymised });
    }
    return true;
  });
}
