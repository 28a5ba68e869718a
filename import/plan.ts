/**
 * Checked records + a snapshot of the draft + the dictionary → an ImportPlan: what would be
 * created, updated, left unchanged and (in replace mode only) removed, per kind, with every
 * problem as a row-numbered finding. Pure: it reads nothing and writes nothing, so the same
 * function serves the preview, the CLI's --dry-run and the apply step.
 */
import { LINK_RULES, NODE_KIND_PLURALS, type LinkKind } from "@schemas/enums";
import { cleanCell } from "./cells";
import { hasImportErrors, shownValue, sortFindings, type ImportFinding } from "./findings";
import { CompetencyResolver } from "./plan-competencies";
import { NodeResolver } from "./plan-nodes";
import {
  at,
  FRAMEWORK_NODE_KINDS,
  type DictionaryCompetency,
  type ExistingLink,
  type ExistingSnapshot,
  type ImportMode,
  type ImportPlan,
  type PlanCounts,
  type PlannedLink,
  type PlannedLinkUpdate,
  type RemovedLink,
  type Where,
} from "./plan-types";
import type { ChainRecord, ImportRecords } from "./records";

export type PlanImportInput = {
  records: ImportRecords;
  existing: ExistingSnapshot;
  dictionary: readonly DictionaryCompetency[];
  mdoCode: string;
  mode: ImportMode;
  /** Findings of the earlier stages (parsing, records), carried into the plan so that `ok` covers them. */
  findings?: readonly ImportFinding[];
};

// Links a flat file or a document can state; resource links are left alone (see replace mode).
const CHAIN_LINK_KINDS: ReadonlySet<LinkKind> = new Set(["position_role", "role_activity", "activity_competency", "role_competency"]);

const where = (record: { row: number; sheet?: string; path?: string }): Where => ({ row: record.row, sheet: record.sheet, path: record.path });
const linkKey = (kind: LinkKind, from: string, to: string) => `${kind}\u0000${from}\u0000${to}`;

/** Plans an import; `plan.ok` is false when any finding is an error, and then nothing may be applied. */
export function planImport({ records, existing, dictionary, mdoCode, mode, findings: earlier = [] }: PlanImportInput): ImportPlan {
  const findings: ImportFinding[] = [...earlier];
  const nodes = new NodeResolver(existing.nodes, findings);
  const competencies = new CompetencyResolver(dictionary, mdoCode, findings);

  for (const record of records.competencies) competencies.define(record, where(record));
  for (const chain of records.chains) {
    for (const kind of FRAMEWORK_NODE_KINDS) {
      const cell = chain[kind];
      if (cell) nodes.registerIds(kind, cell, where(chain));
    }
  }

  const links = new Map<string, PlannedLink & { levelRow: number }>();
  const competencyNames = new Map<string, string>();
  const addLink = (kind: LinkKind, from: string | null, to: string | null, chain: ChainRecord, level?: number) => {
    if (from === null || to === null) return;
    const key = linkKey(kind, from, to);
    const known = links.get(key);
    if (!known) {
      const toName = competencyNames.get(to) ?? nodes.nameOf(to) ?? to;
      links.set(key, { id: "", kind, from, to, fromName: nodes.nameOf(from) ?? from, toName, level, rows: [chain.row], levelRow: chain.row });
      return;
    }
    if (known.rows[known.rows.length - 1] !== chain.row) known.rows.push(chain.row);
    if (level !== undefined && known.level !== level) {
      findings.push({
        ...at(where(chain)),
        column: "Required level",
        value: String(level),
        severity: "error",
        code: "link_level_conflict",
        message: `${LINK_RULES[kind].label} "${shownValue(known.fromName)}" → "${shownValue(known.toName)}" is required at level ${known.level} on ${rowName(known.levelRow, chain)} and at level ${level} on ${rowName(chain.row, chain)}; give one level.`,
      });
    }
  };

  for (const chain of records.chains) {
    const w = where(chain);
    const position = chain.position ? nodes.resolve("position", chain.position, w) : null;
    const role = chain.role ? nodes.resolve("role", chain.role, w) : null;
    const activity = chain.activity ? nodes.resolve("activity", chain.activity, w) : null;
    addLink("position_role", position, role, chain);
    addLink("role_activity", role, activity, chain);
    if (!chain.competency) continue;
    const competency = competencies.resolve(chain.competency, w);
    if (!competency || chain.level === undefined) continue;
    competencyNames.set(competency.id, competency.name);
    const level = competencies.level(competency, chain.level, w);
    if (level === null) continue;
    if (chain.activity) addLink("activity_competency", activity, competency.id, chain, level);
    else addLink("role_competency", role, competency.id, chain, level);
  }

  const plan = emptyPlan(mode, mdoCode);
  plan.nodes = nodes.plan();
  plan.competencies = competencies.plan();
  diffLinks(plan, links, existing.links);
  if (mode === "replace") planRemovals(plan, nodes, existing, links, records, findings, dictionary);

  for (const kind of FRAMEWORK_NODE_KINDS) count(plan, kind, plan.nodes[kind]);
  count(plan, "competency", plan.competencies);
  count(plan, "link", plan.links);
  plan.findings = sortFindings(findings);
  plan.ok = !hasImportErrors(findings);
  return plan;
}

