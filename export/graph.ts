/**
 * A FracDocument as the exporters walk it (the validator has its own DocumentIndex): nodes by id, each parent's links in the order the
 * authors gave them, and the nodes nobody links to. Every exporter walks the graph through
 * this one index, so CSV, XLSX and CASE agree on sibling order.
 */
import type { NodeKind } from "@schemas/enums";
import type { FracDocument, FracLink, FracNode } from "@schemas/frac-document";

export type ExportGraph = {
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
export function buildExportGraph(doc: FracDocument): ExportGraph {
  const byId = new Map<string, FracNode>();
  for (const node of doc.nodes) if (!byId.has(node.id)) byId.set(node.id, node);

  const children = new Map<string, FracLink[]>();
  const linkedTo = new Set<string>();
  for (const link of doc.links) {
    if (!byId.has(link.from) || !byId.has(link.to)) continue;
    let siblings = children.get(link.from);
    if (!siblings) children.set(link.from, (siblings = []));
    siblings.push(link);
    linkedTo.add(link.to);
  }
  // Array.prototype.sort is stable, so links of equal order keep their document order.
  for (const siblings of children.values()) if (!inOrder(siblings)) siblings.sort((a, b) => rank(a) - rank(b));

  const links: FracLink[] = [];
  for (const node of byId.values()) {
    const siblings = children.get(node.id);
    if (siblings) for (const link of siblings) links.push(link);
  }
  return { doc, byId, children, linkedTo, links };
}

function rank(link: FracLink): number {
  return link.order ?? Number.MAX_SAFE_INTEGER;
}

function inOrder(links: readonly FracLink[]): boolean {
  for (let i = 1; i < links.length; i++) if (rank(links[i - 1]) > rank(links[i])) return false;
  return true;
}

/** The parent's links to its children, in link order. */
export function childLinks(index: ExportGraph, parentId: string): readonly FracLink[] {
  return index.children.get(parentId) ?? NO_LINKS;
}

/** The document's nodes of one kind, in document order (the first of any repeated id). */
export function nodesOfKind<K extends NodeKind>(index: ExportGraph, kind: K): Extract<FracNode, { kind: K }>[] {
  const out: Extract<FracNode, { kind: K }>[] = [];
  const isKind = (node: FracNode): node is Extract<FracNode, { kind: K }> => node.kind === kind;
  for (const node of index.byId.values()) if (isKind(node)) out.push(node);
  return out;
}

/** Ids of the nodes that some node of kind `parentKind` links to. */
export function childrenOfKind(index: ExportGraph, parentKind: NodeKind): Set<string> {
  const out = new Set<string>();
  for (const link of index.links) if (index.byId.get(link.from)!.kind === parentKind) out.add(link.to);
  return out;
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
