import type { FracDocument, FracLink, FracNode } from "./frac-document";
import { levelInScale } from "./scale";

/**
 * Completeness: how much of a framework (and of each position in it) is filled in, from 0 to 100,
 * explained item by item. The rule, in one sentence: each item is the share of things that have
 * what they should (positions with roles, roles with activities, …); the score is the weighted
 * mean of those shares, rounded to a whole number, and an item with nothing to count yet (no roles
 * at all) counts as 0 %, since what is missing is the thing itself.
 *
 * A position's score uses the same items on what hangs below it: the position, its roles, their
 * activities and those roles' and activities' requirement links. Pure: the pages, the CLI and the
 * CBC's dashboard get the same numbers from a draft or a published version.
 */

/** The items, in the order the pages list them, with their weight in the score. */
export const COMPLETENESS_ITEMS = {
  positionsWithRoles: 2,
  rolesWithActivities: 2,
  activitiesWithCompetencies: 2,
  requirementsWithLevels: 2,
  requirementsWithImportance: 1,
  nodesWithDescriptions: 1,
  nodesWithHindiNames: 1,
  positionsWithPosts: 1,
} as const;
export type CompletenessKey = keyof typeof COMPLETENESS_ITEMS;
const KEYS = Object.keys(COMPLETENESS_ITEMS) as CompletenessKey[];

/** How many examples of what is missing an item names (the pages show them; the count is in `total - done`). */
export const MISSING_EXAMPLES_MAX = 5;

/** Something that lacks what an item asks for: a node, or a requirement named "from → competency" (id: the node it starts from). */
export type MissingExample = { id: string; name: string };
export type CompletenessItem = { key: CompletenessKey; weight: number; done: number; total: number; missing: MissingExample[] };
export type CompletenessScore = { score: number; items: CompletenessItem[] };
export type PositionCompleteness = CompletenessScore & { id: string; name: string; nameHi?: string };
export type Completeness = CompletenessScore & { positions: PositionCompleteness[] };
/** What a page shows of a framework's completeness: its items, and each position's name and score only. */
export type CompletenessSummary = CompletenessScore & { positions: Pick<PositionCompleteness, "id" | "name" | "nameHi" | "score">[] };

/** The summary a page sends (each position's own items stay on the profile pages: 30 KB of page data on CBIC). */
export function completenessSummary({ score, items, positions }: Completeness): CompletenessSummary {
  return { score, items, positions: positions.map(({ id, name, nameHi, score }) => ({ id, name, nameHi, score })) };
}

/** The score of a list of items: weighted mean of done / total (0 where total is 0), 0–100, rounded. */
export function scoreOf(items: readonly Pick<CompletenessItem, "weight" | "done" | "total">[]): number {
  let earned = 0;
  let weights = 0;
  for (const item of items) {
    weights += item.weight;
    if (item.total > 0) earned += (item.weight * item.done) / item.total;
  }
  return weights === 0 ? 0 : Math.round((earned / weights) * 100);
}

type Counter = { done: number; total: number; missing: MissingExample[] };
type Counters = Record<CompletenessKey, Counter>;
const emptyCounters = (): Counters => ({
  positionsWithRoles: { done: 0, total: 0, missing: [] },
  rolesWithActivities: { done: 0, total: 0, missing: [] },
  activitiesWithCompetencies: { done: 0, total: 0, missing: [] },
  requirementsWithLevels: { done: 0, total: 0, missing: [] },
  requirementsWithImportance: { done: 0, total: 0, missing: [] },
  nodesWithDescriptions: { done: 0, total: 0, missing: [] },
  nodesWithHindiNames: { done: 0, total: 0, missing: [] },
  positionsWithPosts: { done: 0, total: 0, missing: [] },
});
function finish(counters: Counters): CompletenessScore {
  const items = KEYS.map((key) => ({ key, weight: COMPLETENESS_ITEMS[key], ...counters[key] }));
  return { score: scoreOf(items), items };
}

const filled = (text: string | undefined) => text !== undefined && /\S/u.test(text);

