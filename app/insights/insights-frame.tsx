// The frame of an insights page: title and lead, the section links, the viewer's scope, the release the
// numbers come from, and the print and share actions. Plain HTML: the pages work without JavaScript.
import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { InsightsScope } from "~/insights/scope";
import { PreviewBanner } from "~/statistics/publish/preview-banner";
import { PrintButton } from "~/ui/print-button";

export interface FrameData {
  scope: InsightsScope;
  scopeNames: string[];
  release: { number: number; label: string; preview: boolean; containsSynthetic: boolean } | null;
}

export function InsightsFrame({
  title,
  lead,
  frame,
  share,
  children,
}: {
  title: string;
  lead: string;
  frame: FrameData;
  /** The page's own URL (path and query) when it shows a result worth sharing. */
  share?: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("insights.sections")} className="subnav no-print">
        <ul className="nav-list">
          <li>
            <NavLink to="/insights" end>
              {t("insights.nav.home")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/insights/compare">{t("insights.nav.compare")}</NavLink>
          </li>
          <li>
            <NavLink to="/insights/adoption">{t("insights.nav.adoption")}</NavLink>
          </li>
        </ul>
      </nav>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      <p className="muted" data-testid="insights-scope">
        {frame.scope.kind === "national"
          ? t("insights.scopeNational")
          : t("insights.scopeProvinces", { regions: frame.scopeNames.join("、") })}
      </p>
      {frame.release ? (
        <>
          {frame.release.preview ? <PreviewBanner number={frame.release.number} label={frame.release.label} /> : null}
          <p className="muted">{t("insights.release", { number: frame.release.number, label: frame.release.label })}</p>
          {frame.release.containsSynthetic ? <p className="notice">{t("statistics.synthetic")}</p> : null}
        </>
      ) : (
        <p className="notice">{t("insights.none")}</p>
      )}
      {children}
      {share ? (
        <div className="actions no-print">
          <a href={share}>{t("insights.share")}</a>
          <PrintButton label={t("insights.print")} />
        </div>
      ) : null}
    </>
  );
}
