/**
 * A FracDocument indexed for the exporters: nodes by id, each parent's links in the order the
 * authors gave them, and the nodes nobody links to. Every exporter walks the graph through
 * this one index, so CSV, XLSX and CASE agree on sibling order.
 */
import type { NodeKind } from "@schemas/enums";
import type { FracDocument, FracLink, FracNode } from "@schemas/frac-document";

export type DocumentIndex = {
  doc: FracDocument;
  byId: ReadonlyMap<string, FracNode>;
  /** Outgoing links per parent id, sorted by `order` (absent last), then by position in the document. */
  children: ReadonlyMap<string, readonly FracLink[]>;
  /** Ids of the nodes that are the `to` of at least one link whose `from` is in the document. */
  linkedTo: ReadonlySet<string>;
  /** Links whose two ends are both nodes of the document, parents in document order, siblings in link order. */
  links: readonly FracLink[];
};

const NO_LINKS: readonly FracLink[] = [];

/** Indexes a document; links whose ends are not in the document are left out (the validator reports them). */
export function indexDocument(doc: FracDocument): DocumentIndex {
  const byId = new Map<string, FracNode>();
  for (const node of doc.nodes) if (!byId.has(node.id)) byId.set(node.id, node);

  const grouped = new Map<string, { link: FracLink; index: number }[]>();
  const linkedTo = new Set<string>();
  doc.links.forEach((link, index) => {
    if (!byId.has(link.from) || !byId.has(link.to)) return;
    let siblings = grouped.get(link.from);
    if (!siblings) grouped.set(link.from, (siblings = []));
    siblings.push({ link, index });
    linkedTo.add(link.to);
  });

  const children = new Map<string, readonly FracLink[]>();
  for (const [from, siblings] of grouped) {
    siblings.sort((a, b) => rank(a.link) - rank(b.link) || a.index - b.index);
    children.set(
      from,
      siblings.map((s) => s.link),
    );
  }
  const links: FracLink[] = [];
  for (const node of byId.values()) links.push(...(children.get(node.id) ?? NO_LINKS));
  return { doc, byId, children, linkedTo, links };
}

function rank(link: FracLink): number {
  return link.order ?? Number.MAX_SAFE_INTEGER;
}

/** The parent's links to children of the given kinds, in link order. */
export function childLinks(index: DocumentIndex, parentId: string, kinds?: readonly NodeKind[]): readonly FracLink[] {
  const all = index.children.get(parentId) ?? NO_LINKS;
  if (!kinds) return all;
  return all.filter((link) => kinds.includes(index.byId.get(link.to)!.kind));
}

/** The document's nodes of one kind, in document order (the first of any repeated id). */
export function nodesOfKind<K extends NodeKind>(index: DocumentIndex, kind: K): Extract<FracNode, { kind: K }>[] {
  const out: Extract<FracNode, { kind: K }>[] = [];
  for (const node of index.byId.values()) if (node.kind === kind) out.push(node as Extract<FracNode, { kind: K }>);
  return out;
}

/** True when some link of one of the given kinds points at the node. */
export function hasParentOfKind(index: DocumentIndex, nodeId: string, parentKinds: readonly NodeKind[]): boolean {
  return index.linkedTo.has(nodeId) && parentKinds.length > 0 && parentsOf(index, nodeId).some((p) => parentKinds.includes(p.kind));
}

// Built lazily: only CSV asks, and only for roles and activities that may be orphans.
const parentCache = new WeakMap<DocumentIndex, Map<string, FracNode[]>>();

function parentsOf(index: DocumentIndex, nodeId: string): readonly FracNode[] {
  let parents = parentCache.get(index);
  if (!parents) {
    parents = new Map();
    for (const link of index.links) {
      let list = parents.get(link.to);
      if (!list) parents.set(link.to, (list = []));
      list.push(index.byId.get(link.from)!);
    }
    parentCache.set(index, parents);
  }
  return parents.get(nodeId) ?? [];
}

/**
 * When the document last changed, for formats that need one timestamp: the publication time of
 * a published version, else the latest createdAt/updatedAt of its nodes, else the Unix epoch (a
 * document without timestamps; a fixed value keeps the export deterministic).
 */
export function documentLastChange(doc: FracDocument): string {
  if (doc.publishedAt) return doc.publishedAt;
  let latest: string | null = null;
  let latestMs = -Infinity;
  for (const node of doc.nodes) {
    for (const stamp of [node.createdAt, node.updatedAt]) {
      if (!stamp) continue;
      const ms = Date.parse(stamp);
      if (ms > latestMs) {
        latestMs = ms;
        latest = stamp;
      }
    }
  }
  return latest ?? EPOCH;
}

export const EPOCH = "1970-01-01T00:00:00Z";
