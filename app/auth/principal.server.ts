import { eq } from "drizzle-orm";
import { memberships, roleGrants } from "~db/schema";
import { db } from "../db.server";
import type { Principal } from "../domain/access";

export async function loadPrincipal(userId: string): Promise<Principal> {
  const [ms, gs] = await Promise.all([
    db().select({ organisationId: memberships.organisationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId)),
    db().select({ role: roleGrants.role, scope: roleGrants.scope }).from(roleGrants).where(eq(roleGrants.userId, userId)),
  ]);
  return { userId, memberships: ms, grants: gs };
}
