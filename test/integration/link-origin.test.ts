// Email links come from the configured origin, never from a forged Host or X-Forwarded-Host (issue 15 item 10).
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { emailOutbox } from "~db/schema";
import { db } from "~/platform/db.server";
import { action as firmAction } from "~/routes/firms.$firmId._index";
import { action as forgotPassword } from "~/routes/forgot-password";
import { useIsolatedDatabase } from "~test/support/database";
import { makeFirmWithOwner, makeUser, uniqueEmail } from "~test/support/factories";
import { runAction, sessionCookieFor } from "~test/support/requests";

useIsolatedDatabase();

// config() is read once per process, on first use: set the origin before anything imports it.
const CONFIGURED = vi.hoisted(() => (process.env.PUBLIC_ORIGIN = "https://qmd.example.org"));
afterAll(() => void delete process.env.PUBLIC_ORIGIN);
const FORGED = {
  Host: "evil.attacker.test",
  "X-Forwarded-Host": "evil.attacker.test",
  Origin: "http://evil.attacker.test",
};

const bodiesTo = async (to: string) =>
  (await db().select().from(emailOutbox).where(eq(emailOutbox.to, to))).map((m) => m.body);

describe("links in emails", () => {
  it("a reset requested with a forged Host and X-Forwarded-Host links to PUBLIC_ORIGIN only", async () => {
    const user = await makeUser();
    // Remix builds request.url from the Host header (X-Forwarded-Host behind a trusted proxy): forge both.
    const request = new Request("http://evil.attacker.test/forgot-password", {
      method: "POST",
      headers: FORGED,
      body: new URLSearchParams({ email: user.email }),
    });
    expect((await runAction(forgotPassword, request, {})).status).toBe(200);
    const [body] = await bodiesTo(user.email);
    expect(body).toContain(`${CONFIGURED}/reset-password?token=`);
    expect(body).not.toMatch(/attacker/);
  });

  it("an invitation sent through a forged Host links to PUBLIC_ORIGIN only", async () => {
    const { owner, firm } = await makeFirmWithOwner();
    const invitee = uniqueEmail("invitee");
    const request = new Request(`http://evil.attacker.test/firms/${firm.id}`, {
      method: "POST",
      headers: { ...FORGED, Cookie: await sessionCookieFor(owner.id) },
      body: new URLSearchParams({ intent: "invite", email: invitee }),
    });
    expect((await runAction(firmAction, request, { firmId: firm.id })).status).toBe(200);
    const [body] = await bodiesTo(invitee);
    expect(body).toContain(`${CONFIGURED}/invitations/`);
    expect(body).not.toMatch(/attacker/);
  });
});
