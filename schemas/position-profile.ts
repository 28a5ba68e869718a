import { positionNeeds } from "./demand";
import { IMPORTANCE_LEVELS, type CompetencyType, type Importance, type ResourceType } from "./enums";
import type { FracDocument, FracLink, FracNode } from "./frac-document";
import { indicatorsByLevel, type LevelIndicators } from "./indicators";

/**
 * A position's profile: what an official in that position reads. Its roles and their activities,
 * every competency it needs at the required level (the highest over its paths, the rule competency
 * demand counts by, schemas/demand.ts), that level's indicators (the scale's descriptor where none
 * are written), the highest importance its requirements give, and its knowledge resources. Pure.
 */

type Named = { id: string; name: string; nameHi?: string; description?: string };
export type ProfileResource = Named & { url?: string; resourceType?: ResourceType };
export type ProfileActivity = Named & { competencyIds: string[]; resources: ProfileResource[] };
export type ProfileRole = Named & { competencyIds: string[]; activities: ProfileActivity[] };
export type ProfileCompetency = Named & {
  type: CompetencyType;
  code?: string;
  theme?: string;
  level: number;
  levelName: string | null;
  levelCount: number;
  indicators: string[];
  /** True when no indicators are written for the level and its descriptor stands in. */
  indicatorsAreDefault: boolean;
  importance: Importance | null;
  /** The roles and activities that ask for it, by name. */
  neededBy: string[];
};
export type PositionProfile = {
  position: Named & { sanctionedPosts?: number };
  roles: ProfileRole[];
  competencies: ProfileCompetency[];
  resources: ProfileResource[];
};

/** What a profile was read from: the draft at a revision, or a published version. */
export type SourceLabel = { kind: "draft"; revision: number } | { kind: "version"; number: number; publishedAt: string | null };

/** One line of the list of a framework's profiles. */
/** `posts`: the position's sanctioned posts, null where the framework does not give them. */
export type ProfileSummary = { id: string; name: string; nameHi?: string; posts: number | null; roles: number; competencies: number; score: number };

const named = (n: FracNode): Named => ({ id: n.id, name: n.name, ...(n.nameHi ? { nameHi: n.nameHi } : {}), ...(n.description ? { description: n.description } : {}) });
const resource = (n: FracNode): ProfileResource => ({ ...named(n), ...(n.kind === "knowledge_resource" ? { url: n.url, resourceType: n.resourceType } : {}) });
// essential first: the lower the rank, the more it matters; unrated last.
const rank = (i: Importance | null) => (i === null ? IMPORTANCE_LEVELS.length : IMPORTANCE_LEVELS.indexOf(i));
const TYPE_ORDER: Record<CompetencyType, number> = { Behavioural: 0, Functional: 1, Domain: 2 };

/** The profile of one position of the document, or null when the document has no such position. */
export function buildPositionProfile(doc: FracDocument, positionId: string, indicatorsOf: (competencyId: string) => LevelIndicators): PositionProfile | null {
  const byId = new Map<string, FracNode>();
  for (const n of doc.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const position = byId.get(positionId);
  if (!position || position.kind !== "position") return null;
  const children = new Map<string, FracLink[]>();
  for (const l of doc.links) {
    const list = children.get(l.from);
    if (list) list.push(l);
    else children.set(l.from, [l]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const linked = (from: string, kind: FracLink["kind"], to: FracNode["kind"]) => (children.get(from) ?? []).filter((l) => l.kind === kind && byId.get(l.to)?.kind === to);

  const needs = positionNeeds(doc).get(positionId) ?? new Map<string, number>();
  const importance = new Map<string, Importance | null>();
  const neededBy = new Map<string, Set<string>>();
  const note = (from: FracNode, link: FracLink) => {
    const now = importance.get(link.to) ?? null;
    const given = link.importance ?? null;
    importance.set(link.to, rank(given) < rank(now) ? given : now);
    if (!neededBy.has(link.to)) neededBy.set(link.to, new Set());
    neededBy.get(link.to)!.add(from.name);
  };
  const requirementsOf = (node: FracNode, kind: "role_competency" | "activity_competency") =>
    linked(node.id, kind, "competency").map((l) => {
      note(node, l);
      return l.to;
    });
  const resources = new Map<string, ProfileResource>();
  for (const l of linked(positionId, "position_resource", "knowledge_resource")) resources.set(l.to, resource(byId.get(l.to)!));

  const roles = linked(positionId, "position_role", "role").map((rl): ProfileRole => {
    const role = byId.get(rl.to)!;
    return {
      ...named(role),
      competencyIds: requirementsOf(role, "role_competency"),
      activities: linked(role.id, "role_activity", "activity").map((al) => {
        const activity = byId.get(al.to)!;
        const own = linked(activity.id, "activity_resource", "knowledge_resource").map((l) => resource(byId.get(l.to)!));
        for (const r of own) if (!resources.has(r.id)) resources.set(r.id, r);
        return { ...named(activity), competencyIds: requirementsOf(activity, "activity_competency"), resources: own };
      }),
    };
  });

  const competencies: ProfileCompetency[] = [];
  for (const [id, level] of needs) {
    const c = byId.get(id);
    if (!c || c.kind !== "competency") continue;
    const scaleLevel = c.scale.levels.find((l) => l.level === level);
    const withIndicators = indicatorsByLevel(c.scale.levels, indicatorsOf(id)).find((l) => l.level === level);
    competencies.push({
      ...named(c),
      type: c.competencyType,
      ...(c.code ? { code: c.code } : {}),
      ...(c.theme ? { theme: c.theme } : {}),
      level,
      levelName: scaleLevel?.name ?? null,
      levelCount: c.scale.levels.length,
      indicators: withIndicators?.indicators ?? [],
      indicatorsAreDefault: withIndicators?.isDefault ?? true,
      importance: importance.get(id) ?? null,
      neededBy: [...(neededBy.get(id) ?? [])],
    });
  }
  competencies.sort((a, b) => rank(a.importance) - rank(b.importance) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { position: { ...named(position), ...(position.sanctionedPosts !== undefined ? { sanctionedPosts: position.sanctionedPosts } : {}) }, roles, competencies, resources: [...resources.values()] };
}
