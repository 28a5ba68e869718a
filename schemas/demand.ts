import type { CompetencyType } from "./enums";
import type { FracDocument } from "./frac-document";

/**
 * Competency demand: for each competency and level, how many positions need it and how many
 * sanctioned posts those positions hold.
 *
 * The rule, in one sentence: a position needs competency C at level L when a path
 * position → role → C or position → role → activity → C carries level L; where its paths give
 * different levels, the highest counts, so a position is counted once per competency.
 * A position without sanctioned posts counts as a position but adds no posts.
 */

export type DemandCompetency = { id: string; code: string | null; name: string; type: CompetencyType };
export type DemandRow = { competency: DemandCompetency; level: number; positions: number; posts: number };

/** What one position needs: competency id → the highest level its paths carry. */
export type PositionNeeds = Map<string, number>;

/** Each position's needs, by position id (positions that need nothing map to an empty Map). */
export function positionNeeds(doc: FracDocument): Map<string, PositionNeeds> {
  const kindOf = new Map<string, string>();
  for (const node of doc.nodes) if (!kindOf.has(node.id)) kindOf.set(node.id, node.kind);
  const roles = new Map<string, string[]>();
  const activities = new Map<string, string[]>();
  // Requirements per role or activity: competency id → highest level on that one node.
  const required = new Map<string, Map<string, number>>();
  const push = (map: Map<string, string[]>, from: string, to: string) => {
    const list = map.get(from);
    if (list) list.push(to);
    else map.set(from, [to]);
  };
  for (const link of doc.links) {
    // Links whose ends are missing or of the wrong kind are the validator's business; they carry no demand.
    if (link.kind === "position_role" && kindOf.get(link.from) === "position" && kindOf.get(link.to) === "role") push(roles, link.from, link.to);
    else if (link.kind === "role_activity" && kindOf.get(link.from) === "role" && kindOf.get(link.to) === "activity") push(activities, link.from, link.to);
    else if ((link.kind === "role_competency" || link.kind === "activity_competency") && kindOf.get(link.to) === "competency" && link.level !== undefined) {
      let own = required.get(link.from);
      if (!own) required.set(link.from, (own = new Map()));
      own.set(link.to, Math.max(own.get(link.to) ?? 0, link.level));
    }
  }
  const out = new Map<string, PositionNeeds>();
  for (const node of doc.nodes) {
    if (node.kind !== "position" || out.has(node.id)) continue;
    const needs: PositionNeeds = new Map();
    const take = (from: string) => {
      const own = required.get(from);
      if (own) for (const [competency, level] of own) if (level > (needs.get(competency) ?? 0)) needs.set(competency, level);
    };
    const seenRoles = new Set<string>();
    const seenActivities = new Set<string>();
    for (const role of roles.get(node.id) ?? []) {
      if (seenRoles.has(role)) continue;
      seenRoles.add(role);
      take(role);
      for (const activity of activities.get(role) ?? []) {
        if (seenActivities.has(activity)) continue;
        seenActivities.add(activity);
        take(activity);
      }
    }
    out.set(node.id, needs);
  }
  return out;
}

/** The document's demand, one row per competency and level, ordered by competency type, name, then level. */
export function computeDemand(doc: FracDocument): DemandRow[] {
  const competencies = new Map<string, DemandCompetency>();
  const posts = new Map<string, number>();
  for (const node of doc.nodes) {
    if (node.kind === "competency" && !competencies.has(node.id)) {
      competencies.set(node.id, { id: node.id, code: node.code ?? null, name: node.name, type: node.competencyType });
    } else if (node.kind === "position" && !posts.has(node.id)) posts.set(node.id, node.sanctionedPosts ?? 0);
  }
  const rows = new Map<string, DemandRow>();
  for (const [position, needs] of positionNeeds(doc)) {
    for (const [competencyId, level] of needs) {
      const competency = competencies.get(competencyId);
      if (!competency) continue;
      const key = `${competencyId} ${level}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { competency, level, positions: 0, posts: 0 }));
      row.positions += 1;
      row.posts += posts.get(position) ?? 0;
    }
  }
  return sortDemand([...rows.values()]);
}

const TYPE_ORDER: Record<CompetencyType, number> = { Behavioural: 0, Functional: 1, Domain: 2 };

/** Type, then name (plain code-unit order, the same on every machine), then level. */
export function sortDemand(rows: DemandRow[]): DemandRow[] {
  return rows.sort(
    (a, b) =>
      TYPE_ORDER[a.competency.type] - TYPE_ORDER[b.competency.type] ||
      (a.competency.name < b.competency.name ? -1 : a.competency.name > b.competency.name ? 1 : 0) ||
      (a.competency.id < b.competency.id ? -1 : a.competency.id > b.competency.id ? 1 : 0) ||
      a.level - b.level,
  );
}

/** Sums demand across frameworks (e.g. every ministry's latest version): rows of one competency and level add up. */
export function sumDemand(lists: readonly DemandRow[][]): DemandRow[] {
  const rows = new Map<string, DemandRow>();
  for (const list of lists) {
    for (const row of list) {
      const key = `${row.competency.id} ${row.level}`;
      const known = rows.get(key);
      if (known) {
        known.positions += row.positions;
        known.posts += row.posts;
      } else rows.set(key, { ...row, competency: { ...row.competency } });
    }
  }
  return sortDemand([...rows.values()]);
}

/** The CSV columns of a demand table, in order. */
export const DEMAND_HEADERS = ["Competency id", "KCM code", "Competency", "Type", "Level", "Positions", "Sanctioned posts"] as const;

/** One demand row as CSV cells (not yet neutralised), in DEMAND_HEADERS order. */
export function demandCells(row: DemandRow): string[] {
  const c = row.competency;
  return [c.id, c.code ?? "", c.name, c.type, String(row.level), String(row.positions), String(row.posts)];
}
