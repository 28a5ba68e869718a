import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dashboardSearch, type DashboardQuery, type DashboardSort, type DashboardStatus } from "@schemas/dashboard-query";
import { useFormat } from "~/i18n/format";

export type DashboardRowView = {
  code: string;
  name: string;
  status: DashboardStatus;
  latestVersion: number | null;
  publishedAt: string | null;
  daysInState: number | null;
  completeness: number | null;
  errors: number | null;
  warnings: number | null;
  turnaroundDays: number | null;
};

const COLUMNS: { sort: DashboardSort; numeric: boolean }[] = [
  { sort: "name", numeric: false },
  { sort: "status", numeric: false },
  { sort: "version", numeric: true },
  { sort: "published", numeric: false },
  { sort: "days", numeric: true },
  { sort: "completeness", numeric: true },
  { sort: "findings", numeric: true },
  { sort: "turnaround", numeric: true },
];

/** The ministries as a table whose column headings sort it (plain links: it works without JavaScript). */
export function DashboardTable({ rows, total, query }: { rows: DashboardRowView[]; total: number; query: DashboardQuery }) {
  const { t } = useTranslation("cbc");
  const f = useFormat();
  const direction = (dir: "asc" | "desc") => t(dir === "asc" ? "table.ascending" : "table.descending");
  const none = <span className="muted">{t("common:none")}</span>;
  return (
    <div className="cbc-table-box" role="region" aria-labelledby="cbc-table-caption" tabIndex={0}>
      <table className="data-table cbc-table">
        <caption id="cbc-table-caption">
          {t("table.caption", { shown: f.number(rows.length), total: f.number(total), column: t(`table.columns.${query.sort}`), direction: direction(query.dir) })}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(({ sort, numeric }) => {
              const active = query.sort === sort;
              const next = active && query.dir === "asc" ? "desc" : "asc";
              return (
                <th key={sort} scope="col" className={numeric ? "num" : undefined} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                  <Link to={dashboardSearch({ ...query, sort, dir: next }) || "?"} className="sort-link" aria-label={t("table.sortBy", { column: t(`table.columns.${sort}`), direction: direction(next) })}>
                    {t(`table.columns.${sort}`)}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (query.dir === "asc" ? " ▲" : " ▼") : " ↕"}
                    </span>
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                {r.status === "NONE" ? r.name : <Link to={`/frameworks/${r.code}`}>{r.name}</Link>} <code className="small">{r.code}</code>
              </th>
              <td>
                <span className={`badge badge-${r.status === "NONE" ? "none" : r.status.toLowerCase()}`}>{t(`states.${r.status}`)}</span>
              </td>
              <td className="num">{r.latestVersion === null ? none : <Link to={`/frameworks/${r.code}/versions/${r.latestVersion}`}>{t("table.version", { number: r.latestVersion })}</Link>}</td>
              <td>{r.publishedAt ? <time dateTime={r.publishedAt}>{f.date(r.publishedAt)}</time> : none}</td>
              <td className="num">{r.daysInState === null ? none : t("table.days", { count: r.daysInState })}</td>
              <td className="num">{r.completeness === null ? (r.status === "NONE" ? none : <span className="muted">{t("table.notMeasured")}</span>) : t("table.percent", { value: f.number(r.completeness) })}</td>
              <td className="num findings-cell">
                {r.errors === null ? (
                  none
                ) : (
                  <>
                    <span className={r.errors ? "count count-error" : "count"}>{t("table.errors", { count: r.errors })}</span>{" "}
                    <span className={r.warnings ? "count count-warning" : "count"}>{t("table.warnings", { count: r.warnings ?? 0 })}</span>
                  </>
                )}
              </td>
              <td className="num">{r.turnaroundDays === null ? none : t("table.days", { count: r.turnaroundDays })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">{t("table.empty")}</p> : null}
    </div>
  );
}
