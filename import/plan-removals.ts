/**
 * Replace mode: what the draft loses when the file replaces it. Listed in the plan so the
 * preview shows every removal before anything happens; merge mode never calls this.
 */
import type { LinkKind } from "@schemas/enums";
import type { ImportFinding } from "./findings";
import type { CollectedLink } from "./plan-types";
import type { NodeResolver } from "./plan-nodes";
import {
  type LinkMap,
  type DictionaryCompetency,
  type ExistingSnapshot,
  type ImportPlan,
  type RemovedLink,
} from "./plan-types";
import type { ImportRecords } from "./records";

// Links a flat file or a document can state; links to knowledge resources are not among them.
const CHAIN_LINK_KINDS: ReadonlySet<LinkKind> = new Set([
  "position_role",
  "role_activity",
  "activity_competency",
  "role_competency",
]);

/** Fills the plan's `remove` lists (nodes and links); a file without framework nodes removes nothing. */
export function planRemovals(
  plan: ImportPlan,
  nodes: NodeResolver,
  existing: ExistingSnapshot,
  links: LinkMap<CollectedLink>,
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
  // Every framework node and chain link the file does not mention goes, and any link that would
  // dangle once they are gone. Knowledge resources have no column in a file, so they stay.
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
    const stated = links.get(link.from, link.to) !== undefined;
    const dangles = removed.has(link.from) || removed.has(link.to);
    if ((CHAIN_LINK_KINDS.has(link.kind) && !stated) || dangles) {
      const removal: RemovedLink = {
        ...link,
        fromName: names.get(link.from) ?? link.from,
        toName: names.get(link.to) ?? link.to,
      };
      plan.links.remove.push(removal);
    }
  }
}
