import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Locale } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";

export interface ShellUser {
  displayName: string;
  isAdmin: boolean;
  isReviewer: boolean;
  /** Analysts, government viewers and admins: the compare and track workspace. */
  hasInsights: boolean;
}

export function SiteShell({
  user,
  locale,
  demo,
  children,
}: {
  user: ShellUser | null;
  locale: Locale;
  demo: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      {demo ? <p className="demo-banner">{t("demo.banner")}</p> : null}
      <header className="site-header">
        <div className="container header-row">
          <Link to="/" className="site-name">
            {t("app.name")}
          </Link>
          <LanguageSwitch locale={locale} />
        </div>
        <nav aria-label={t("nav.main")} className="container">
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/guide">{t("nav.guide")}</NavLink>
            </li>
            <li>
              <NavLink to="/scenes">{t("nav.scenes")}</NavLink>
            </li>
            <li>
              <NavLink to="/cases">{t("nav.cases")}</NavLink>
            </li>
            <li>
              <NavLink to="/statistics">{t("statistics.navLink")}</NavLink>
            </li>
            <li>
              <NavLink to="/scoring">{t("nav.scoring")}</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/account">{t("nav.account")}</NavLink>
                </li>
                {user.hasInsights ? (
                  <li>
                    <NavLink to="/insights">{t("insights.navLink")}</NavLink>
                  </li>
                ) : null}
                {user.isReviewer ? (
                  <li>
                    <NavLink to="/review/cases">{t("nav.review")}</NavLink>
                  </li>
                ) : null}
                {user.isReviewer ? (
                  <li>
                    <NavLink to="/admin/releases">{t("admin.releases")}</NavLink>
                  </li>
                ) : null}
                {user.isAdmin ? (
                  <li>
                    <NavLink to="/admin">{t("nav.admin")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/logout" className="inline-form">
                    <button type="submit" className="link-button">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">{t("nav.signIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t("nav.signUp")}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer.about")}</p>
          <p>{t("footer.privacy")}</p>
        </div>
      </footer>
    </>
  );
}

function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other: Locale = locale === "zh" ? "en" : "zh";
  return (
    <Form method="post" action="/locale" className="language-switch" reloadDocument>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" lang={other === "zh" ? "zh-CN" : "en"} aria-label={t("nav.switchToLabel")}>
        {t("nav.switchTo")}
      </button>
    </Form>
  );
}
