import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/accounts/account.server";
import { getCaller } from "~/accounts/guard.server";
import { serializeBlankSessionCookie } from "~/accounts/session.server";

export async function loader() {
  return redirect("/");
}

export async function action(args: ActionFunctionArgs) {
  const caller = await getCaller(args);
  const cookie = caller ? await signOut(caller.sessionId, caller.user.id) : await serializeBlankSessionCookie();
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": cookie } });
}
