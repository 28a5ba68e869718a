/**
 * Positions, roles and activities named by the file → the draft's nodes: matched by id when
 * the file gives one, else by normalised name within the kind, so re-importing a file finds
 * the nodes it made last time. Collects what each node's rows say and flags contradictions.
 */
import { NODE_KIND_LABELS } from "@schemas/enums";
import { normalizeName } from "@schemas/text";
import { shownValue, type ImportFinding } from "./findings";
import {
  at,
  type ExistingNode,
  type FieldChange,
  type RowNodeKind,
  type KindPlan,
  type PlannedNode,
  type Where,
} from "./plan-types";
import type { NodeCell } from "./records";

type Given = { value: string; where: Where };
type FileNode = {
  id: string;
  kind: RowNodeKind;
  existing?: ExistingNode;
  name: Given;
  description?: Given;
  nameHi?: Given;
  descriptionHi?: Given;
  sanctionedPosts?: Given;
  rows: number[];
};

/** Resolves node cells to ids and builds the per-kind plan; call registerIds for every cell first, then resolve. */
export class NodeResolver {
  private readonly existingById = new Map<string, ExistingNode>();
  // Per kind, normalised name → node; nested maps, so the name strings' cached hashes are reused.
  private readonly existingByName = new Map<string, Map<string, ExistingNode>>();
  private readonly fileById = new Map<string, FileNode>();
  private readonly fileByName = new Map<string, Map<string, string>>();
  private readonly reportedIds = new Set<string>();
  // why a cache: a name repeats on every row of its chains, and normalising is the costly part.
  private readonly normalised = new Map<string, string>();

  constructor(existing: readonly ExistingNode[], private readonly findings: ImportFinding[]) {
    for (const node of existing) {
      this.existingById.set(node.id, node);
      const names = inner(this.existingByName, node.kind);
      const normal = this.normal(node.name);
      // Two draft nodes with one name: the first keeps matching, as it did in the editor's list.
      if (!names.has(normal)) names.set(normal, node);
    }
  }

  /** Pass 1: nodes the file names by id, so that rows naming them only by name find them too. */
  registerIds(kind: RowNodeKind, cell: NodeCell, where: Where): void {
    if (!cell.id) return;
    const node = this.byId(kind, cell.id, cell.name, where, false);
    if (!node) return;
    const names = inner(this.fileByName, kind);
    const normal = this.normal(cell.name);
    const other = names.get(normal);
    if (other === undefined) names.set(normal, node.id);
    else if (other !== node.id) {
      this.findings.push({
        ...at(where),
        column: NODE_KIND_LABELS[kind],
        value: shownValue(cell.name),
        severity: "warning",
        code: "duplicate_name",
        message: `Two different ids in the file both name ${kind} "${shownValue(cell.name)}"; they stay two ${kind}s.`,
      });
    }
  }

  /** Pass 2: the id of the node a cell means (existing, or new), or null when the cell contradicts the draft. */
  resolve(kind: RowNodeKind, cell: NodeCell, where: Where): string | null {
    let node: FileNode | null;
    if (cell.id) {
      node = this.byId(kind, cell.id, cell.name, where, true);
    } else {
      const names = inner(this.fileByName, kind);
      const normal = this.normal(cell.name);
      const id = names.get(normal) ?? this.existingByName.get(kind)?.get(normal)?.id;
      node = id === undefined ? null : this.fileById.get(id) ?? null;
      if (!node) {
        const existing = id === undefined ? undefined : this.existingById.get(id);
        node = this.add({
          id: existing?.id ?? crypto.randomUUID(),
          kind,
          existing,
          name: { value: existing?.name ?? cell.name, where },
          rows: [],
        });
        names.set(normal, node.id);
      }
    }
    if (!node) return null;
    this.merge(node, "description", cell.description, where);
    this.merge(node, "nameHi", cell.nameHi, where);
    this.merge(node, "descriptionHi", cell.descriptionHi, where);
    if (cell.sanctionedPosts !== undefined) this.merge(node, "sanctionedPosts", String(cell.sanctionedPosts), where);
    node.rows.push(where.row);
    return node.id;
  }

  private normal(name: string): string {
    let normal = this.normalised.get(name);
    if (normal === undefined) {
      normal = normalizeName(name);
      this.normalised.set(name, normal);
    }
    return normal;
  }

  /** Whether the file mentions this node id. */
  mentions(id: string): boolean {
    return this.fileById.has(id);
  }

  /** The name a node will have after the import. */
  nameOf(id: string): string | undefined {
    return this.fileById.get(id)?.name.value ?? this.existingById.get(id)?.name;
  }

