/**
 * The competencies most in demand across every ministry's latest published version (what
 * `frac demand --all` prints), for the CBC dashboard. A published version never changes, so its
 * demand is computed once per process and kept by the version's sha256; a visit only sums.
 */
import { computeDemand, sumDemand, type DemandRow } from "@schemas/demand";
import { getVersion, listPublishedFrameworks } from "../publication/versions.server";

// One entry per published version that is some ministry's latest; a few hundred in practice.
const CACHE_MAX = 4000;
const perVersion = new Map<string, DemandRow[]>();

/** The demand of every active ministry's latest published version, summed per competency and level. */
export function demandOfAllCached(): DemandRow[] {
  const lists: DemandRow[][] = [];
  for (const framework of listPublishedFrameworks()) {
    let rows = perVersion.get(framework.sha256);
    if (!rows) {
      const version = getVersion({ mdoId: framework.mdoId, number: framework.latestVersion });
      if (!version) continue;
      rows = computeDemand(version.document);
      perVersion.set(framework.sha256, rows);
      if (perVersion.size > CACHE_MAX) perVersion.delete(perVersion.keys().next().value!);
    }
    lists.push(rows);
  }
  return sumDemand(lists);
}

export type CompetencyDemand = { competency: DemandRow["competency"]; positions: number; posts: number; levels: { level: number; positions: number }[] };

/**
 * The `limit` competencies needed by the most positions across all published frameworks (a
 * position counted once per competency, at its highest level), then by sanctioned posts, with how
 * many positions need each level.
 */
export function topDemand(limit: number): CompetencyDemand[] {
  const byCompetency = new Map<string, CompetencyDemand>();
  for (const row of demandOfAllCached()) {
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
