// A statistics table: the accessible alternative to its chart, with its marks explained and download
// links for exactly this table (CSV, JSON, XLSX).
import { useTranslation } from "~/i18n/use-translation";
import { marksUsed, type StatTable, tableText, thresholdUnits } from "~/statistics/publish/present";
import { DataTable } from "~/ui/data-table";
import { wrapsAsRowHeader } from "~/ui/label-text";

const NUMERIC = new Set(["count", "mean", "quantile", "share"]);

/** `downloads` is the download path without its extension; by default the public statistics table's. */
export function StatTableView({ table, query, downloads }: { table: StatTable; query: string; downloads?: string }) {
  const { t } = useTranslation();
  const text = tableText(table);
  const used = marksUsed(table);
  const captionId = `table-${table.id}-caption`;
  return (
    <div className="stat-table">
      <DataTable id={`table-${table.id}`} captionId={captionId} caption={table.caption}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.id} scope="col" className={NUMERIC.has(c.kind) ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row.key} data-key={row.key} className={row.reason ? "suppressed-row" : undefined}>
              {text[r + 1]!.map((value, i) =>
                i === 0 ? (
                  <th
                    key={i}
                    scope="row"
                    className={
                      [row.level === 1 ? "indent" : "", wrapsAsRowHeader(value) ? "wraps" : ""].join(" ").trim() ||
                      undefined
                    }
                  >
                    {value}
                  </th>
                ) : (
                  <td key={i} className={NUMERIC.has(table.columns[i]!.kind) ? "num" : undefined}>
                    {value}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
      {used.reasons.length || used.withheld ? (
        <ul className="marks" aria-label={t("statistics.marks")}>
          {used.reasons.map((reason) => (
            <li key={reason}>
              <strong>{table.marks[reason]}</strong> {t(`statistics.reasons.${reason}`, { n: thresholdUnits(table) })}
            </li>
          ))}
          {used.withheld ? (
            <li>
              <strong>{table.withheldMark}</strong> {t("statistics.withheld")}
            </li>
          ) : null}
        </ul>
      ) : null}
      <p className="downloads">
        {t("statistics.download")}{" "}
        {(["csv", "json", "xlsx"] as const).map((ext) => (
          <a key={ext} href={`${downloads ?? `/statistics/tables/${table.id}`}.${ext}?${query}`} download>
            {ext.toUpperCase()}
            <span className="visually-hidden">（{table.caption}）</span>
          </a>
        ))}
      </p>
    </div>
  );
}
