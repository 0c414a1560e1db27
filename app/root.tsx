import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { hasStaffRole } from "~/accounts/access";
import { getCaller } from "~/accounts/guard.server";
import { i18nFor } from "~/i18n/i18n";
import { DEFAULT_LOCALE, htmlLang } from "~/i18n/locales";
import { siteMeta } from "~/i18n/meta";
import { requestI18n } from "~/i18n/server-t.server";
import { insightsScope } from "~/insights/scope";
import { isDemoMode } from "~/platform/seed-state.server";
import styles from "~/ui/app.css";
import { ErrorPage } from "~/ui/error-page";
import { SiteShell } from "~/ui/layout";
import { useNonce } from "~/ui/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico" },
];

// Every route has its own; this one serves the error pages and any route without one.
export const meta: MetaFunction = ({ matches }) => siteMeta(matches);

export async function loader(args: LoaderFunctionArgs) {
  const caller = await getCaller(args);
  const { locale } = await requestI18n(args);
  return {
    locale,
    demo: isDemoMode(),
    user: caller
      ? {
          displayName: caller.user.displayName,
          isAdmin: hasStaffRole(caller.principal, "admin"),
          isReviewer: hasStaffRole(caller.principal, "analyst") || hasStaffRole(caller.principal, "admin"),
          hasInsights: insightsScope(caller.principal) !== null,
        }
      : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const i18n = i18nFor(locale);
  const nonce = useNonce();
  // Pages whose routes say `handle = { hydrate: false }` are plain HTML: no loader data or scripts are sent.
  const hydrate = !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang={htmlLang(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <SiteShell user={data?.user ?? null} locale={locale} demo={data?.demo ?? false}>
            {children}
          </SiteShell>
        </I18nextProvider>
        {hydrate ? <ScrollRestoration nonce={nonce} /> : null}
        {hydrate ? <Scripts nonce={nonce} /> : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
