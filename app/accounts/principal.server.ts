// A user's firm memberships and staff grants. Signed-in requests read them in the same query
// as the session (see session.server.ts), so a request costs one round trip for who-is-calling.
import { type SQL, sql } from "drizzle-orm";
import { memberships, roleGrants, type users } from "~db/schema";
import type { FirmRole, Principal, StaffRole } from "~/accounts/access";
import { prepared } from "~/platform/prepared.server";

/** A firm membership (`ref`: the firm id) or a staff grant (`ref`: its scope); `role` is one of the enum's values. */
export type AccessRow = { kind: "m"; ref: string; role: FirmRole } | { kind: "g"; ref: string | null; role: StaffRole };

/** A JSON array of the access rows of the user whose id is `userId` (a column or a value). */
export function accessRowsSql(userId: SQL | typeof users.id): SQL<AccessRow[]> {
  return sql<AccessRow[]>`(select coalesce(json_agg(x), '[]'::json) from (
    select 'm' as kind, ${memberships.firmId}::text as ref, ${memberships.role}::text as role from ${memberships} where ${memberships.userId} = ${userId}
    union all
    select 'g', ${roleGrants.scope}, ${roleGrants.role}::text from ${roleGrants} where ${roleGrants.userId} = ${userId}
  ) x)`;
}

export function principalFromRows(userId: string, rows: readonly AccessRow[]): Principal {
  return {
    userId,
    memberships: rows.flatMap((r) => (r.kind === "m" ? [{ firmId: r.ref, role: r.role }] : [])),
    grants: rows.flatMap((r) => (r.kind === "g" ? [{ role: r.role, scope: r.ref }] : [])),
  };
}

const principalQuery = () =>
  prepared("principal", (d) =>
    d
      .select({ access: accessRowsSql(sql`${sql.placeholder("userId")}::uuid`) })
      .from(sql`(select 1) as one`)
      .prepare("principal"),
  );

export async function loadPrincipal(userId: string): Promise<Principal> {
  const [row] = await principalQuery().execute({ userId });
  return principalFromRows(userId, row?.access ?? []);
}
