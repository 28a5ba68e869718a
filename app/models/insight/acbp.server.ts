/**
 * A ministry's Annual Capacity Building Plan per financial year: the starting rows drawn from the
 * demand of its latest published version, the choices it saved, and saving, discarding and
 * redrawing a plan (each in one transaction with its audit row). The page, the workbook route and
 * `frac acbp` read plans through loadAcbp.
 */
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Tx } from "@db/client";
import { acbpPlanRows, acbpPlans, users } from "@db/schema";
import { acbpDemand, acbpRowKey, ACBP_LENSES, type AcbpDemandRow, type AcbpLine } from "@schemas/acbp";
import type { AcbpChoice, AcbpProblem } from "@schemas/acbp-form";
import { audit } from "../audit/write.server";
import { getPublishedVersionNumber, getVersion } from "../publication/versions.server";

export type { AcbpLine };

export type AcbpPlan = {
  year: number;
  /** The published version the rows come from: the saved plan's, else the latest; null when nothing is published. */
  source: { number: number; publishedAt: string } | null;
  /** The latest published version, which may be newer than the saved plan's source. */
  latestVersion: number | null;
  saved: { updatedAt: string; updatedBy: string | null } | null;
  lines: AcbpLine[];
};

type StoredRow = typeof acbpPlanRows.$inferSelect;

const choiceOf = (r: StoredRow): Omit<AcbpChoice, "competencyId" | "level"> => ({
  lenses: ACBP_LENSES.filter((l) => (l === "national_priorities" ? r.lensNational : l === "citizen_centricity" ? r.lensCitizen : r.lensTechnology)),
  mode: r.mode,
  officials: r.officials,
  quarter: r.quarter,
});

function findPlan(db: Pick<Tx, "select">, mdoId: string, year: number) {
  return db.select().from(acbpPlans).where(and(eq(acbpPlans.mdoId, mdoId), eq(acbpPlans.year, year))).get() ?? null;
}

function storedRows(db: Pick<Tx, "select">, planId: string): StoredRow[] {
  return db.select().from(acbpPlanRows).where(eq(acbpPlanRows.planId, planId)).orderBy(asc(acbpPlanRows.sortOrder)).all();
}

/** The starting rows of a version's demand, by row key; null when the version does not exist. */
function demandRowsOf(mdoId: string, number: number): AcbpDemandRow[] | null {
  const version = getVersion({ mdoId, number });
  return version ? acbpDemand(version.document) : null;
}

/** The ministry's plan for a financial year: the saved one, or the starting plan from the latest version's demand. */
export function loadAcbp({ mdoId, year }: { mdoId: string; year: number }): AcbpPlan {
  const db = getDb();
  const plan = findPlan(db, mdoId, year);
  const latestVersion = getPublishedVersionNumber({ mdoId });
  const sourceNumber = plan?.sourceVersion ?? latestVersion;
  const version = sourceNumber === null ? null : getVersion({ mdoId, number: sourceNumber });
  const saved = plan ? new Map(storedRows(db, plan.id).map((r) => [acbpRowKey(r.competencyId, r.level), r])) : new Map<string, StoredRow>();
  const lines = (version ? acbpDemand(version.document) : []).map((row): AcbpLine => {
    const stored = saved.get(acbpRowKey(row.competency.id, row.level));
    const choice = stored ? choiceOf(stored) : { lenses: [], mode: null, officials: null, quarter: null };
    return { ...row, ...choice, officials: choice.officials ?? row.posts, planned: Boolean(stored) };
  });
  const updatedBy = plan?.updatedBy ? (db.select({ name: users.name }).from(users).where(eq(users.id, plan.updatedBy)).get()?.name ?? null) : null;
  return {
    year,
    source: version ? { number: version.number, publishedAt: version.publishedAt } : null,
    latestVersion,
    saved: plan ? { updatedAt: plan.updatedAt, updatedBy } : null,
    lines,
  };
}

/** The financial years the ministry has saved a plan for, newest first. */
export function listAcbpYears({ mdoId }: { mdoId: string }): number[] {
  return getDb()
    .select({ year: acbpPlans.year })
    .from(acbpPlans)
    .where(eq(acbpPlans.mdoId, mdoId))
    .all()
    .map((r) => r.year)
    .sort((a, b) => b - a);
}

export type AcbpWrite = { ok: true } | { ok: false; status: 400 | 409; problems: AcbpProblem[] };

/** A choice that says nothing beyond the defaults is not stored: the row stays "not planned". */
const isDefault = (c: AcbpChoice, posts: number) => c.lenses.length === 0 && !c.mode && c.quarter === null && (c.officials === null || c.officials === posts);

const snapshotOf = (plan: { year: number; sourceVersion: number } | null, rows: StoredRow[]) =>
  plan && { year: plan.year, sourceVersion: plan.sourceVersion, rows: rows.map((r) => ({ competencyId: r.competencyId, level: r.level, ...choiceOf(r) })) };

