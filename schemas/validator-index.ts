import type { FracDocument, FracLink, FracNode } from "./frac-document";
import { describeNode } from "./findings";

/**
 * The lookups every validator rule shares, built once per document so that each rule is a
 * single pass over nodes or links (the validator must stay fast on 1,000,000 links).
 */
export type DocumentIndex = {
  nodes: FracNode[];
  links: FracLink[];
  /** Node id → position in `nodes` of the first node with that id. */
  nodeIndexById: Map<string, number>;
  /** Per node, 1 when it is the first with its id; later copies are only reported as duplicate_id. */
  firstWithId: Uint8Array;
  /** Per link, the position in `nodes` of its `from` and `to` node; -1 when no node has the id. */
  linkFrom: Int32Array;
  linkTo: Int32Array;
};

/** Builds the shared lookups for one document. */
export function indexDocument(doc: FracDocument): DocumentIndex {
  const nodeIndexById = new Map<string, number>();
  const firstWithId = new Uint8Array(doc.nodes.length);
  doc.nodes.forEach((node, i) => {
    if (nodeIndexById.has(node.id)) return;
    nodeIndexById.set(node.id, i);
    firstWithId[i] = 1;
  });
  // Resolved once here, so no rule looks an id up in the Map a second time.
  const linkFrom = new Int32Array(doc.links.length);
  const linkTo = new Int32Array(doc.links.length);
  doc.links.forEach((link, i) => {
    linkFrom[i] = nodeIndexById.get(link.from) ?? -1;
    linkTo[i] = nodeIndexById.get(link.to) ?? -1;
  });
  return { nodes: doc.nodes, links: doc.links, nodeIndexById, firstWithId, linkFrom, linkTo };
}

/**
 * Marks each link that joins the same from → to pair as an earlier link (1 = repeat).
 * A counting sort by parent, then one "last parent seen" mark per child: linear, with no
 * per-link string or number key to hash.
 */
export function repeatedPairs(index: DocumentIndex): Uint8Array {
  const { linkFrom, linkTo } = index;
  const n = index.nodes.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < linkFrom.length; i++) if (linkFrom[i] >= 0 && linkTo[i] >= 0) start[linkFrom[i] + 1]++;
  for (let f = 0; f < n; f++) start[f + 1] += start[f];
  // Links grouped by parent, each group in document order, so the first of a pair is kept.
  const byParent = new Int32Array(start[n]);
  const fill = start.slice(0, n);
  for (let i = 0; i < linkFrom.length; i++) if (linkFrom[i] >= 0 && linkTo[i] >= 0) byParent[fill[linkFrom[i]]++] = i;

  const repeated = new Uint8Array(linkFrom.length);
  const lastParent = new Int32Array(n).fill(-1);
  for (let f = 0; f < n; f++) {
    for (let k = start[f]; k < start[f + 1]; k++) {
      const link = byParent[k];
      if (lastParent[linkTo[link]] === f) repeated[link] = 1;
      else lastParent[linkTo[link]] = f;
    }
  }
  return repeated;
}

/** The node an id names, or undefined when no node has it. */
export function nodeById(index: DocumentIndex, id: string): FracNode | undefined {
  const i = index.nodeIndexById.get(id);
  return i === undefined ? undefined : index.nodes[i];
}

/** True when the node at this position is the first with its id (see firstWithId). */
export function isFirstWithId(index: DocumentIndex, position: number): boolean {
  return index.firstWithId[position] === 1;
}

/** How a message names a link: `the link from Role "A" to Activity "B"`. */
export function describeLink(index: DocumentIndex, link: FracLink): string {
  return `the link from ${describeEnd(index, link.from)} to ${describeEnd(index, link.to)}`;
}

function describeEnd(index: DocumentIndex, id: string): string {
  const node = nodeById(index, id);
  return node ? describeNode(node) : `a missing node (id ${id})`;
}

/** The name findings about this link sort by: its parent node's name. */
export function linkSortName(index: DocumentIndex, link: FracLink): string {
  return nodeById(index, link.from)?.name ?? "";
}

/** Capitalises the first letter, for messages that start with describeLink. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
