import type { FracDocument } from "./frac-document";
import { describeNode, type FindingList } from "./findings";
import { LIMITS } from "./limits";
import { formatCount } from "./text";
import { describeLink, linkSortName, nodeById, sentence, type DocumentIndex } from "./validator-index";

/** duplicate_id: nodes and links must all have ids of their own (links can point at either). */
export function checkDuplicateIds(index: DocumentIndex, list: FindingList): void {
  index.nodes.forEach((node, i) => {
    const first = index.nodeIndexById.get(node.id);
    if (first === undefined || first === i) return;
    list.add(
      {
        severity: "error",
        code: "duplicate_id",
        message: `${describeNode(node)} has the same id as ${describeNode(index.nodes[first])} (${node.id}). Every node needs its own id.`,
        nodeId: node.id,
      },
      node.name,
    );
  });

  const seenLinkIds = new Set<string>();
  for (const link of index.links) {
    const clashingNode = nodeById(index, link.id);
    if (clashingNode) {
      list.add(
        {
          severity: "error",
          code: "duplicate_id",
          message: `${sentence(describeLink(index, link))} has the same id as ${describeNode(clashingNode)} (${link.id}). Links and nodes need ids of their own.`,
          linkId: link.id,
          nodeId: clashingNode.id,
        },
        linkSortName(index, link),
      );
    } else if (seenLinkIds.has(link.id)) {
      list.add(
        {
          severity: "error",
          code: "duplicate_id",
          message: `${sentence(describeLink(index, link))} has the same id as another link (${link.id}). Every link needs its own id.`,
          linkId: link.id,
        },
        linkSortName(index, link),
      );
    }
    seenLinkIds.add(link.id);
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
