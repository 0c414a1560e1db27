import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { localeCookie } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/locales";
import { safeRedirectPath } from "~/platform/http.server";

export async function loader() {
  return redirect("/");
}

/** Switch the interface language; works without JavaScript (a plain form post). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale)) throw new Response("Unknown locale", { status: 400 });
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
