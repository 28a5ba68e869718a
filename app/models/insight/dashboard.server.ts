/**
 * The CBC's dashboard: every active ministry with the state of its framework, its latest
 * publication, how long it has been in its current state, completeness, the validator's findings
 * on the draft and the review turnaround; filtered and sorted as the URL asks; and the figures
 * behind the charts. A few queries for all ministries together, never one per ministry (but the
 * findings of a draft revision not seen before).
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { frameworks, mdos, versions } from "@db/schema";
import { DASHBOARD_STATUSES, TURNAROUND_BANDS, type DashboardQuery, type DashboardSort, type DashboardStatus } from "@schemas/dashboard-query";
import { draftFacts } from "./draft-facts.server";
import { reviewStepsByFramework, reviewTimesOf, wholeDaysBetween } from "./review-times.server";

export type DashboardRow = {
  mdoId: string;
  code: string;
  name: string;
  status: DashboardStatus;
  latestVersion: number | null;
  publishedAt: string | null;
  /** When the working copy entered its current state: its last review step, else its creation. */
  stateSince: string | null;
  daysInState: number | null;
  /** The draft's completeness, 0 to 100 (schemas/completeness.ts); null without a framework. */
  completeness: number | null;
  errors: number | null;
  warnings: number | null;
  /** Days from submission to publication of the latest version; null when none went through review. */
  turnaroundDays: number | null;
};

/** Every active ministry's row, by name; `now` is injectable so tests can compute days by hand. */
export function listDashboardRows({ now = new Date() }: { now?: Date } = {}): DashboardRow[] {
  const db = getDb();
  const ministries = db
    .select({
      mdoId: mdos.id,
      code: mdos.code,
      name: mdos.name,
      frameworkId: frameworks.id,
      status: frameworks.status,
      revision: frameworks.revision,
      createdAt: frameworks.createdAt,
    })
    .from(mdos)
    .leftJoin(frameworks, eq(frameworks.mdoId, mdos.id))
    .where(and(eq(mdos.active, true), isNotNull(mdos.code)))
    .orderBy(mdos.name)
    .all();
  const latest = new Map(
    db
      .select({ mdoId: versions.mdoId, number: versions.number, publishedAt: versions.publishedAt })
      .from(versions)
      .where(eq(versions.number, sql`(select max(v2.number) from versions v2 where v2.mdo_id = ${versions.mdoId})`))
      .all()
      .map((v) => [v.mdoId, v]),
  );
  const steps = reviewStepsByFramework();

  return ministries.map((m): DashboardRow => {
    const version = latest.get(m.mdoId) ?? null;
    const base = { mdoId: m.mdoId, code: m.code!, name: m.name, latestVersion: version?.number ?? null, publishedAt: version?.publishedAt ?? null };
    if (!m.frameworkId || !m.status) {
      return { ...base, status: "NONE", stateSince: null, daysInState: null, completeness: null, errors: null, warnings: null, turnaroundDays: null };
    }
    const times = reviewTimesOf(steps.get(m.frameworkId) ?? []);
    const stateSince = times.lastStepAt ?? m.createdAt!;
    const facts = draftFacts({ mdoId: m.mdoId, frameworkId: m.frameworkId, revision: m.revision! });
    const lastTurnaround = times.turnarounds.at(-1);
    return {
      ...base,
      status: m.status,
      stateSince,
      daysInState: wholeDaysBetween(stateSince, now),
      completeness: facts?.completeness ?? null,
      errors: facts?.errors ?? null,
      warnings: facts?.warnings ?? null,
      turnaroundDays: lastTurnaround ? lastTurnaround.days : null,
    };
  });
}

const STATUS_ORDER = new Map<DashboardStatus, number>(DASHBOARD_STATUSES.map((s, i) => [s, i]));

// Each sort key reads one value; nulls always go last, whichever the direction.
const SORT_VALUE: Record<DashboardSort, (r: DashboardRow) => string | number | null> = {
  name: (r) => r.name.toLocaleLowerCase("en"),
  status: (r) => STATUS_ORDER.get(r.status)!,
  version: (r) => r.latestVersion,
  published: (r) => r.publishedAt,
  days: (r) => r.daysInState,
  completeness: (r) => r.completeness,
  findings: (r) => (r.errors === null ? null : r.errors * 100_000 + (r.warnings ?? 0)),
  turnaround: (r) => r.turnaroundDays,
};

/** The rows the query asks for: filtered by status and by a search in name or code, then sorted (ties by name). */
export function queryDashboard(rows: readonly DashboardRow[], query: DashboardQuery): DashboardRow[] {
  const needle = query.q.toLocaleLowerCase("en");
  const value = SORT_VALUE[query.sort];
  const sign = query.dir === "asc" ? 1 : -1;
  return rows
    .filter((r) => (!query.status || r.status === query.status) && (!needle || r.name.toLocaleLowerCase("en").includes(needle) || r.code.toLocaleLowerCase("en").includes(needle)))
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va !== vb) {
        if (va === null) return 1;
        if (vb === null) return -1;
        return (va < vb ? -1 : 1) * sign;
      }
      return a.name.localeCompare(b.name, "en") || a.code.localeCompare(b.code, "en");
    });
}

/** How many ministries are in each state (every state listed, zeros too). */
export function countByStatus(rows: readonly DashboardRow[]): { status: DashboardStatus; count: number }[] {
  return DASHBOARD_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length }));
}

/** How many ministries' latest publications took how long, by band; ministries with none are left out. */
export function countByTurnaround(rows: readonly DashboardRow[]): { band: number; upTo: number | null; count: number }[] {
  const counts: number[] = new Array(TURNAROUND_BANDS.length + 1).fill(0);
  for (const r of rows) {
    if (r.turnaroundDays === null) continue;
    const i = TURNAROUND_BANDS.findIndex((upTo) => r.turnaroundDays! <= upTo);
    counts[i === -1 ? TURNAROUND_BANDS.length : i]++;
  }
  return counts.map((count, band) => ({ band, upTo: TURNAROUND_BANDS[band] ?? null, count }));
}
