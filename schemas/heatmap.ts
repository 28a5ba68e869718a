/**
 * The heat map of a framework: positions (rows) × competencies (columns), each cell the level the
 * position needs (schemas/demand.ts's rule: the highest level of its paths), 0 where it needs none.
 */
import type { CompetencyType } from "./enums";
import type { FracDocument } from "./frac-document";
import { positionNeeds } from "./demand";

export type HeatMapColumn = { id: string; code: string | null; name: string; nameHi: string | null; type: CompetencyType };
/** `levels` holds one digit per column (0: not needed), compact for a page of a large framework. */
export type HeatMapRow = { id: string; name: string; nameHi: string | null; levels: string };
export type HeatMap = { columns: HeatMapColumn[]; rows: HeatMapRow[] };

const TYPE_ORDER: Record<CompetencyType, number> = { Behavioural: 0, Functional: 1, Domain: 2 };

/** The heat map of a document: every position in document order; the competencies some position needs, by type then name. */
export function heatMapOf(doc: FracDocument): HeatMap {
  const needs = positionNeeds(doc);
  const needed = new Set<string>();
  for (const n of needs.values()) for (const id of n.keys()) needed.add(id);
  const columns: HeatMapColumn[] = doc.nodes
    .flatMap((n) => (n.kind === "competency" && needed.has(n.id) ? [{ id: n.id, code: n.code ?? null, name: n.name, nameHi: n.nameHi ?? null, type: n.competencyType }] : []))
    .sort((x, y) => TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || x.name.localeCompare(y.name, "en") || (x.id < y.id ? -1 : 1));
  const rows: HeatMapRow[] = doc.nodes.flatMap((n) => {
    if (n.kind !== "position") return [];
    const own = needs.get(n.id);
    return [{ id: n.id, name: n.name, nameHi: n.nameHi ?? null, levels: columns.map((c) => String(Math.min(9, own?.get(c.id) ?? 0))).join("") }];
  });
  return { columns, rows };
}
