/**
 * Ids in a file that belong to someone else. The pure planner only sees this ministry's draft,
 * so an id column copied from another ministry's export (its positions, or its own Domain
 * competencies) looks like a new node to it. Checked here, at preview time, so the preview and
 * the dry run already refuse what applying would refuse, row by row.
 */
import { inArray } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies, nodes } from "@db/schema";
import { sortFindings, type ImportFinding, type ImportPlan } from "@import/index";

const CHUNK = 500;
const ID_COLUMNS = { position: "Position id", role: "Role id", activity: "Activity id", competency: "Competency id" } as const;

/** The plan with an id_taken error for every node or competency it would create under an id that already exists elsewhere. */
export function refuseTakenIds(plan: ImportPlan): ImportPlan {
  const planned = [
    ...plan.nodes.position.create,
    ...plan.nodes.role.create,
    ...plan.nodes.activity.create,
    ...plan.competencies.create.map((c) => ({ ...c, kind: "competency" as const })),
  ];
  if (planned.length === 0) return plan;
  const taken = new Set([...existing(planned.map((n) => n.id), "node"), ...existing(planned.map((n) => n.id), "competency")]);
  if (taken.size === 0) return plan;
  const found: ImportFinding[] = planned
    .filter((n) => taken.has(n.id))
    .map((n) => ({
      row: n.rows[0] ?? 0,
      column: ID_COLUMNS[n.kind],
      value: n.id,
      severity: "error",
      code: "id_taken",
      message: `${ID_COLUMNS[n.kind]} ${n.id} (of "${n.name}"${rowList(n.rows)}) belongs to another ministry's framework or dictionary, not to ${plan.mdoCode}'s. Empty the id cell to create a new ${n.kind}, or import this file into the ministry it came from.`,
    }));
  const findings = sortFindings([...plan.findings, ...found]);
  return { ...plan, ok: false, findings };
}

function existing(ids: string[], table: "node" | "competency"): string[] {
  const db = getDb();
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows =
      table === "node"
        ? db.select({ id: nodes.id }).from(nodes).where(inArray(nodes.id, chunk)).all()
        : db.select({ id: competencies.id }).from(competencies).where(inArray(competencies.id, chunk)).all();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

function rowList(rows: readonly number[]): string {
  const shown = rows.filter((r) => r > 0);
  if (shown.length === 0) return "";
  const list = shown.slice(0, 5).join(", ") + (shown.length > 5 ? ", …" : "");
  return shown.length === 1 ? `, row ${list}` : `, rows ${list}`;
}
