/**
 * The framework as an outline: positions → roles → activities → competencies.
 * Pure, built from a FracDocument, so the same view can come from a draft or a published version.
 */
import type { CompetencyNode, FracDocument, FracLink, FracNode } from "@schemas/frac-document";

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

/** Builds the outline; children follow their link order, unattached nodes are left out. */
export function buildOutline(doc: FracDocument): Outline {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const shown = new Map<string, OutlineNode>();
  const shownOf = (n: FracNode): OutlineNode => {
    let found = shown.get(n.id);
    if (!found) {
      const { source: _source, createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = n;
      found = rest;
      shown.set(n.id, found);
    }
    return found;
  };
  const children = new Map<string, FracLink[]>();
  for (const l of doc.links) {
    const list = children.get(l.from);
    if (list) list.push(l);
    else children.set(l.from, [l]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

  const linksOf = (id: string, kind: FracLink["kind"]) =>
    (children.get(id) ?? []).filter((l) => l.kind === kind && byId.has(l.to));
  const slim = new Map<string, OutlineCompetency>();
  const slimOf = (c: CompetencyNode): OutlineCompetency => {
    let found = slim.get(c.id);
    if (!found) {
      found = { id: c.id, name: c.name, nameHi: c.nameHi, competencyType: c.competencyType, scale: { levels: c.scale.levels.map(({ level, name }) => ({ level, name })) } };
      slim.set(c.id, found);
    }
    return found;
  };
  const requirements = (id: string, kind: "role_competency" | "activity_competency"): Requirement[] =>
    linksOf(id, kind).flatMap((l) => {
      const c = byId.get(l.to);
      return c && c.kind === "competency" ? [{ linkId: l.id, level: l.level ?? 0, competency: slimOf(c) }] : [];
    });
  const resources = (id: string, kind: "position_resource" | "activity_resource") =>
    linksOf(id, kind).map((l) => ({ linkId: l.id, node: shownOf(byId.get(l.to)!) }));

  const positions = doc.nodes
    .filter((n) => n.kind === "position")
    .map((p) => ({
      node: shownOf(p),
      resources: resources(p.id, "position_resource"),
      roles: linksOf(p.id, "position_role").map((rl) => ({
        linkId: rl.id,
        node: shownOf(byId.get(rl.to)!),
        requirements: requirements(rl.to, "role_competency"),
        activities: linksOf(rl.to, "role_activity").map((al) => ({
          linkId: al.id,
          node: shownOf(byId.get(al.to)!),
          requirements: requirements(al.to, "activity_competency"),
          resources: resources(al.to, "activity_resource"),
        })),
      })),
    }));

  const counts = { position: 0, role: 0, activity: 0, competency: 0, knowledge_resource: 0, links: doc.links.length };
  for (const n of doc.nodes) counts[n.kind] += 1;
  return { positions, counts };
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
