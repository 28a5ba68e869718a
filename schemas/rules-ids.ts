import type { FracDocument } from "./frac-document";
import { describeNode, type FindingList } from "./findings";
import { LIMITS } from "./limits";
import { formatCount } from "./text";
import {
  describeLink,
  isFirstWithId,
  linkSortName,
  nodeById,
  sentence,
  type DocumentIndex,
} from "./validator-index";

/** duplicate_id: nodes and links must all have ids of their own (links can point at either). */
export function checkDuplicateIds(index: DocumentIndex, list: FindingList): void {
  index.nodes.forEach((node, i) => {
    if (isFirstWithId(index, i)) return;
    const first = index.nodes[index.nodeIndexById.get(node.id) as number];
    const message = `${describeNode(node)} has the same id as ${describeNode(first)} (${node.id}). Every node needs its own id.`;
    list.add({ severity: "error", code: "duplicate_id", message, nodeId: node.id }, node.name);
  });

  // One Set of every id so far: a link id is new exactly when adding it grows the Set, which
  // costs one hash lookup per link instead of two on a million links.
  const ids = new Set<string>(index.nodeIndexById.keys());
  for (const link of index.links) {
    const before = ids.size;
    ids.add(link.id);
    if (ids.size !== before) continue;
    const clashingNode = nodeById(index, link.id);
    const what = sentence(describeLink(index, link));
    const message = clashingNode
      ? `${what} has the same id as ${describeNode(clashingNode)} (${link.id}). Links and nodes need ids of their own.`
      : `${what} has the same id as another link (${link.id}). Every link needs its own id.`;
    list.add(
      { severity: "error", code: "duplicate_id", message, linkId: link.id, ...(clashingNode && { nodeId: clashingNode.id }) },
      linkSortName(index, link),
    );
  }
}

/** too_many_nodes / too_many_links: the framework is bigger than the app is built to hold. */
export function checkCounts(doc: FracDocument, list: FindingList): void {
  if (doc.nodes.length > LIMITS.NODES_PER_FRAMEWORK_MAX) {
    list.add({
      severity: "error",
      code: "too_many_nodes",
      message: `The framework has ${formatCount(doc.nodes.length)} nodes; the limit is ${formatCount(LIMITS.NODES_PER_FRAMEWORK_MAX)}. Split it or remove unused entries.`,
    });
  }
  if (doc.links.length > LIMITS.LINKS_PER_FRAMEWORK_MAX) {
    list.add({
      severity: "error",
      code: "too_many_links",
      message: `The framework has ${formatCount(doc.links.length)} links; the limit is ${formatCount(LIMITS.LINKS_PER_FRAMEWORK_MAX)}.`,
    });
  }
}