function rowName(row: number, chain: ChainRecord): string {
  return row === 0 ? (chain.path ?? "the document") : `row ${row}`;
}

function diffLinks(plan: ImportPlan, links: Map<string, PlannedLink & { levelRow: number }>, existing: readonly ExistingLink[]): void {
  const existingByKey = new Map<string, ExistingLink>();
  for (const link of existing) {
    const key = linkKey(link.kind, link.from, link.to);
    if (!existingByKey.has(key)) existingByKey.set(key, link);
  }
  for (const [key, { levelRow: _levelRow, ...link }] of links) {
    const before = existingByKey.get(key);
    if (!before) {
      plan.links.create.push({ ...link, id: crypto.randomUUID() });
    } else if (link.level !== undefined && link.level !== (before.level ?? null)) {
      const update: PlannedLinkUpdate = { ...link, id: before.id, levelBefore: before.level ?? null };
      plan.links.update.push(update);
    } else {
      plan.links.unchanged.push({ ...link, id: before.id });
    }
  }
}

// Replace mode: every framework node and chain link the file does not mention, and any link
// that would dangle once they are gone. Knowledge resources have no column, so they stay.
function planRemovals(
  plan: ImportPlan,
  nodes: NodeResolver,
  existing: ExistingSnapshot,
  links: Map<string, PlannedLink>,
  records: ImportRecords,
  findings: ImportFinding[],
  dictionary: readonly DictionaryCompetency[],
): void {
  if (records.chains.length === 0) {
    findings.push({
      row: 0,
      severity: "warning",
      code: "replace_nothing_to_replace",
      message: "This file holds no positions, roles or activities, so replacing the draft by it removes nothing.",
    });
    return;
  }
  const removed = new Set<string>();
  for (const node of existing.nodes) {
    if (node.kind === "knowledge_resource" || nodes.mentions(node.id)) continue;
    removed.add(node.id);
    plan.nodes[node.kind].remove.push({ id: node.id, name: node.name });
  }
  const names = new Map<string, string>();
  for (const node of existing.nodes) names.set(node.id, node.name);
  for (const entry of dictionary) names.set(entry.id, entry.name);
  for (const link of existing.links) {
    const stated = links.has(linkKey(link.kind, link.from, link.to));
    const dangles = removed.has(link.from) || removed.has(link.to);
    if ((CHAIN_LINK_KINDS.has(link.kind) && !stated) || dangles) {
      const removal: RemovedLink = { ...link, fromName: names.get(link.from) ?? link.from, toName: names.get(link.to) ?? link.to };
      plan.links.remove.push(removal);
    }
  }
}

function emptyPlan(mode: ImportMode, mdoCode: string): ImportPlan {
  const zero = (): PlanCounts => ({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });
  const kind = () => ({ create: [], update: [], unchanged: [], remove: [] });
  return {
    ok: true,
    mode,
    mdoCode,
    nodes: { position: kind(), role: kind(), activity: kind() },
    competencies: kind(),
    links: { create: [], update: [], unchanged: [], remove: [] },
    created: zero(),
    updated: zero(),
    unchanged: zero(),
    removed: zero(),
    findings: [],
  };
}

function count(plan: ImportPlan, key: keyof PlanCounts, section: { create: unknown[]; update: unknown[]; unchanged: unknown[]; remove: unknown[] }): void {
  plan.created[key] = section.create.length;
  plan.updated[key] = section.update.length;
  plan.unchanged[key] = section.unchanged.length;
  plan.removed[key] = section.remove.length;
}

export type PreviewRow = { row: number; cells: string[] };

/** The first `n` non-empty rows after the header, cells as the import reads them (quote of the export removed, trimmed, NFC). */
export function previewRows(rows: readonly string[][], n: number, headerRow = 1): PreviewRow[] {
  const out: PreviewRow[] = [];
  for (let i = headerRow; i < rows.length && out.length < n; i++) {
    const cells = rows[i].map((cell) => cleanCell(cell));
    if (cells.some((cell) => cell !== "")) out.push({ row: i + 1, cells });
  }
  return out;
}

/** A short sentence per kind, e.g. "2 positions created, 1 updated, 5 unchanged", for logs and the CLI. */
export function describeCounts(plan: ImportPlan): string[] {
  return (["position", "role", "activity", "competency", "link"] as const).map((key) => {
    const plural = key === "link" ? "links" : NODE_KIND_PLURALS[key];
    const label = plural[0].toUpperCase() + plural.slice(1);
    const parts = [`${plan.created[key]} created`, `${plan.updated[key]} updated`, `${plan.unchanged[key]} unchanged`];
    if (plan.mode === "replace") parts.push(`${plan.removed[key]} removed`);
    return `${label}: ${parts.join(", ")}`;
  });
}
