// The one place where loaders and actions ask who is calling and what they may do.
import { type AppLoadContext, redirect } from "@remix-run/node";
import type { User } from "~db/schema";
import { canManageFirm, canViewFirm, hasStaffRole, type Principal, type StaffRole } from "~/accounts/access";
import { readSessionToken, serializeSessionCookie, validateSessionToken } from "~/accounts/session.server";
import { forbidden, isUuid, notFound } from "~/platform/http.server";

export interface Caller {
  user: User;
  principal: Principal;
  sessionId: string;
}

type Args = { request: Request; context: AppLoadContext };

async function resolveCaller({ request, context }: Args): Promise<Caller | null> {
  const token = await readSessionToken(request);
  if (!token) return null;
  const result = await validateSessionToken(token);
  if (!result) return null;
  // A session extended in its second half gets a fresh cookie lifetime too.
  if (result.refreshed) context.setCookies.push(await serializeSessionCookie(token));
  return { user: result.user, principal: result.principal, sessionId: result.session.id };
}

/** The signed-in caller, or null; looked up once per request. */
export function getCaller(args: Args): Promise<Caller | null> {
  args.context.auth ??= resolveCaller(args);
  return args.context.auth;
}

export async function requireCaller(args: Args): Promise<Caller> {
  const caller = await getCaller(args);
  if (!caller) {
    const url = new URL(args.request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return caller;
}

/** A member of the firm; anyone else gets 404 so firm ids cannot be probed. */
export async function requireFirmMember(args: Args, firmId: string | undefined): Promise<Caller & { firmId: string }> {
  const caller = await requireCaller(args);
  if (!isUuid(firmId) || !canViewFirm(caller.principal, firmId)) notFound();
  return { ...caller, firmId };
}

/** An owner of the firm: a plain member gets 403, a stranger 404. */
export async function requireFirmOwner(args: Args, firmId: string | undefined): Promise<Caller & { firmId: string }> {
  const caller = await requireFirmMember(args, firmId);
  if (!canManageFirm(caller.principal, caller.firmId)) forbidden();
  return caller;
}

export async function requireStaff(args: Args, ...roles: StaffRole[]): Promise<Caller> {
  const caller = await requireCaller(args);
  if (!roles.some((r) => hasStaffRole(caller.principal, r))) forbidden();
  return caller;
}
