/**
 * Checked records + a snapshot of the draft + the dictionary → an ImportPlan: what would be
 * created, updated, left unchanged and (in replace mode only) removed, per kind, with every
 * problem as a row-numbered finding. Pure: it reads nothing and writes nothing, so the same
 * function serves the preview, the CLI's --dry-run and the apply step.
 */
import { LINK_RULES, NODE_KIND_PLURALS, type Importance, type LinkKind } from "@schemas/enums";
import { cleanCell } from "./cells";
import { hasImportErrors, shownValue, sortFindings, type ImportFinding } from "./findings";
import { CompetencyResolver } from "./plan-competencies";
import { NodeResolver } from "./plan-nodes";
import { planRemovals } from "./plan-removals";
import {
  at,
  type CollectedLink,
  ROW_NODE_KINDS,
  LinkMap,
  type DictionaryCompetency,
  type ExistingLink,
  type ExistingSnapshot,
  type ImportMode,
  type ImportPlan,
  type PlanCounts,
  type PlannedLink,
  type PlannedLinkUpdate,
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
  /** Rows whose Competency type the dictionary contradicts take the dictionary's type (a warning, not an error). */
  typesFromDictionary?: boolean;
};

// A record is its own Where (row, sheet, path): no object per row on a 100,000-row file.

/** Plans an import; `plan.ok` is false when any finding is an error, and then nothing may be applied. */
export function planImport(input: PlanImportInput): ImportPlan {
  const { records, existing, dictionary, mdoCode, mode } = input;
  const findings: ImportFinding[] = [...(input.findings ?? [])];
  const nodes = new NodeResolver(existing.nodes, findings);
  const competencies = new CompetencyResolver(dictionary, mdoCode, findings, {
    typesFromDictionary: input.typesFromDictionary,
  });

  for (const record of records.competencies) competencies.define(record, record);
  for (const chain of records.chains) {
    for (const kind of ROW_NODE_KINDS) {
      const cell = chain[kind];
      if (cell) nodes.registerIds(kind, cell, chain);
    }
  }
  const links = collectLinks(records.chains, nodes, competencies, findings);

  const plan = emptyPlan(mode, mdoCode);
  plan.nodes = nodes.plan();
  plan.competencies = competencies.plan();
  diffLinks(plan, links, existing.links);
  if (mode === "replace") planRemovals(plan, nodes, existing, links, records, findings, dictionary);

  for (const kind of ROW_NODE_KINDS) count(plan, kind, plan.nodes[kind]);
  count(plan, "competency", plan.competencies);
  count(plan, "link", plan.links);
  plan.findings = sortFindings(findings);
  plan.ok = !hasImportErrors(findings);
  return plan;
}

// Every link the chains state, once each (a role → activity link repeats on every competency
// row of the activity); a requirement stated at two levels is an error naming both places.
function collectLinks(
  chains: readonly ChainRecord[],
  nodes: NodeResolver,
  competencies: CompetencyResolver,
  findings: ImportFinding[],
): LinkMap<CollectedLink> {
  const links = new LinkMap<CollectedLink>();
  const add = (
    kind: LinkKind,
    from: string | null,
    to: string | null,
    chain: ChainRecord,
    toName?: string,
    level?: number,
    importance?: Importance,
  ) => {
    if (from === null || to === null) return;
    const known = links.get(from, to);
    if (!known) {
      const fromName = nodes.nameOf(from) ?? from;
      links.set(from, to, {
        kind,
        from,
        to,
        fromName,
        toName: toName ?? nodes.nameOf(to) ?? to,
        level,
        importance,
        rows: [chain.row],
        first: chain,
      });
      return;
    }
    if (known.rows[known.rows.length - 1] !== chain.row) known.rows.push(chain.row);
    if (importance !== undefined) {
      if (known.importance === undefined) known.importance = importance;
      else if (known.importance !== importance) {
        findings.push({
          ...at(chain),
          column: "Importance",
          value: importance,
          severity: "error",
          code: "link_importance_conflict",
          message: `${LINK_RULES[kind].label} "${shownValue(known.fromName)}" → "${shownValue(known.toName)}" is rated ${known.importance} on ${place(known.first)} and ${importance} on ${place(chain)}; give one importance.`,
        });
      }
    }
    if (level === undefined || known.level === level) return;
    const names = `"${shownValue(known.fromName)}" → "${shownValue(known.toName)}"`;
    findings.push({
      ...at(chain),
      column: "Required level",
      value: String(level),
      severity: "error",
      code: "link_level_conflict",
      message: `${LINK_RULES[kind].label} ${names} is required at level ${known.level} on ${place(known.first)} and at level ${level} on ${place(chain)}; give one level.`,
    });
  };

  for (const chain of chains) {
    const w: Where = chain;
    const position = chain.position ? nodes.resolve("position", chain.position, w) : null;
    const role = chain.role ? nodes.resolve("role", chain.role, w) : null;
    const activity = chain.activity ? nodes.resolve("activity", chain.activity, w) : null;
    add("position_role", position, role, chain);
    add("role_activity", role, activity, chain);
    if (!chain.competency) continue;
    const competency = competencies.resolve(chain.competency, w);
    if (!competency || chain.level === undefined) continue;
    const level = competencies.level(competency, chain.level, w);
    if (level === null) continue;
    // An empty Activity: the role itself requires the competency.
    if (chain.activity) add("activity_competency", activity, competency.id, chain, competency.name, level, chain.importance);
    else add("role_competency", role, competency.id, chain, competency.name, level, chain.importance);
  }
  return links;
}

function place(w: Where): string {
  return w.path ?? `row ${w.row}`;
}

function diffLinks(plan: ImportPlan, links: LinkMap<CollectedLink>, existing: readonly ExistingLink[]): void {
  const before = new LinkMap<ExistingLink>();
  for (const link of existing) if (!before.get(link.from, link.to)) before.set(link.from, link.to, link);
  for (const link of links.values()) {
    const old = before.get(link.from, link.to);
    // Written out rather than spread: object spread is the slow path on 150,000 links.
    const planned: PlannedLink = {
      id: old?.id ?? crypto.randomUUID(),
      kind: link.kind,
      from: link.from,
      to: link.to,
      fromName: link.fromName,
      toName: link.toName,
      level: link.level,
      importance: link.importance,
      rows: link.rows,
    };
    // An empty Importance cell means "not given": it never clears a rating the draft has.
    const levelChanged = link.level !== undefined && link.level !== (old?.level ?? null);
    const importanceChanged = link.importance !== undefined && link.importance !== (old?.importance ?? null);
    if (!old) plan.links.create.push(planned);
    else if (levelChanged || importanceChanged) {
      const update: PlannedLinkUpdate = { ...planned, levelBefore: old.level ?? null, importanceBefore: old.importance ?? null };
      plan.links.update.push(update);
    } else plan.links.unchanged.push(planned);
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

function count(
  plan: ImportPlan,
  key: keyof PlanCounts,
  section: { create: unknown[]; update: unknown[]; unchanged: unknown[]; remove: unknown[] },
): void {
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
