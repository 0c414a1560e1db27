import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/guard.server";
import { useTranslation } from "~/i18n/use-translation";
import { listOutbox } from "~/platform/outbox.server";
import { DataTable } from "~/ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  await requireStaff(args, "admin");
  const messages = await listOutbox();
  return {
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      body: m.body,
      sent: m.sentAt !== null,
      at: m.createdAt.toISOString(),
    })),
  };
}

export default function AdminOutbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.outbox")}</h1>
      <DataTable caption={t("admin.outbox")} captionClassName="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t("admin.auditAt")}</th>
            <th scope="col">{t("admin.outboxTo")}</th>
            <th scope="col">{t("admin.outboxSubject")}</th>
            <th scope="col">{t("admin.outboxStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id}>
              <td>{m.at.replace("T", " ").slice(0, 19)}</td>
              <td>{m.to}</td>
              <td>
                <details>
                  <summary>{m.subject}</summary>
                  <pre className="copy-link">{m.body}</pre>
                </details>
              </td>
              <td>{m.sent ? t("admin.outboxSent") : t("admin.outboxPending")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