  /** Create / update / unchanged per kind; `remove` is filled in by the plan in replace mode. */
  plan(): Record<RowNodeKind, KindPlan<PlannedNode>> {
    const empty = (): KindPlan<PlannedNode> => ({ create: [], update: [], unchanged: [], remove: [] });
    const out: Record<RowNodeKind, KindPlan<PlannedNode>> = {
      position: empty(),
      role: empty(),
      activity: empty(),
    };
    for (const node of this.fileById.values()) {
      const section = out[node.kind];
      const rows = [...new Set(node.rows)];
      if (!node.existing) {
        section.create.push({
          id: node.id,
          kind: node.kind,
          name: node.name.value,
          ...(node.description && { description: node.description.value }),
          ...(node.nameHi && { nameHi: node.nameHi.value }),
          ...(node.descriptionHi && { descriptionHi: node.descriptionHi.value }),
          ...(node.sanctionedPosts && { sanctionedPosts: Number(node.sanctionedPosts.value) }),
          rows,
        });
        continue;
      }
      const changes: FieldChange[] = [];
      const before = node.existing;
      // why the one-line form too: spreadsheets carry names on one line, so a draft name with a line break
      // (the editor allows one) read back from its own CSV export is the same name, not a change.
      const sameName = node.name.value === before.name || node.name.value === before.name.replace(/\s+/gu, " ").trim();
      if (!sameName) changes.push({ field: "name", before: before.name, after: node.name.value });
      for (const field of ["description", "nameHi", "descriptionHi"] as const) {
        const given = node[field];
        // An empty cell means "not given": it never erases what the draft has.
        if (given && given.value !== (before[field] ?? ""))
          changes.push({ field, before: before[field] ?? null, after: given.value });
      }
      const posts = node.sanctionedPosts;
      const postsBefore = before.sanctionedPosts === null || before.sanctionedPosts === undefined ? null : String(before.sanctionedPosts);
      if (posts && posts.value !== postsBefore) changes.push({ field: "sanctionedPosts", before: postsBefore, after: posts.value });
      if (changes.length > 0) section.update.push({ id: node.id, name: node.name.value, rows, changes });
      else section.unchanged.push({ id: node.id, name: node.name.value });
    }
    return out;
  }

  // checkName: pass 2 only, so that each row's contradiction is reported once.
  private byId(kind: RowNodeKind, id: string, name: string, where: Where, checkName: boolean): FileNode | null {
    const existing = this.existingById.get(id);
    const known = this.fileById.get(id);
    const actualKind = known?.kind ?? existing?.kind;
    if (actualKind !== undefined && actualKind !== kind) {
      // registerIds and resolve both meet the same cell; say it once.
      const reported = `${where.path ?? where.row}\u0000${kind}\u0000${id}`;
      if (this.reportedIds.has(reported)) return null;
      this.reportedIds.add(reported);
      this.findings.push({
        ...at(where),
        column: `${NODE_KIND_LABELS[kind]} id`,
        value: id,
        severity: "error",
        code: "id_kind_mismatch",
        message: `Id ${id} belongs to a ${actualKind.replace("_", " ")}, not a ${kind}.`,
      });
      return null;
    }
    if (known) {
      if (checkName && normalizeName(known.name.value) !== normalizeName(name))
        this.conflict(known, "name", name, where);
      return known;
    }
    // Matched by id, the file's name is the node's name: a different one renames it.
    return this.add({ id, kind, existing, name: { value: name, where }, rows: [] });
  }

  private add(node: FileNode): FileNode {
    this.fileById.set(node.id, node);
    return node;
  }

  private merge(node: FileNode, field: "description" | "nameHi" | "descriptionHi" | "sanctionedPosts", value: string | undefined, where: Where): void {
    if (value === undefined || value === "") return;
    const given = node[field];
    if (!given) node[field] = { value, where };
    else if (given.value !== value) this.conflict(node, field, value, where);
  }

  private conflict(node: FileNode, field: "name" | "description" | "nameHi" | "descriptionHi" | "sanctionedPosts", value: string, where: Where): void {
    const first = node[field] as Given;
    const label = { name: "name", description: "description", nameHi: "Hindi name", descriptionHi: "Hindi description", sanctionedPosts: "sanctioned posts" }[field];
    const kindLabel = NODE_KIND_LABELS[node.kind];
    const there = first.where.path ?? `row ${first.where.row}`;
    const message =
      field === "name"
        ? `This ${node.kind} id is named "${shownValue(first.value)}" on ${there} and "${shownValue(value)}" here; use one name.`
        : `${kindLabel} "${shownValue(node.name.value)}" has a different ${label} here than on ${there} ("${shownValue(first.value)}"); make the rows agree.`;
    const column = field === "name" ? kindLabel : field === "sanctionedPosts" ? "Sanctioned posts" : `${kindLabel} ${label}`;
    this.findings.push({
      ...at(where),
      column,
      value: shownValue(value),
      severity: "error",
      code: "conflicting_value",
      message,
    });
  }
}

function inner<T>(outer: Map<string, Map<string, T>>, kind: string): Map<string, T> {
  let map = outer.get(kind);
  if (!map) {
    map = new Map();
    outer.set(kind, map);
  }
  return map;
}
