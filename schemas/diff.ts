import type { NodeKind } from "./enums";
import type { FracDocument, FracLink, FracNode } from "./frac-document";

/**
 * What changed between two FRAC documents (two published versions, or a version and the
 * draft): nodes and links added, removed and changed, field by field. Identity is the id,
 * which never changes once published, so a renamed node is "changed", not removed and added.
 * Provenance (createdBy, createdAt, updatedAt) and canvas places are not content and are ignored.
 */

/** A field value as the diff reports it; null means "absent". */
export type DiffValue = string | number | null;
export type FieldChange = { field: string; before: DiffValue; after: DiffValue };

export type DiffNode = { id: string; kind: NodeKind; name: string };
export type NodeChange = DiffNode & { changes: FieldChange[] };

/** A link with the names of its ends, read from the document it is reported from. */
export type DiffLink = {
  id: string;
  kind: FracLink["kind"];
  from: DiffNode | { id: string; kind: null; name: null };
  to: DiffNode | { id: string; kind: null; name: null };
  level: number | null;
  order: number | null;
};
export type LinkChange = DiffLink & { changes: FieldChange[] };

export type DiffSummary = {
  nodesAdded: number;
  nodesRemoved: number;
  nodesChanged: number;
  linksAdded: number;
  linksRemoved: number;
  linksChanged: number;
  /** True when nothing differs. */
  identical: boolean;
};

export type FracDiff = {
  nodes: { added: DiffNode[]; removed: DiffNode[]; changed: NodeChange[] };
  links: { added: DiffLink[]; removed: DiffLink[]; changed: LinkChange[] };
  summary: DiffSummary;
};

// The fields an author edits on every node, then what only some kinds carry.
const COMMON_FIELDS = ["name", "nameHi", "description", "descriptionHi", "source"] as const;
const RESOURCE_FIELDS = ["url", "resourceType"] as const;
const COMPETENCY_FIELDS = ["competencyType", "code", "theme", "mdoCode"] as const;

/** Compares two documents; lists follow document order (the later one's, the earlier one's for removals). */
export function diffDocuments(before: FracDocument, after: FracDocument): FracDiff {
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));

  const nodes: FracDiff["nodes"] = { added: [], removed: [], changed: [] };
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) {
      nodes.added.push(ref(node));
      continue;
    }
    const changes = nodeChanges(old, node);
    if (changes.length > 0) nodes.changed.push({ ...ref(node), changes });
  }
  for (const node of before.nodes) if (!afterNodes.has(node.id)) nodes.removed.push(ref(node));

  const beforeLinks = new Map(before.links.map((l) => [l.id, l]));
  const afterLinkIds = new Set(after.links.map((l) => l.id));
  const links: FracDiff["links"] = { added: [], removed: [], changed: [] };
  for (const link of after.links) {
    const old = beforeLinks.get(link.id);
    if (!old) {
      links.added.push(linkRef(link, afterNodes));
      continue;
    }
    const changes = linkChanges(old, link);
    if (changes.length > 0) links.changed.push({ ...linkRef(link, afterNodes), changes });
  }
  for (const link of before.links) if (!afterLinkIds.has(link.id)) links.removed.push(linkRef(link, beforeNodes));

  const summary = {
    nodesAdded: nodes.added.length,
    nodesRemoved: nodes.removed.length,
    nodesChanged: nodes.changed.length,
    linksAdded: links.added.length,
    linksRemoved: links.removed.length,
    linksChanged: links.changed.length,
  };
  return { nodes, links, summary: { ...summary, identical: Object.values(summary).every((n) => n === 0) } };
}

/** Each id the diff mentions with what happened to it, for highlighting nodes and links in the graph. */
export function diffStatusById(diff: FracDiff): Map<string, "added" | "removed" | "changed"> {
  const out = new Map<string, "added" | "removed" | "changed">();
  for (const group of [diff.nodes, diff.links]) {
    for (const item of group.added) out.set(item.id, "added");
    for (const item of group.removed) out.set(item.id, "removed");
    for (const item of group.changed) out.set(item.id, "changed");
  }
  return out;
}

function ref(node: FracNode): DiffNode {
  return { id: node.id, kind: node.kind, name: node.name };
}

function linkRef(link: FracLink, nodes: Map<string, FracNode>): DiffLink {
  const end = (id: string) => {
    const node = nodes.get(id);
    return node ? ref(node) : { id, kind: null, name: null };
  };
  return { id: link.id, kind: link.kind, from: end(link.from), to: end(link.to), level: link.level ?? null, order: link.order ?? null };
}

/** Reads an optional field of any node kind; absent and empty text are the same "nothing". */
function field(node: FracNode, key: string): DiffValue {
  const value = (node as Record<string, unknown>)[key];
  if (value === undefined || value === null || value === "") return null;
  return typeof value === "number" ? value : String(value);
}

function nodeChanges(before: FracNode, after: FracNode): FieldChange[] {
  const out: FieldChange[] = [];
  const compare = (key: string) => {
    const [a, b] = [field(before, key), field(after, key)];
    if (a !== b) out.push({ field: key, before: a, after: b });
  };
  compare("kind");
  COMMON_FIELDS.forEach(compare);
  if (before.kind === "knowledge_resource" || after.kind === "knowledge_resource") RESOURCE_FIELDS.forEach(compare);
  if (before.kind === "position" || after.kind === "position") compare("sanctionedPosts");
  if (before.kind === "competency" || after.kind === "competency") {
    COMPETENCY_FIELDS.forEach(compare);
    out.push(...scaleChanges(before, after));
  }
  return out;
}

type ScaleLevel = { level: number; name: string; descriptor: string };

/** Level by level: `scale.levels` when the count differs, then `scale[N].name` / `scale[N].descriptor`. */
function scaleChanges(before: FracNode, after: FracNode): FieldChange[] {
  const levelsOf = (node: FracNode): ScaleLevel[] => (node.kind === "competency" ? node.scale.levels : []);
  const [a, b] = [levelsOf(before), levelsOf(after)];
  const out: FieldChange[] = [];
  if (a.length !== b.length) out.push({ field: "scale.levels", before: a.length || null, after: b.length || null });
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const number = a[i]?.level ?? b[i]?.level ?? i + 1;
    for (const key of ["name", "descriptor"] as const) {
      const [x, y] = [a[i]?.[key] ?? null, b[i]?.[key] ?? null];
      if (x !== y) out.push({ field: `scale[${number}].${key}`, before: x, after: y });
    }
  }
  return out;
}

function linkChanges(before: FracLink, after: FracLink): FieldChange[] {
  const out: FieldChange[] = [];
  const compare = (key: string, a: DiffValue, b: DiffValue) => {
    if (a !== b) out.push({ field: key, before: a, after: b });
  };
  compare("kind", before.kind, after.kind);
  compare("from", before.from, after.from);
  compare("to", before.to, after.to);
  compare("level", before.level ?? null, after.level ?? null);
  compare("importance", before.importance ?? null, after.importance ?? null);
  compare("order", before.order ?? null, after.order ?? null);
  return out;
}
