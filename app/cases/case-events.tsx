// A case's history: who moved it from which status to which, when, with any comment.
import type { CaseStatus } from "~/cases/workflow";
import { useTranslation } from "~/i18n/use-translation";

export interface CaseEventView {
  id: number;
  from: CaseStatus | null;
  to: CaseStatus;
  comment: string | null;
  at: string;
  who: string | null;
}

export function CaseEvents({ events }: { events: CaseEventView[] }) {
  const { t } = useTranslation();
  const status = (s: CaseStatus | null) => (s ? t(`cases.statuses.${s}`) : "—");
  return (
    <section aria-labelledby="case-history">
      <h2 id="case-history">{t("caseForm.history")}</h2>
      <ol className="events">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{e.at.slice(0, 16).replace("T", " ")}</time>{" "}
            {e.from === e.to
              ? t("caseForm.eventComment", { who: e.who ?? t("caseForm.noActor") })
              : t("caseForm.event", { who: e.who ?? t("caseForm.noActor"), from: status(e.from), to: status(e.to) })}
            {e.comment ? <blockquote>{e.comment}</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