/**
 * Saves the year's plan: `rows` replace the rows saved before, all or nothing. Every row must be a
 * competency and level of the demand of `source`, which must be the version the plan is drawn from
 * (the saved plan's, else the latest published one).
 */
export function saveAcbp({ mdoId, userId, year, source, rows }: { mdoId: string; userId: string; year: number; source: number; rows: AcbpChoice[] }): AcbpWrite {
  return getDb().transaction((tx) => {
    const plan = findPlan(tx, mdoId, year);
    const base = plan?.sourceVersion ?? getPublishedVersionNumber({ mdoId });
    const demand = base === null ? null : demandRowsOf(mdoId, base);
    if (base === null || base !== source || !demand) {
      return { ok: false as const, status: 409 as const, problems: [{ field: "source", code: "source_changed" as const, params: { version: base ?? 0 } }] };
    }
    const posts = new Map(demand.map((r) => [acbpRowKey(r.competency.id, r.level), r.posts]));
    const problems: AcbpProblem[] = rows.flatMap((r, i) =>
      posts.has(acbpRowKey(r.competencyId, r.level)) ? [] : [{ field: `row-${i}-competency`, code: "row_unknown" as const, params: { version: base, level: r.level } }],
    );
    if (problems.length) return { ok: false as const, status: 400 as const, problems };

    const before = plan ? snapshotOf(plan, storedRows(tx, plan.id)) : null;
    const now = new Date().toISOString();
    const id = plan?.id ?? crypto.randomUUID();
    if (plan) {
      tx.update(acbpPlans).set({ updatedAt: now, updatedBy: userId }).where(eq(acbpPlans.id, id)).run();
      tx.delete(acbpPlanRows).where(eq(acbpPlanRows.planId, id)).run();
    } else {
      tx.insert(acbpPlans).values({ id, mdoId, year, sourceVersion: base, createdAt: now, updatedAt: now, updatedBy: userId }).run();
    }
    const kept = rows.filter((r) => !isDefault(r, posts.get(acbpRowKey(r.competencyId, r.level)) ?? 0));
    if (kept.length) {
      tx.insert(acbpPlanRows)
        .values(
          kept.map((r, sortOrder) => ({
            planId: id,
            competencyId: r.competencyId,
            level: r.level,
            lensNational: r.lenses.includes("national_priorities"),
            lensCitizen: r.lenses.includes("citizen_centricity"),
            lensTechnology: r.lenses.includes("emerging_technology"),
            mode: r.mode,
            officials: r.officials,
            quarter: r.quarter,
            sortOrder,
          })),
        )
        .run();
    }
    const after = snapshotOf({ year, sourceVersion: base }, storedRows(tx, id));
    audit(tx, { userId, mdoId, entity: "acbp_plan", entityId: id, action: plan ? "update" : "create", before, after });
    return { ok: true as const };
  });
}

/** Deletes the year's saved plan (the page then shows the starting rows again); false when none was saved. */
export function discardAcbp({ mdoId, userId, year }: { mdoId: string; userId: string; year: number }): boolean {
  return getDb().transaction((tx) => {
    const plan = findPlan(tx, mdoId, year);
    if (!plan) return false;
    const before = snapshotOf(plan, storedRows(tx, plan.id));
    tx.delete(acbpPlans).where(eq(acbpPlans.id, plan.id)).run();
    audit(tx, { userId, mdoId, entity: "acbp_plan", entityId: plan.id, action: "delete", before });
    return true;
  });
}

/**
 * Moves the year's saved plan to the latest published version: rows whose competency and level are
 * still in its demand keep their choices, the others are dropped. False when there is nothing to move.
 */
export function redrawAcbp({ mdoId, userId, year }: { mdoId: string; userId: string; year: number }): boolean {
  return getDb().transaction((tx) => {
    const plan = findPlan(tx, mdoId, year);
    const latest = getPublishedVersionNumber({ mdoId });
    if (!plan || latest === null || latest === plan.sourceVersion) return false;
    const demand = new Set((demandRowsOf(mdoId, latest) ?? []).map((r) => acbpRowKey(r.competency.id, r.level)));
    const rows = storedRows(tx, plan.id);
    const before = snapshotOf(plan, rows);
    for (const r of rows) {
      if (!demand.has(acbpRowKey(r.competencyId, r.level))) {
        tx.delete(acbpPlanRows).where(and(eq(acbpPlanRows.planId, plan.id), eq(acbpPlanRows.competencyId, r.competencyId), eq(acbpPlanRows.level, r.level))).run();
      }
    }
    tx.update(acbpPlans).set({ sourceVersion: latest, updatedAt: new Date().toISOString(), updatedBy: userId }).where(eq(acbpPlans.id, plan.id)).run();
    const after = snapshotOf({ year, sourceVersion: latest }, storedRows(tx, plan.id));
    audit(tx, { userId, mdoId, entity: "acbp_plan", entityId: plan.id, action: "update", field: "sourceVersion", before, after });
    return true;
  });
}
