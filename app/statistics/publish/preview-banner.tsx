// The banner over every page that shows a built release before it is published (a staff preview). It
// prints too: a printed preview must not pass for published figures.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export function PreviewBanner({ number, label }: { number: number; label: string }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice--warning" role="note" data-testid="preview-banner">
      <strong>{t("statistics.previewBanner", { number, label })}</strong>{" "}
      <Link to="/admin/releases" className="no-print">
        {t("statistics.previewManage")}
      </Link>
    </p>
  );
}
