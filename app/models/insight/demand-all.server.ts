/**
 * The competencies most in demand across every ministry's latest published version (what
 * `frac demand --all` prints), for the CBC dashboard. A published version never changes, so its
 * demand is computed once and kept by the version's sha256 (version-insight.server.ts); a visit only sums.
 */
import type { DemandRow } from "@schemas/demand";
import { demandOfAll } from "./demand.server";

export type CompetencyDemand = { competency: DemandRow["competency"]; positions: number; posts: number; levels: { level: number; positions: number }[] };

/**
 * The `limit` competencies needed by the most positions across all published frameworks (a
 * position counted once per competency, at its highest level), then by sanctioned posts, with how
 * many positions need each level.
 */
export function topDemand(limit: number): CompetencyDemand[] {
  const byCompetency = new Map<string, CompetencyDemand>();
  for (const row of demandOfAll()) {
    let c = byCompetency.get(row.competency.id);
    if (!c) byCompetency.set(row.competency.id, (c = { competency: row.competency, positions: 0, posts: 0, levels: [] }));
    c.positions += row.positions;
    c.posts += row.posts;
    c.levels.push({ level: row.level, positions: row.positions });
  }
  return [...byCompetency.values()]
    .sort((a, b) => b.positions - a.positions || b.posts - a.posts || (a.competency.name < b.competency.name ? -1 : a.competency.name > b.competency.name ? 1 : 0))
    .slice(0, limit);
}
