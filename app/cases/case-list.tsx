// A short list of published cases (scene pages, guide articles, reports).
import { Link } from "@remix-run/react";
import { usePublisher } from "~/cases/case-view";
import type { CaseContent } from "~/cases/schema";
import type { CatalogueOptions } from "~/catalogue/catalogue-filters";
import { useTranslation } from "~/i18n/use-translation";

export interface CaseListItem {
  id: string;
  content: CaseContent;
  publisher: string | null;
  isFictional: boolean;
}

export function CaseList({
  cases,
  options,
  empty,
}: {
  cases: CaseListItem[];
  options: CatalogueOptions;
  empty?: string;
}) {
  const { t } = useTranslation();
  const publisher = usePublisher(options);
  if (!cases.length) return empty ? <p>{empty}</p> : null;
  return (
    <ul>
      {cases.map((c) => (
        <li key={c.id}>
          <Link to={`/cases/${c.id}`}>{c.content.title}</Link>{" "}
          <span className="muted">— {publisher(c.content, c.publisher)}</span>
          {c.isFictional ? (
            <>
              {" "}
              <span className="tag">{t("cases.fictional")}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
