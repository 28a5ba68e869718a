/**
 * The Annual Capacity Building Plan (ACBP): the financial year it is for, the choices a ministry
 * makes per competency (lenses, 70-20-10 mode, officials, quarter), and the priority that orders
 * its starting rows. The page, the model, the workbook and the CLI all read these; see
 * docs/decisions/022-acbp-plans.md.
 */
import { computeDemand, positionNeeds as positionNeedsOf, type DemandRow } from "./demand";
import { IMPORTANCE_LEVELS, IMPORTANCE_WEIGHTS, type Importance } from "./enums";
import type { FracDocument } from "./frac-document";

/** The CBC's three lenses, in the order the page and the workbook show them. */
export const ACBP_LENSES = ["national_priorities", "citizen_centricity", "emerging_technology"] as const;
export type AcbpLens = (typeof ACBP_LENSES)[number];

/** How a need is met in the 70-20-10 model: on the job (70), with others (20), a formal course (10). */
export const ACBP_MODES = ["on_the_job", "with_others", "formal_course"] as const;
export type AcbpMode = (typeof ACBP_MODES)[number];

export const ACBP_LENS_LABELS: Record<AcbpLens, string> = {
  national_priorities: "National priorities",
  citizen_centricity: "Citizen centricity",
  emerging_technology: "Emerging technology",
};
export const ACBP_MODE_LABELS: Record<AcbpMode, string> = {
  on_the_job: "On the job (70)",
  with_others: "With others (20)",
  formal_course: "Formal course (10)",
};

/** Quarters of a financial year: 1 = April–June … 4 = January–March. */
export const ACBP_QUARTERS = [1, 2, 3, 4] as const;
/** Officials one row may plan to reach (the same cap as a position's sanctioned posts). */
export const ACBP_OFFICIALS_MAX = 10_000_000;
/** Rows one plan may hold: far above any ministry's competencies × levels, and a full post of them stays under the 1 MB form limit. */
export const ACBP_ROWS_MAX = 2000;
/** Financial years a plan may be for (their first calendar year). */
export const ACBP_YEAR_MIN = 2000;
export const ACBP_YEAR_MAX = 2100;

// why IST: India's financial year turns at midnight in India, not at midnight UTC.
const IST_OFFSET_MS = 330 * 60 * 1000;

/** The financial year (April–March, in India's time) that `now` falls in, named by its first calendar year: 2026-12-06 → 2026 (FY 2026-27). */
export function currentFinancialYear(now: Date = new Date()): number {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  return ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1;
}

/** "2026-27" for 2026. */
export function financialYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

/** Reads "2026" or "2026-27" as the financial year starting in April 2026; null for anything else (or out of range). */
export function parseFinancialYear(text: string): number | null {
  const m = /^([0-9]{4})(?:-([0-9]{2}))?$/u.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < ACBP_YEAR_MIN || year > ACBP_YEAR_MAX) return null;
  if (m[2] !== undefined && m[2] !== financialYearLabel(year).slice(5)) return null;
  return year;
}

/** The months of a quarter of a financial year, e.g. "Apr–Jun". */
export const QUARTER_MONTHS: Record<number, string> = { 1: "Apr–Jun", 2: "Jul–Sep", 3: "Oct–Dec", 4: "Jan–Mar" };

/** A starting row: a demand row with the importance it carries and its priority. */
export type AcbpDemandRow = DemandRow & {
  /** The highest importance any of its positions gives the competency; null when none rated it. */
  importance: Importance | null;
  /** Σ over its positions of importance weight × sanctioned posts. */
  priority: number;
  /** Σ over its positions of importance weight: orders rows whose priority ties (e.g. no posts given). */
  weightedPositions: number;
};

/** A row of the plan as shown and exported: its demand, and the ministry's choices (or the defaults). */
export type AcbpLine = AcbpDemandRow & {
  lenses: AcbpLens[];
  mode: AcbpMode | null;
  /** Officials to reach: what the ministry saved, else the row's sanctioned posts. */
  officials: number;
  quarter: number | null;
  /** True when the ministry saved a choice for this row. */
  planned: boolean;
};

/** The weight of a requirement's importance in a priority; an unrated one weighs as "important" (IMPORTANCE_WEIGHTS). */
export function importanceWeight(importance: Importance | null | undefined): number {
  return importance ? IMPORTANCE_WEIGHTS[importance] : IMPORTANCE_WEIGHTS.important;
}

/**
 * Each position's importance per competency: the highest importance on any requirement its paths
 * reach (position → role → C, position → role → activity → C), the same paths demand walks.
 */
function positionImportance(doc: FracDocument): Map<string, Map<string, Importance>> {
  const rank = (i: Importance) => IMPORTANCE_LEVELS.length - IMPORTANCE_LEVELS.indexOf(i);
  const children = new Map<string, string[]>();
  const rated = new Map<string, Map<string, Importance>>();
  for (const link of doc.links) {
    if (link.kind === "position_role" || link.kind === "role_activity") {
      children.set(link.from, [...(children.get(link.from) ?? []), link.to]);
    } else if ((link.kind === "role_competency" || link.kind === "activity_competency") && link.importance) {
      const own = rated.get(link.from) ?? new Map<string, Importance>();
      const known = own.get(link.to);
      if (!known || rank(link.importance) > rank(known)) own.set(link.to, link.importance);
      rated.set(link.from, own);
    }
  }
  const out = new Map<string, Map<string, Importance>>();
  for (const node of doc.nodes) {
    if (node.kind !== "position") continue;
    const mine = new Map<string, Importance>();
    const take = (from: string) => {
      for (const [c, i] of rated.get(from) ?? []) {
        const known = mine.get(c);
        if (!known || rank(i) > rank(known)) mine.set(c, i);
      }
    };
    for (const role of children.get(node.id) ?? []) {
      take(role);
      for (const activity of children.get(role) ?? []) take(activity);
    }
    out.set(node.id, mine);
  }
  return out;
}

/**
 * The ACBP's starting rows for a document: its demand, one row per competency and level, each with
 * importance and priority, highest priority first (then weighted positions, then demand's order).
 */
export function acbpDemand(doc: FracDocument): AcbpDemandRow[] {
  const demand = computeDemand(doc);
  const importance = positionImportance(doc);
  const posts = new Map(doc.nodes.filter((n) => n.kind === "position").map((n) => [n.id, n.sanctionedPosts ?? 0]));
  const rows = new Map(demand.map((r, order) => [`${r.competency.id} ${r.level}`, { ...r, importance: null as Importance | null, priority: 0, weightedPositions: 0, order }]));
  // why walk positionNeeds' result again: each position adds its own weight × its own posts to the one row (level) it counts in.
  for (const [positionId, needs] of positionNeedsOf(doc)) {
    for (const [competencyId, level] of needs) {
      const row = rows.get(`${competencyId} ${level}`);
      if (!row) continue;
      const rated = importance.get(positionId)?.get(competencyId) ?? null;
      const weight = importanceWeight(rated);
      row.priority += weight * (posts.get(positionId) ?? 0);
      row.weightedPositions += weight;
      if (rated && (!row.importance || IMPORTANCE_WEIGHTS[rated] > IMPORTANCE_WEIGHTS[row.importance])) row.importance = rated;
    }
  }
  return [...rows.values()]
    .sort((a, b) => b.priority - a.priority || b.weightedPositions - a.weightedPositions || a.order - b.order)
    .map(({ order: _order, ...row }) => row);
}

/** The key of a plan row: its competency and level. */
export const acbpRowKey = (competencyId: string, level: number) => `${competencyId} ${level}`;
