import type { LoaderFunctionArgs } from "@remix-run/node";
import { readDashboardQuery } from "@schemas/dashboard-query";
import { tableCsv } from "@export/table-csv";
import { requireCbcOrNotFound } from "~/http/cbc-access.server";
import { badRequest } from "~/http/errors.server";
import { listDashboardRows, queryDashboard } from "~/models/insight/dashboard.server";

const HEADERS = ["Code", "Ministry", "State", "Latest version", "Published at", "In this state since", "Days in this state", "Completeness", "Errors", "Warnings", "Review turnaround (days)"];

/** The dashboard's rows as CSV (Excel-safe: BOM, CRLF, every cell neutralised), with the same filters and sort as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCbcOrNotFound(request);
  const read = readDashboardQuery(new URL(request.url).searchParams);
  if (!read.ok) throw badRequest(`This dashboard address has a problem: ${read.problems.join("; ")}.`);
  const rows = queryDashboard(listDashboardRows(), read.query).map((r) => [
    r.code,
    r.name,
    r.status,
    r.latestVersion,
    r.publishedAt,
    r.stateSince,
    r.daysInState,
    r.completeness,
    r.errors,
    r.warnings,
    r.turnaroundDays,
  ]);
  return new Response(tableCsv(HEADERS, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="cbc-dashboard.csv"', "Cache-Control": "no-store" },
  });
}
