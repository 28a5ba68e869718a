/** Turns a demo framework file (names, no ids) into rows with stable ids. */
import { defaultScaleIdFor } from "./seed-scales";
import { domainCompetencyId, stableId } from "./ids";
import type { FrameworkNodeKind, Importance, LinkKind } from "../schemas/enums";
import type * as t from "./schema";
import type { DemoFile } from "./seed-files";

type Options = {
  frameworkId: string;
  mdoId: string;
  authorId: string;
  competencyIdFor: (ref: string) => string;
};

export type DemoRows = {
  domainCompetencies: (typeof t.competencies.$inferInsert)[];
  nodes: (typeof t.nodes.$inferInsert)[];
  links: (typeof t.links.$inferInsert)[];
};

/** Builds the rows of one demo framework; throws naming the first name that resolves to nothing. */
export function buildDemoFramework(file: DemoFile, o: Options): DemoRows {
  const source = file.source;
  const key = (kind: string, name: string) => stableId(`demo:${file.mdo}/${kind}/${name}`);
  const nodes: DemoRows["nodes"] = [];
  const links: DemoRows["links"] = [];
  const known = new Set<string>();

  const addNode = (kind: FrameworkNodeKind, n: { name: string; nameHi?: string; description?: string }, i: number, extra = {}) => {
    const id = key(kind, n.name);
    known.add(id);
    nodes.push({
      id,
      frameworkId: o.frameworkId,
      kind,
      name: n.name,
      nameHi: n.nameHi ?? null,
      description: n.description ?? "",
      source,
      sortOrder: i,
      createdBy: o.authorId,
      ...extra,
    });
    return id;
  };
  const need = (kind: string, name: string, from: string) => {
    const id = key(kind, name);
    if (!known.has(id)) throw new Error(`demo framework ${file.mdo}: ${from} names unknown ${kind} "${name}"`);
    return id;
  };
  type Requirement = { level: number; importance?: Importance };
  const link = (kind: LinkKind, fromId: string, to: { node?: string; competency?: string }, order: number, req?: Requirement) =>
    links.push({
      id: stableId(`demo:${file.mdo}/link/${fromId}/${to.node ?? to.competency}`),
      frameworkId: o.frameworkId,
      kind,
      fromId,
      toNodeId: to.node ?? null,
      toCompetencyId: to.competency ?? null,
      level: req?.level ?? null,
      importance: req?.importance ?? null,
      sortOrder: order,
    });

  const domainCompetencies = file.domainCompetencies.map((c, i) => ({
    id: domainCompetencyId(file.mdo, c.name),
    type: "Domain" as const,
    name: c.name,
    nameHi: c.nameHi ?? null,
    description: c.description,
    mdoId: o.mdoId,
    scaleId: defaultScaleIdFor(c.levels),
    source,
    sortOrder: i,
  }));

  file.knowledgeResources.forEach((r, i) =>
    addNode("knowledge_resource", r, i, { url: r.url ?? null, resourceType: r.resourceType ?? null }),
  );
  file.activities.forEach((a, i) => addNode("activity", a, i));
  file.roles.forEach((r, i) => addNode("role", r, i));
  file.positions.forEach((p, i) => addNode("position", p, i, { sanctionedPosts: p.sanctionedPosts ?? null }));

  for (const p of file.positions) {
    const id = key("position", p.name);
    p.roles.forEach((r, i) => link("position_role", id, { node: need("role", r, `position "${p.name}"`) }, i));
    p.resources.forEach((r, i) =>
      link("position_resource", id, { node: need("knowledge_resource", r, `position "${p.name}"`) }, i),
    );
  }
  for (const r of file.roles) {
    const id = key("role", r.name);
    r.activities.forEach((a, i) => link("role_activity", id, { node: need("activity", a, `role "${r.name}"`) }, i));
    r.competencies.forEach((c, i) =>
      link("role_competency", id, { competency: o.competencyIdFor(c.competency) }, i, c),
    );
  }
  for (const a of file.activities) {
    const id = key("activity", a.name);
    a.competencies.forEach((c, i) =>
      link("activity_competency", id, { competency: o.competencyIdFor(c.competency) }, i, c),
    );
    a.resources.forEach((r, i) =>
      link("activity_resource", id, { node: need("knowledge_resource", r, `activity "${a.name}"`) }, i),
    );
  }
  return { domainCompetencies, nodes, links };
}
