import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { type RoleGrant, roleGrants, users } from "~db/schema";
import type { StaffRole } from "~/accounts/access";
import { recordAudit } from "~/platform/audit.server";
import { config } from "~/platform/config.server";
import { db } from "~/platform/db.server";

export async function grantRole(
  actorId: string | null,
  userId: string,
  role: StaffRole,
  scope: string | null,
): Promise<boolean> {
  const normalisedScope = role === "government" ? scope : null;
  return db().transaction(async (tx) => {
    const rows = await tx
      .insert(roleGrants)
      .values({ userId, role, scope: normalisedScope, grantedBy: actorId })
      .onConflictDoNothing()
      .returning();
    if (rows.length === 0) return false;
    await recordAudit(
      {
        actorId,
        action: "role.granted",
        subjectType: "user",
        subjectId: userId,
        details: { role, scope: normalisedScope },
      },
      tx,
    );
    return true;
  });
}

export async function revokeRole(actorId: string, grantId: string): Promise<RoleGrant | null> {
  return db().transaction(async (tx) => {
    const [row] = await tx.delete(roleGrants).where(eq(roleGrants.id, grantId)).returning();
    if (!row) return null;
    await recordAudit(
      {
        actorId,
        action: "role.revoked",
        subjectType: "user",
        subjectId: row.userId,
        details: { role: row.role, scope: row.scope },
      },
      tx,
    );
    return row;
  });
}

/** Users (optionally filtered by email or name) with their staff grants. */
export async function listUsersWithGrants(query: string, limit = 50) {
  const q = query.trim();
  const found = await db()
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      isDemo: users.isDemo,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(q ? or(ilike(users.email, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined)
    .orderBy(asc(users.email))
    .limit(limit);
  if (found.length === 0) return [];
  const grants = await db()
    .select()
    .from(roleGrants)
    .where(sql`${roleGrants.userId} in ${found.map((u) => u.id)}`);
  return found.map((u) => ({ ...u, grants: grants.filter((g) => g.userId === u.id) }));
}

export async function countAdmins(): Promise<number> {
  const rows = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "admin"), isNull(roleGrants.scope)));
  return rows[0]?.n ?? 0;
}

/** Make the accounts named in ADMIN_EMAILS administrators; returns how many grants were added. */
export async function ensureBootstrapAdmins(emails: readonly string[] = config().ADMIN_EMAILS): Promise<number> {
  if (emails.length === 0) return 0;
  const found = await db()
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, [...emails]));
  let added = 0;
  for (const u of found) if (await grantRole(null, u.id, "admin", null)) added++;
  return added;
}
