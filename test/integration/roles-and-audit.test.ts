import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, roleGrants } from "~db/schema";
import { seedDemoIfEmpty } from "~db/seed";
import { governmentJurisdiction, hasStaffRole } from "~/accounts/access";
import { loadPrincipal } from "~/accounts/principal.server";
import { ensureBootstrapAdmins, grantRole, listUsersWithGrants, revokeRole } from "~/accounts/role-grant.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { useIsolatedDatabase } from "~test/support/database";
import { makeUser } from "~test/support/factories";

useIsolatedDatabase();

describe("role grants", () => {
  it("grants once, revokes, and audits both", async () => {
    const admin = await makeUser();
    const user = await makeUser();
    expect(await grantRole(admin.id, user.id, "government", "330000")).toBe(true);
    expect(await grantRole(admin.id, user.id, "government", "330000")).toBe(false);
    const p = await loadPrincipal(user.id);
    expect(governmentJurisdiction(p)).toEqual(["330000"]);
    const [grant] = await db().select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    expect((await revokeRole(admin.id, grant!.id))?.role).toBe("government");
    const actions = (await db().select().from(auditLog).where(eq(auditLog.subjectId, user.id))).map((a) => a.action);
    expect(actions).toEqual(["role.granted", "role.revoked"]);
  });

  it("drops a scope on non-government roles, and the database refuses one anyway", async () => {
    const user = await makeUser();
    await grantRole(null, user.id, "analyst", "330000");
    const [grant] = await db().select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    expect(grant?.scope).toBeNull();
    await expect(db().insert(roleGrants).values({ userId: user.id, role: "admin", scope: "330000" })).rejects.toThrow();
  });

  it("bootstraps administrators from a list of emails", async () => {
    const user = await makeUser();
    expect(await ensureBootstrapAdmins([user.email, "nobody@example.test"])).toBe(1);
    expect(hasStaffRole(await loadPrincipal(user.id), "admin")).toBe(true);
    expect(await ensureBootstrapAdmins([user.email])).toBe(0);
    const [listed] = await listUsersWithGrants(user.email);
    expect(listed?.grants.map((g) => g.role)).toEqual(["admin"]);
  });
});

describe("audit log", () => {
  it("is append-only at the database", async () => {
    await recordAudit({ actorId: null, action: "auth.sign_in_failed" });
    await expect(db().update(auditLog).set({ action: "tampered" })).rejects.toThrow();
    await expect(db().delete(auditLog)).rejects.toThrow();
    const rows = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, "tampered"));
    expect(rows[0]!.n).toBe(0);
  });
});

describe("demo seed", () => {
  it("seeds an empty database once and only once", async () => {
    // This file's database already has users from the tests above, so it is not empty.
    expect(await seedDemoIfEmpty()).toBe(false);
  });
});
