import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, firms, memberships } from "~db/schema";
import { canManageFirm, canViewFirm } from "~/accounts/access";
import { loadPrincipal } from "~/accounts/principal.server";
import { createFirm, CreditCodeTakenError, listFirmsOfUser, listMembers } from "~/firms/firm.server";
import { acceptInvitation, createInvitation, listOpenInvitations, revokeInvitation } from "~/firms/invitation.server";
import { db } from "~/platform/db.server";
import { useIsolatedDatabase } from "~test/support/database";
import { firmInput, makeFirmWithOwner, makeUser } from "~test/support/factories";

useIsolatedDatabase();

const texts = { subject: "Join", body: (link: string) => `Open ${link}` };
const count = async (table: typeof firms | typeof memberships) =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
  )[0]!.n;

describe("firms", () => {
  it("creates the firm with its creator as owner and audits it", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const principal = await loadPrincipal(owner.id);
    expect(canManageFirm(principal, firm.id)).toBe(true);
    expect(await listFirmsOfUser(owner.id)).toEqual([{ id: firm.id, name: firm.name, role: "owner", isDemo: false }]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.subjectId, firm.id));
    expect(audit.map((a) => a.action)).toEqual(["firm.created"]);
  });

  it("refuses a second firm with the same credit code and writes nothing", async () => {
    const { firm } = await makeFirmWithOwner();
    const other = await makeUser();
    const [firmCount, members] = [await count(firms), await count(memberships)];
    await expect(createFirm(other.id, firmInput({ creditCode: firm.creditCode }))).rejects.toBeInstanceOf(
      CreditCodeTakenError,
    );
    expect(await count(firms)).toBe(firmCount);
    expect(await count(memberships)).toBe(members);
  });
});

describe("invitations", () => {
  it("lets only the invited email join, once", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const colleague = await makeUser();
    const stranger = await makeUser();
    const { link } = await createInvitation({
      firmId: firm.id,
      email: colleague.email.toUpperCase(),
      invitedBy: owner.id,
      origin: "https://qmd.example.org",
      texts,
    });
    const token = link.split("/").pop()!;
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, colleague.email));
    expect(mail?.body).toContain(link);

    expect(await acceptInvitation(token, stranger)).toEqual({ ok: false, reason: "wrong_account" });
    expect(await acceptInvitation(token, colleague)).toEqual({ ok: true, firmId: firm.id });
    expect(await acceptInvitation(token, colleague)).toEqual({ ok: false, reason: "invalid" });

    const members = await listMembers(firm.id);
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "owner"],
      [colleague.email, "member"],
    ]);
    const p = await loadPrincipal(colleague.id);
    expect(canViewFirm(p, firm.id)).toBe(true);
    expect(canManageFirm(p, firm.id)).toBe(false);
    expect(canViewFirm(await loadPrincipal(stranger.id), firm.id)).toBe(false);
  });

  it("a revoked invitation can no longer be accepted", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const colleague = await makeUser();
    const { invitation, link } = await createInvitation({
      firmId: firm.id,
      email: colleague.email,
      invitedBy: owner.id,
      origin: "https://x.example",
      texts,
    });
    expect(await listOpenInvitations(firm.id)).toHaveLength(1);
    expect(await revokeInvitation(firm.id, invitation.id, owner.id)).toBe(true);
    expect(await revokeInvitation(firm.id, invitation.id, owner.id)).toBe(false);
    expect(await acceptInvitation(link.split("/").pop()!, colleague)).toEqual({ ok: false, reason: "invalid" });
    expect(await listOpenInvitations(firm.id)).toHaveLength(0);
  });

  it("an owner of one firm cannot revoke another firm's invitation", async () => {
    const a = await makeFirmWithOwner();
    const b = await makeFirmWithOwner();
    const colleague = await makeUser();
    const { invitation } = await createInvitation({
      firmId: b.firm.id,
      email: colleague.email,
      invitedBy: b.owner.id,
      origin: "https://x.example",
      texts,
    });
    expect(await revokeInvitation(a.firm.id, invitation.id, a.owner.id)).toBe(false);
    expect(await listOpenInvitations(b.firm.id)).toHaveLength(1);
  });
});