/** The document's completeness, and each position's, positions in document order. */
export function computeCompleteness(doc: FracDocument): Completeness {
  const byId = new Map<string, FracNode>();
  for (const node of doc.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const kindIs = (id: string, kind: FracNode["kind"]) => byId.get(id)?.kind === kind;
  const roles = new Map<string, string[]>();
  const activities = new Map<string, string[]>();
  const requirements = new Map<string, FracLink[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const link of doc.links) {
    // Links whose ends are missing or of the wrong kind are the validator's business; they count for nothing here.
    if (link.kind === "position_role" && kindIs(link.from, "position") && kindIs(link.to, "role")) push(roles, link.from, link.to);
    else if (link.kind === "role_activity" && kindIs(link.from, "role") && kindIs(link.to, "activity")) push(activities, link.from, link.to);
    else if (link.kind === "role_competency" && kindIs(link.from, "role") && kindIs(link.to, "competency")) push(requirements, link.from, link);
    else if (link.kind === "activity_competency" && kindIs(link.from, "activity") && kindIs(link.to, "competency")) push(requirements, link.from, link);
  }
  const hasActivityRequirement = (activity: string) => (requirements.get(activity)?.length ?? 0) > 0;
  // why two helpers and no callbacks: they run about 150,000 times on a 20,000-node framework.
  const countNode = (c: Counter, ok: boolean, node: FracNode) => {
    c.total += 1;
    if (ok) c.done += 1;
    else if (c.missing.length < MISSING_EXAMPLES_MAX) c.missing.push({ id: node.id, name: node.name });
  };
  const countLink = (c: Counter, ok: boolean, link: FracLink) => {
    c.total += 1;
    if (ok) c.done += 1;
    else if (c.missing.length < MISSING_EXAMPLES_MAX) c.missing.push({ id: link.from, name: `${byId.get(link.from)?.name ?? ""} → ${byId.get(link.to)?.name ?? ""}` });
  };

  const countText = (c: Counters, node: FracNode) => {
    countNode(c.nodesWithDescriptions, filled(node.description), node);
    countNode(c.nodesWithHindiNames, filled(node.nameHi), node);
  };
  const countRequirements = (c: Counters, from: string) => {
    const list = requirements.get(from);
    if (!list) return;
    for (const link of list) {
      const competency = byId.get(link.to);
      const levelOk = link.level !== undefined && competency?.kind === "competency" && levelInScale(competency.scale, link.level);
      countLink(c.requirementsWithLevels, levelOk, link);
      countLink(c.requirementsWithImportance, link.importance !== undefined, link);
    }
  };
  const countPosition = (c: Counters, node: FracNode) => {
    countNode(c.positionsWithRoles, (roles.get(node.id)?.length ?? 0) > 0, node);
    countNode(c.positionsWithPosts, node.kind === "position" && node.sanctionedPosts !== undefined, node);
    countText(c, node);
  };
  const countRole = (c: Counters, node: FracNode) => {
    countNode(c.rolesWithActivities, (activities.get(node.id)?.length ?? 0) > 0, node);
    countText(c, node);
    countRequirements(c, node.id);
  };
  const countActivity = (c: Counters, node: FracNode) => {
    countNode(c.activitiesWithCompetencies, hasActivityRequirement(node.id), node);
    countText(c, node);
    countRequirements(c, node.id);
  };

  const whole = emptyCounters();
  const positions: PositionCompleteness[] = [];
  const seen = new Set<string>();
  for (const node of doc.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    if (node.kind === "position") {
      countPosition(whole, node);
      positions.push({ id: node.id, name: node.name, ...(node.nameHi ? { nameHi: node.nameHi } : {}), ...positionScore(node) });
    } else if (node.kind === "role") countRole(whole, node);
    else if (node.kind === "activity") countActivity(whole, node);
  }
  return { ...finish(whole), positions };

  function positionScore(position: FracNode): CompletenessScore {
    const c = emptyCounters();
    countPosition(c, position);
    const seenRoles = new Set<string>();
    const seenActivities = new Set<string>();
    for (const role of roles.get(position.id) ?? []) {
      if (seenRoles.has(role)) continue;
      seenRoles.add(role);
      countRole(c, byId.get(role)!);
      for (const activity of activities.get(role) ?? []) {
        if (seenActivities.has(activity)) continue;
        seenActivities.add(activity);
        countActivity(c, byId.get(activity)!);
      }
    }
    return finish(c);
  }
}
