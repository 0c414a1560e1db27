import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { localeCookie } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/locales";
import { readForm } from "~/platform/form-read.server";
import { safeRedirectPath } from "~/platform/http.server";

export async function loader() {
  return redirect("/");
}

/** Switch the interface language; works without JavaScript (a plain form post). */
export async function action(args: ActionFunctionArgs) {
  const form = await readForm(args);
  const locale = form.get("locale");
  if (!isLocale(locale)) throw new Response("Unknown locale", { status: 400 });
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
