// Password-reset emails are rate-limited per address and per client, behind the same neutral page (issue 15 item 10).
import type { ActionFunctionArgs } from "@remix-run/node";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "~db/schema";
import { RESET_EMAILS_PER_ADDRESS_PER_HOUR, RESET_REQUESTS_PER_CLIENT_PER_HOUR } from "~/accounts/reset-limit.server";
import { createRequestContext } from "~/platform/context";
import { db } from "~/platform/db.server";
import { action as forgotPassword } from "~/routes/forgot-password";
import { useIsolatedDatabase } from "~test/support/database";
import { makeUser, uniqueEmail } from "~test/support/factories";
import { ORIGIN } from "~test/support/requests";

useIsolatedDatabase();

/** POST /forgot-password from `clientIp`; the status and the page's data. */
async function requestReset(email: string, clientIp: string) {
  const request = new Request(`${ORIGIN}/forgot-password`, { method: "POST", body: new URLSearchParams({ email }) });
  const out = (await forgotPassword({
    request,
    params: {},
    context: createRequestContext({ clientIp }),
  } as ActionFunctionArgs)) as unknown as { data: unknown; init: { status?: number } | null };
  return { status: out.init?.status ?? 200, data: out.data };
}

const mailsTo = async (to: string[]) => db().select().from(emailOutbox).where(inArray(emailOutbox.to, to));

describe("password-reset email rate limit", () => {
  it("20 requests in a row for one address queue only the per-address limit, each answered alike", async () => {
    const user = await makeUser();
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await requestReset(user.email, "ip-one-address"));
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ status: 200, data: { errors: {}, values: {}, sent: true } })]),
    );
    expect(await mailsTo([user.email])).toHaveLength(RESET_EMAILS_PER_ADDRESS_PER_HOUR);
    // An unknown address gets the very same answer, limited or not.
    expect(await requestReset(uniqueEmail(), "ip-other")).toEqual(answers[0]);
  });

  it("one client asking for many addresses is held to the per-client limit", async () => {
    const users = await Promise.all(Array.from({ length: RESET_REQUESTS_PER_CLIENT_PER_HOUR + 3 }, () => makeUser()));
    for (const u of users) expect((await requestReset(u.email, "ip-many")).status).toBe(200);
    expect(await mailsTo(users.map((u) => u.email))).toHaveLength(RESET_REQUESTS_PER_CLIENT_PER_HOUR);
    // Another client is not held back by it.
    await requestReset(users.at(-1)!.email, "ip-elsewhere");
    expect(await mailsTo([users.at(-1)!.email])).toHaveLength(1);
  });
});
