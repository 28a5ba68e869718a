/**
 * The CBC dashboard's URL parameters (`/cbc` and `/cbc.csv`): a filter by status, a search by
 * name or code, and one sort column with its direction. The page's links and form, the loader and
 * the CSV download all read and write them through this one schema.
 */
import { z } from "zod";

/** The state a ministry's framework is in on the dashboard: its working copy's status, or NONE when it has no framework. */
export const DASHBOARD_STATUSES = ["NONE", "DRAFT", "UNVERIFIED", "VERIFIED", "REJECTED"] as const;
export type DashboardStatus = (typeof DASHBOARD_STATUSES)[number];

/** The columns the dashboard sorts by. */
export const DASHBOARD_SORTS = ["name", "status", "version", "published", "days", "completeness", "findings", "turnaround"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export const DASHBOARD_SEARCH_MAX = 100;

/** The review turnaround bands the dashboard charts, in days (upper bound inclusive; a last, open band follows). */
export const TURNAROUND_BANDS = [7, 14, 30, 60] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const dashboardQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(DASHBOARD_STATUSES, { error: `status must be one of ${DASHBOARD_STATUSES.join(", ")}` }).optional()),
  q: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().max(DASHBOARD_SEARCH_MAX, { error: `the search may be at most ${DASHBOARD_SEARCH_MAX} characters` }).default(""),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(DASHBOARD_SORTS, { error: `sort must be one of ${DASHBOARD_SORTS.join(", ")}` }).default("name")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("asc")),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Reads the parameters; `ok: false` carries one sentence per bad parameter. */
export function readDashboardQuery(params: URLSearchParams): { ok: true; query: DashboardQuery } | { ok: false; problems: string[] } {
  const raw = Object.fromEntries(["status", "q", "sort", "dir"].flatMap((k) => (params.has(k) ? [[k, params.get(k)]] : [])));
  const parsed = dashboardQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
}

/** The URL search string of a query, leaving out what is the default (so links stay short). */
export function dashboardSearch(query: DashboardQuery): string {
  const out = new URLSearchParams();
  if (query.status) out.set("status", query.status);
  if (query.q) out.set("q", query.q);
  if (query.sort !== "name") out.set("sort", query.sort);
  if (query.dir !== "asc") out.set("dir", query.dir);
  const s = out.toString();
  return s ? `?${s}` : "";
}
