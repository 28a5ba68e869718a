/**
 * Where a competency is used: each ministry's latest published framework that requires it, the
 * positions that require it (through a role or an activity) and at which level.
 */
import { getClient } from "@db/client";
import type { FracDocument } from "@schemas/frac-document";

export type CompetencyUse = {
  mdoCode: string;
  mdoName: string;
  version: number;
  /** Each position that requires the competency, at the highest level any of its paths asks. */
  positions: { id: string; name: string; level: number }[];
  /** How many positions require it at each level, "1".."5". */
  levels: Record<string, number>;
};

function usesIn(doc: FracDocument, competencyIds: ReadonlySet<string>) {
  const parents = new Map<string, string[]>();
  for (const l of doc.links) {
    if (l.kind === "position_role" || l.kind === "role_activity") parents.set(l.to, [...(parents.get(l.to) ?? []), l.from]);
  }
  const names = new Map(doc.nodes.map((n) => [n.id, n] as const));
  const byPosition = new Map<string, number>();
  const climb = (id: string, level: number, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (names.get(id)?.kind === "position") byPosition.set(id, Math.max(byPosition.get(id) ?? 0, level));
    for (const p of parents.get(id) ?? []) climb(p, level, seen);
  };
  for (const l of doc.links) {
    if ((l.kind === "activity_competency" || l.kind === "role_competency") && competencyIds.has(l.to) && l.level) climb(l.from, l.level, new Set());
  }
  const positions = [...byPosition].map(([id, level]) => ({ id, name: names.get(id)?.name ?? id, level })).sort((a, b) => b.level - a.level || a.name.localeCompare(b.name));
  const levels: Record<string, number> = {};
  for (const p of positions) levels[String(p.level)] = (levels[String(p.level)] ?? 0) + 1;
  return { positions, levels };
}

/** The published frameworks that require this competency (or an entry merged into it), by ministry name. */
export function competencyUsage({ competencyId }: { competencyId: string }): CompetencyUse[] {
  const { sqlite } = getClient();
  const ids = new Set([competencyId, ...(sqlite.prepare("select id from competencies where merged_into_id = ?").pluck().all(competencyId) as string[])]);
  // why instr first: only documents that mention the id are parsed.
  const rows = sqlite
    .prepare(
      `select m.code, m.name, v.number, v.document from versions v join mdos m on m.id = v.mdo_id
       where v.number = (select max(v2.number) from versions v2 where v2.mdo_id = v.mdo_id)
         and (${[...ids].map(() => "instr(v.document, ?) > 0").join(" or ")})
       order by m.name`,
    )
    .all(...ids) as { code: string; name: string; number: number; document: string }[];
  return rows
    // why a cast: these are our own published snapshots, parsed and checked when they were written.
    .map((r) => ({ mdoCode: r.code, mdoName: r.name, version: r.number, ...usesIn(JSON.parse(r.document) as FracDocument, ids) }))
    .filter((u) => u.positions.length > 0);
}
