/**
 * The framework as an outline: positions → roles → activities → competencies.
 * Pure, built from a FracDocument, so the same view can come from a draft or a published version.
 */
import type { LinkKind } from "@schemas/enums";
import type { CompetencyNode, FracDocument, FracNode } from "@schemas/frac-document";

/**
 * What the outline shows of a required competency: its name, type and the scale's level names. Not the
 * whole dictionary entry: CBIC's 700 requirements each carried the description and five level
 * descriptors, 1.6 MB of loader data that made the page the slowest in the load bench.
 */
export type OutlineCompetency = Pick<CompetencyNode, "id" | "name" | "nameHi" | "competencyType"> & {
  scale: { levels: { level: number; name: string }[] };
};
export type Requirement = { linkId: string; level: number; competency: OutlineCompetency };
/**
 * A node as the outline carries it: without its provenance (`source`, `createdBy`, the dates), which no
 * outline shows and which, repeated wherever an activity appears under several roles, was a third of the page.
 */
export type OutlineNode = DistributiveOmit<FracNode, "source" | "createdBy" | "createdAt" | "updatedAt">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type OutlineResource = { linkId: string; node: OutlineNode };
export type OutlineActivity = { linkId: string; node: OutlineNode; requirements: Requirement[]; resources: OutlineResource[] };
export type OutlineRole = { linkId: string; node: OutlineNode; activities: OutlineActivity[]; requirements: Requirement[] };
export type OutlinePosition = { node: OutlineNode; roles: OutlineRole[]; resources: OutlineResource[] };

export type Outline = {
  positions: OutlinePosition[];
  counts: Record<FracNode["kind"], number> & { links: number };
};

/**
 * The outline as a loader sends it: every node and competency once, and each node's links once.
 * Why not the tree: a role appears under every position that holds it and an activity under every
 * role, so CBIC's 33 roles became 90 copies and its 63 competencies 597; the tree was 438 KB of page
 * data that the server stringified, parsed, stringified and escaped again on every request, and the
 * outline page was the one that timed out under load. `expandOutline` rebuilds the tree in the page.
 */
export type OutlineData = {
  counts: Outline["counts"];
  positionIds: string[];
  nodes: Record<string, OutlineNode>;
  competencies: Record<string, OutlineCompetency>;
  /** Each node's links in link order, by kind: [link id, target id, level] (level on requirements only). */
  links: Record<string, Partial<Record<OutlineLinkKind, OutlineEdge[]>>>;
};
type OutlineLinkKind = LinkKind;
type OutlineEdge = [linkId: string, to: string] | [linkId: string, to: string, level: number];

/** The outline's data from a document; children follow their link order, unattached nodes are left out. */
export function buildOutlineData(doc: FracDocument): OutlineData {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const nodes: OutlineData["nodes"] = {};
  const competencies: OutlineData["competencies"] = {};
  for (const n of doc.nodes) {
    if (n.kind === "competency") {
      competencies[n.id] = { id: n.id, name: n.name, nameHi: n.nameHi, competencyType: n.competencyType, scale: { levels: n.scale.levels.map(({ level, name }) => ({ level, name })) } };
    } else {
      const { source: _source, createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = n;
      nodes[n.id] = rest;
    }
  }
  const sorted = [...doc.links].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const links: OutlineData["links"] = {};
  for (const l of sorted) {
    if (!byId.has(l.to) || !byId.has(l.from)) continue;
    const kind = l.kind;
    const edge: OutlineEdge = kind === "role_competency" || kind === "activity_competency" ? [l.id, l.to, l.level ?? 0] : [l.id, l.to];
    ((links[l.from] ??= {})[kind] ??= []).push(edge);
  }
  const counts = { position: 0, role: 0, activity: 0, competency: 0, knowledge_resource: 0, links: doc.links.length };
  for (const n of doc.nodes) counts[n.kind] += 1;
  return { counts, positionIds: doc.nodes.filter((n) => n.kind === "position").map((n) => n.id), nodes, competencies, links };
}

/** The tree the outline views walk, from the data a loader sent: nodes are shared, not copied. */
export function expandOutline(data: OutlineData): Outline {
  const edges = (id: string, kind: OutlineLinkKind) => data.links[id]?.[kind] ?? [];
  const requirements = (id: string, kind: "role_competency" | "activity_competency"): Requirement[] =>
    edges(id, kind).flatMap(([linkId, to, level]) => {
      const competency = data.competencies[to];
      return competency ? [{ linkId, level: level ?? 0, competency }] : [];
    });
  const resources = (id: string, kind: "position_resource" | "activity_resource"): OutlineResource[] =>
    edges(id, kind).flatMap(([linkId, to]) => (data.nodes[to] ? [{ linkId, node: data.nodes[to] }] : []));
  const activities = new Map<string, Omit<OutlineActivity, "linkId">>();
  const activityOf = (id: string) => {
    let found = activities.get(id);
    if (!found) {
      found = { node: data.nodes[id]!, requirements: requirements(id, "activity_competency"), resources: resources(id, "activity_resource") };
      activities.set(id, found);
    }
    return found;
  };
  const positions = data.positionIds.map((id) => ({
    node: data.nodes[id]!,
    resources: resources(id, "position_resource"),
    roles: edges(id, "position_role").map(([linkId, roleId]) => ({
      linkId,
      node: data.nodes[roleId]!,
      requirements: requirements(roleId, "role_competency"),
      activities: edges(roleId, "role_activity").map(([activityLinkId, activityId]) => ({ linkId: activityLinkId, ...activityOf(activityId) })),
    })),
  }));
  return { positions, counts: data.counts };
}

/** Builds the outline tree of a document (for server code that walks it). */
export function buildOutline(doc: FracDocument): Outline {
  return expandOutline(buildOutlineData(doc));
}

/** Every node the outline shows, to tell which nodes are attached to no position. */
export function outlineNodeIds(outline: Outline): Set<string> {
  const ids = new Set<string>();
  for (const p of outline.positions) {
    ids.add(p.node.id);
    p.resources.forEach((r) => ids.add(r.node.id));
    for (const r of p.roles) {
      ids.add(r.node.id);
      for (const a of r.activities) {
        ids.add(a.node.id);
        a.resources.forEach((x) => ids.add(x.node.id));
      }
    }
  }
  return ids;
}
