// What every statistics page shares: the section's navigation, the synthetic-data banner and a notice
// when an older release is shown.
import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { PreviewBanner } from "~/statistics/publish/preview-banner";

export interface FrameRelease {
  number: number;
  label: string;
  latest: boolean;
  /** A built release shown to staff before it is published. */
  preview: boolean;
  containsSynthetic: boolean;
}

const SECTIONS = [
  ["", "overview"],
  ["/industry", "industry"],
  ["/region", "region"],
  ["/size", "size"],
  ["/trends", "trends"],
  ["/methodology", "methodology"],
  ["/releases", "releases"],
] as const;

export function StatisticsFrame({
  release,
  query,
  children,
}: {
  release: FrameRelease | null;
  /** What the section links keep of the URL (`?release=&period=`), or "". */
  query: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("statistics.sections")} className="statistics-nav">
        <ul className="nav-list">
          {SECTIONS.map(([path, key]) => (
            <li key={key}>
              <NavLink to={`/statistics${path}${path === "/releases" ? "" : query}`} end>
                {t(`statistics.nav.${key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {release?.containsSynthetic ? (
        <p className="notice notice--warning" role="note">
          <strong>{t("statistics.synthetic")}</strong>
        </p>
      ) : null}
      {release?.preview ? <PreviewBanner number={release.number} label={release.label} /> : null}
      {release && !release.latest && !release.preview ? (
        <p className="notice" role="note">
          {t("statistics.olderRelease", { number: release.number, label: release.label })}{" "}
          <Link to="/statistics">{t("statistics.latestLink")}</Link>
        </p>
      ) : null}
      {children}
    </>
  );
}
