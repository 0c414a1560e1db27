import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export default function Home() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <div className="actions">
        <Link className="button" to="/account">
          {t("home.startAssessment")}
        </Link>
        <Link className="button button--secondary" to="/guide">
          {t("home.readGuide")}
        </Link>
      </div>
      <ul className="cards">
        <li className="card">
          <h2>{t("home.forFirmsTitle")}</h2>
          <p>{t("home.forFirms")}</p>
        </li>
        <li className="card">
          <h2>{t("home.forAssociationsTitle")}</h2>
          <p>{t("home.forAssociations")}</p>
        </li>
        <li className="card">
          <h2>{t("home.forGovernmentTitle")}</h2>
          <p>{t("home.forGovernment")}</p>
        </li>
      </ul>
      <h2>{t("home.privacyTitle")}</h2>
      <p>{t("home.privacy")}</p>
    </>
  );
}
