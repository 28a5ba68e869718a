import type { FracNode } from "./frac-document";
import { describeNode, type FindingList } from "./findings";
import { isBlank, normalizeName } from "./text";
import type { DocumentIndex } from "./validator-index";

/**
 * Likely duplicates inside one draft: two roles whose names are nearly the same (character
 * trigrams of the normalised names, in written and in sorted word order) and that perform the
 * same activities (by name, so a reused copy counts). Identical names are duplicate_name's.
 */

/** How alike two names must be (Jaccard of their trigram sets) to be called nearly the same. */
export const NEAR_NAME_SIMILARITY = 0.55;

function trigramSet(text: string): Set<string> {
  const chars = [..." ", ...text, " "];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** 0..1: how alike two normalised names are, word order aside. */
export function nameSimilarity(a: string, b: string): number {
  const sorted = (s: string) => s.split(" ").sort().join(" ");
  return Math.max(jaccard(trigramSet(a), trigramSet(b)), jaccard(trigramSet(sorted(a)), trigramSet(sorted(b))));
}

type RoleEntry = { node: FracNode; name: string; grams?: number };

/** Adds a likely_duplicate_role warning for each such pair (on the later role, naming the earlier). */
export function checkLikelyDuplicateRoles(index: DocumentIndex, list: FindingList): void {
  const activities = new Map<string, string[]>();
  index.links.forEach((link, i) => {
    if (link.kind !== "role_activity") return;
    const from = index.linkFrom[i]!;
    const to = index.linkTo[i]!;
    if (from < 0 || to < 0 || index.nodes[to]!.kind !== "activity") return;
    const role = index.nodes[from]!;
    activities.set(role.id, [...(activities.get(role.id) ?? []), normalizeName(index.nodes[to]!.name)]);
  });
  // Only roles with the very same activities can be duplicates: group them by that set first.
  const groups = new Map<string, RoleEntry[]>();
  index.nodes.forEach((node, i) => {
    if (node.kind !== "role" || !index.firstWithId[i] || isBlank(node.name)) return;
    const names = activities.get(node.id);
    if (!names?.length) return;
    const key = [...new Set(names)].sort().join("\u0000");
    const group = groups.get(key) ?? [];
    group.push({ node, name: normalizeName(node.name) });
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    for (let j = 1; j < group.length; j++) {
      const later = group[j]!;
      const earlier = group.slice(0, j).find((e) => e.name !== later.name && nameSimilarity(e.name, later.name) >= NEAR_NAME_SIMILARITY);
      if (!earlier) continue;
      const count = activities.get(later.node.id)!.length;
      const message = `${describeNode(later.node)} looks like a duplicate of ${describeNode(earlier.node)} (id ${earlier.node.id}): nearly the same name and the same ${count === 1 ? "activity" : `${count} activities`}. Keep one and link it to both positions, or tell them apart.`;
      const params = { kind: "role" as const, name: later.node.name, otherKind: "role" as const, otherName: earlier.node.name, otherId: earlier.node.id, count };
      list.add({ severity: "warning", code: "likely_duplicate_role", message, nodeId: later.node.id, params }, later.node.name);
    }
  }
}
