// Inviting colleagues: the owner names an email; the invitee, signed in with that email,
// accepts through a single-use link. The token is stored only as a hash.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { type Invitation, invitations, memberships } from "~db/schema";
import { generateToken, hashToken } from "~/accounts/tokens.server";
import { normaliseEmail } from "~/accounts/user.server";
import { recordAudit } from "~/platform/audit.server";
import { db } from "~/platform/db.server";
import { enqueueEmail, logUnsentEmail } from "~/platform/outbox.server";

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export async function createInvitation(input: {
  firmId: string;
  email: string;
  invitedBy: string;
  origin: string;
  texts: { subject: string; body: (link: string) => string };
}): Promise<{ invitation: Invitation; link: string }> {
  const email = normaliseEmail(input.email);
  const token = generateToken();
  const link = `${input.origin}/invitations/${token}`;
  const message = {
    to: email,
    subject: input.texts.subject,
    body: input.texts.body(link),
    kind: "invitation" as const,
  };
  const invitation = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        firmId: input.firmId,
        email,
        tokenHash: hashToken(token),
        invitedBy: input.invitedBy,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      })
      .returning();
    await enqueueEmail(message, tx);
    await recordAudit(
      {
        actorId: input.invitedBy,
        action: "firm.invitation_sent",
        subjectType: "firm",
        subjectId: input.firmId,
        details: { invitationId: row!.id },
      },
      tx,
    );
    return row!;
  });
  logUnsentEmail(message);
  return { invitation, link };
}

export function listOpenInvitations(firmId: string) {
  return db()
    .select({
      id: invitations.id,
      email: invitations.email,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.firmId, firmId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(firmId: string, invitationId: string, actorId: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const rows = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.firmId, firmId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (rows.length === 0) return false;
    await recordAudit(
      { actorId, action: "firm.invitation_revoked", subjectType: "firm", subjectId: firmId, details: { invitationId } },
      tx,
    );
    return true;
  });
}

/** An invitation that can still be accepted, or null. */
export async function findOpenInvitation(token: string): Promise<Invitation | null> {
  const [row] = await db()
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

export type AcceptResult = { ok: true; firmId: string } | { ok: false; reason: "invalid" | "wrong_account" };

export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<AcceptResult> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return { ok: false, reason: "invalid" };
  if (invitation.email !== normaliseEmail(user.email)) return { ok: false, reason: "wrong_account" };
  return db().transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: user.id })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) return { ok: false as const, reason: "invalid" as const };
    await tx
      .insert(memberships)
      .values({ firmId: invitation.firmId, userId: user.id, role: invitation.role })
      .onConflictDoNothing();
    await recordAudit(
      {
        actorId: user.id,
        action: "firm.invitation_accepted",
        subjectType: "firm",
        subjectId: invitation.firmId,
        details: { invitationId: invitation.id },
      },
      tx,
    );
    return { ok: true as const, firmId: invitation.firmId };
  });
}
