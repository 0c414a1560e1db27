import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { useTranslation } from "~/i18n/use-translation";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "admin");
  return null;
}

export default function AdminHome() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <ul>
        <li>
          <Link to="/admin/users">{t("admin.users")}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t("admin.audit")}</Link>
        </li>
        <li>
          <Link to="/admin/outbox">{t("admin.outbox")}</Link>
        </li>
        <li>
          <Link to="/admin/releases">{t("admin.releases")}</Link>
        </li>
        <li>
          <Link to="/admin/questionnaires">{t("editions.title")}</Link>
        </li>
      </ul>
    </>
  );
}
