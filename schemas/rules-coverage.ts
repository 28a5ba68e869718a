import { allowedParentKinds, LINK_RULES, NODE_KIND_LABELS, type LinkKind, type NodeKind } from "./enums";
import { describeNode, joinWords, type FindingCode, type FindingList } from "./findings";
import { isFirstWithId, type DocumentIndex } from "./validator-index";

/**
 * Rules about what is missing around a node: position_without_role, role_without_activity,
 * activity_without_competency and unused_node. Only links that checkLinks found valid count.
 */

// The node kind each rule applies to is the `from` end of its link kind.
const MISSING_CHILD_RULES: { code: FindingCode; via: LinkKind; missing: string }[] = [
  { code: "position_without_role", via: "position_role", missing: "has no role" },
  { code: "role_without_activity", via: "role_activity", missing: "has no activity" },
  { code: "activity_without_competency", via: "activity_competency", missing: "has no competency" },
];

// Positions are the roots of the tree: nothing links to them, so they are never "unused".
const NEEDS_PARENT = new Set<NodeKind>(["role", "activity", "competency", "knowledge_resource"]);

/** Reports nodes missing their children (warnings while drafting, errors on submit) and nodes nothing links to. */
export function checkCoverage(
  index: DocumentIndex,
  validLinks: Uint8Array,
  mode: "draft" | "submit",
  list: FindingList,
): void {
  const n = index.nodes.length;
  const hasParent = new Uint8Array(n);
  // One flag array per link kind that a MISSING_CHILD_RULE asks about.
  const hasChildVia = new Map<LinkKind, Uint8Array>(
    MISSING_CHILD_RULES.map((rule) => [rule.via, new Uint8Array(n)]),
  );

  index.links.forEach((link, i) => {
    if (validLinks[i] !== 1) return;
    hasParent[index.linkTo[i]] = 1;
    const flags = hasChildVia.get(link.kind);
    if (flags) flags[index.linkFrom[i]] = 1;
  });
  // A KCM theme is in use when one of its sub-themes is: the sub-theme points up at it.
  for (const node of index.nodes) {
    if (node.kind !== "competency" || node.parentId === undefined) continue;
    const parentIndex = index.nodeIndexById.get(node.parentId);
    if (parentIndex !== undefined) hasParent[parentIndex] = 1;
  }

  const severity = mode === "submit" ? "error" : "warning";
  index.nodes.forEach((node, i) => {
    if (!isFirstWithId(index, i)) return;
    for (const rule of MISSING_CHILD_RULES) {
      if (LINK_RULES[rule.via].from !== node.kind || hasChildVia.get(rule.via)?.[i] === 1) continue;
      const message = `${describeNode(node)} ${rule.missing}.`;
      list.add({ severity, code: rule.code, message, nodeId: node.id, params: { kind: node.kind, name: node.name } }, node.name);
    }
    if (NEEDS_PARENT.has(node.kind) && hasParent[i] !== 1) {
      const message = unusedMessage(node.kind, describeNode(node));
      const params = { kind: node.kind, name: node.name, parents: allowedParentKinds(node.kind).join("|") };
      list.add({ severity: "warning", code: "unused_node", message, nodeId: node.id, params }, node.name);
    }
  });
}

// e.g. `Competency "Noting and drafting" is not linked to any activity or role.`
function unusedMessage(kind: NodeKind, described: string): string {
  const parents = allowedParentKinds(kind).map((k) => NODE_KIND_LABELS[k].toLocaleLowerCase("en"));
  return `${described} is not linked to any ${joinWords(parents, "or")}.`;
}
