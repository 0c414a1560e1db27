import { asc, eq, sql } from "drizzle-orm";
import { type Firm, firms, memberships, users } from "~db/schema";
import type { SizeClassId } from "~/firms/size-class";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { prepared } from "~/platform/prepared.server";

export interface FirmProfileInput {
  name: string;
  creditCode: string;
  industryDivision: string;
  regionCode: string;
  cityCode: string | null;
  employees: number;
  revenueWanYuan: number;
  sizeClass: SizeClassId;
}

export class CreditCodeTakenError extends Error {}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

/** Create a firm with its creator as owner, in one transaction. */
export async function createFirm(
  ownerId: string,
  input: FirmProfileInput,
  opts: { isDemo?: boolean } = {},
): Promise<Firm> {
  try {
    return await db().transaction(async (tx) => {
      const [firm] = await tx
        .insert(firms)
        .values({ ...input, isDemo: opts.isDemo ?? false })
        .returning();
      await tx.insert(memberships).values({ firmId: firm!.id, userId: ownerId, role: "owner" });
      await recordAudit({ actorId: ownerId, action: "firm.created", subjectType: "firm", subjectId: firm!.id }, tx);
      return firm!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new CreditCodeTakenError(input.creditCode);
    throw e;
  }
}

export async function updateFirm(actorId: string, firmId: string, input: FirmProfileInput): Promise<void> {
  try {
    await db().transaction(async (tx) => {
      await tx
        .update(firms)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(firms.id, firmId));
      await recordAudit({ actorId, action: "firm.updated", subjectType: "firm", subjectId: firmId }, tx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new CreditCodeTakenError(input.creditCode);
    throw e;
  }
}

const firmLookup = () =>
  prepared("firm_lookup", (d) =>
    d
      .select()
      .from(firms)
      .where(eq(firms.id, sql.placeholder("id")))
      .prepare("firm_lookup"),
  );

export async function getFirm(firmId: string): Promise<Firm | null> {
  const [firm] = await firmLookup().execute({ id: firmId });
  return firm ?? null;
}

export function listFirmsOfUser(userId: string) {
  return db()
    .select({ id: firms.id, name: firms.name, role: memberships.role, isDemo: firms.isDemo })
    .from(memberships)
    .innerJoin(firms, eq(memberships.firmId, firms.id))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(firms.name));
}

export function listMembers(firmId: string) {
  return db()
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(memberships.userId, users.id))
    .where(eq(memberships.firmId, firmId))
    .orderBy(asc(memberships.createdAt));
}
