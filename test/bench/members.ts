// Bench visitors: users with a session, as cookies to send; and firm members opening their own report.
import type pg from "pg";

/** A fresh session for the user, as the `Cookie` header value a browser would send. */
export async function sessionCookie(client: pg.Client, userId: string): Promise<string> {
  const { hashToken, generateToken } = await import("~/accounts/tokens.server");
  const { serializeSessionCookie } = await import("~/accounts/session.server");
  const token = generateToken();
  await client.query("insert into sessions (id, user_id, expires_at) values ($1, $2, now() + interval '30 days')", [
    hashToken(token),
    userId,
  ]);
  return (await serializeSessionCookie(token)).split(";")[0]!;
}

export async function benchUser(client: pg.Client, email: string, displayName: string): Promise<string> {
  return (
    await client.query<{ id: string }>(
      "insert into users (email, password_hash, display_name) values ($1, 'x', $2) returning id",
      [email, displayName],
    )
  ).rows[0]!.id;
}

/**
 * `count` submitted 2025 assessments in a fixed pseudo-random order, each with a new owner of its firm
 * signed in: the path `/firms/:firm/assessments/:id/<page>` and that owner's cookie.
 */
export async function reportVisitors(
  client: pg.Client,
  { count, page, emailPrefix }: { count: number; page: string; emailPrefix: string },
): Promise<Array<{ path: string; cookie: string }>> {
  const picks = (
    await client.query<{ org: string; id: string }>(
      "select firm_id as org, id from assessments where status = 'submitted' and period = '2025' order by md5(id::text) limit $1",
      [count],
    )
  ).rows;
  const members: Array<{ path: string; cookie: string }> = [];
  for (const [i, p] of picks.entries()) {
    const userId = await benchUser(client, `${emailPrefix}-${Date.now()}-${i}@example.test`, "Bench");
    await client.query("insert into memberships (firm_id, user_id, role) values ($1, $2, 'owner')", [p.org, userId]);
    members.push({ path: `/firms/${p.org}/assessments/${p.id}/${page}`, cookie: await sessionCookie(client, userId) });
  }
  return members;
}
