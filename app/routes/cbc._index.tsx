import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DASHBOARD_STATUSES, DASHBOARD_SEARCH_MAX, TURNAROUND_BANDS, dashboardSearch, readDashboardQuery } from "@schemas/dashboard-query";
import { DashboardCharts } from "~/components/cbc/dashboard-charts";
import { DashboardTable } from "~/components/cbc/dashboard-table";
import { DemandTop } from "~/components/cbc/demand-top";
import { requireCbcOrNotFound } from "~/http/cbc-access.server";
import { badRequest } from "~/http/errors.server";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { countByStatus, countByTurnaround, listDashboardRows, queryDashboard } from "~/models/insight/dashboard.server";
import { topDemand } from "~/models/insight/demand-all.server";
import cbcStyles from "~/styles/cbc.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cbcStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cbc:dashboard.title", "All ministries");

const TOP_DEMAND = 10;

/** Every active ministry for the CBC (reviewer, board, curator, admin; 404 to everyone else), filtered and sorted by the URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCbcOrNotFound(request);
  const read = readDashboardQuery(new URL(request.url).searchParams);
  if (!read.ok) throw badRequest(`This dashboard address has a problem: ${read.problems.join("; ")}.`);
  const all = listDashboardRows();
  const rows = queryDashboard(all, read.query).map(({ mdoId: _mdoId, stateSince: _since, ...view }) => view);
  return json({
    query: read.query,
    rows,
    total: all.length,
    published: all.filter((r) => r.latestVersion !== null).length,
    byStatus: countByStatus(all),
    byTurnaround: countByTurnaround(all),
    demand: topDemand(TOP_DEMAND),
  });
}

export default function CbcDashboard() {
  const { query, rows, total, published, byStatus, byTurnaround, demand } = useLoaderData<typeof loader>();
  const { t } = useTranslation("cbc");
  const f = useFormat();
  const search = dashboardSearch(query);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{t("dashboard.title")}</h1>
          <p className="muted">{t("dashboard.intro")}</p>
          <p>{t("dashboard.summary", { total: f.number(total), published: f.number(published) })}</p>
        </div>
        <div className="header-actions">
          <Link to="/compare" className="button">
            {t("dashboard.compareLink")}
          </Link>
          <a href={`/cbc.csv${search}`} className="button" download aria-label={t("dashboard.csvLabel")}>
            {t("dashboard.csv")}
          </a>
        </div>
      </header>
      <DashboardCharts byStatus={byStatus} byTurnaround={byTurnaround} lastBound={TURNAROUND_BANDS[TURNAROUND_BANDS.length - 1]!} />
      <Form method="get" className="inline-form panel cbc-filters" aria-label={t("filters.legend")}>
        <div className="field">
          <label htmlFor="cbc-status">{t("filters.status")}</label>
          <select id="cbc-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("filters.anyStatus")}</option>
            {DASHBOARD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cbc-q">{t("filters.search")}</label>
          <input id="cbc-q" name="q" type="search" defaultValue={query.q} maxLength={DASHBOARD_SEARCH_MAX} />
        </div>
        {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="field">
          <button type="submit" className="button primary">
            {t("filters.apply")}
          </button>
        </div>
        {query.status || query.q ? (
          <div className="field">
            <Link to={dashboardSearch({ ...query, status: undefined, q: "" }) || "?"}>{t("filters.clear")}</Link>
          </div>
        ) : null}
      </Form>
      <DashboardTable rows={rows} total={total} query={query} />
      <DemandTop rows={demand} />
    </>
  );
}
