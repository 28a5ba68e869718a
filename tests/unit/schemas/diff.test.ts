import { describe, expect, it } from "vitest";
import { diffDocuments, diffStatusById } from "@schemas/diff";
import type { FracDocument } from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, makeResource, makeRole, nodeOf } from "./doc-factory";

/** A deep copy to edit as the "after" side. */
const copy = (doc: FracDocument): FracDocument => structuredClone(doc);

describe("diffDocuments", () => {
  it("reports nothing for identical documents, whatever their version, status and timestamps", () => {
    const before = makeFracDocument();
    const after = { ...copy(before), version: 2, status: "PUBLISHED" as const, revision: 9, publishedAt: "2025-03-12T14:03:00.000Z" };
    after.nodes = after.nodes.map((n) => ({ ...n, updatedAt: "2025-03-12T14:03:00.000Z", createdBy: "Someone else" }));
    const diff = diffDocuments(before, after);
    expect(diff.summary).toEqual({ nodesAdded: 0, nodesRemoved: 0, nodesChanged: 0, linksAdded: 0, linksRemoved: 0, linksChanged: 0, identical: true });
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
  });

  it("lists added and removed nodes and links with the names of their ends", () => {
    const before = makeFracDocument();
    const after = copy(before);
    const role = nodeOf(after, "role");
    const activity = makeActivity({ name: "Prepare the outcome budget" });
    const link = makeLink(role, activity);
    after.nodes.push(activity);
    after.links.push(link);
    const resource = makeResource();
    before.nodes.push(resource);

    const diff = diffDocuments(before, after);
    expect(diff.nodes.added).toEqual([{ id: activity.id, kind: "activity", name: "Prepare the outcome budget" }]);
    expect(diff.nodes.removed).toEqual([{ id: resource.id, kind: "knowledge_resource", name: resource.name }]);
    expect(diff.links.added).toEqual([
      { id: link.id, kind: "role_activity", from: { id: role.id, kind: "role", name: role.name }, to: { id: activity.id, kind: "activity", name: activity.name }, level: null, order: null },
    ]);
    expect(diff.summary).toMatchObject({ nodesAdded: 1, nodesRemoved: 1, linksAdded: 1, linksRemoved: 0, identical: false });
  });

  it("matches nodes by id: a rename is a change of name, field by field, with absent fields as null", () => {
    const before = makeFracDocument();
    const after = copy(before);
    const role = nodeOf(after, "role");
    Object.assign(role, { name: "Budget formulation", nameHi: "बजट निर्माण", description: "Frames the budget." });
    const diff = diffDocuments(before, after);
    expect(diff.nodes.added).toEqual([]);
    expect(diff.nodes.changed).toEqual([
      {
        id: role.id,
        kind: "role",
        name: "Budget formulation",
        changes: [
          { field: "name", before: "Budget preparation", after: "Budget formulation" },
          { field: "nameHi", before: null, after: "बजट निर्माण" },
          { field: "description", before: null, after: "Frames the budget." },
        ],
      },
    ]);
  });

  it("treats an emptied optional text as removed, not as a change from text to empty text", () => {
    const before = makeFracDocument();
    nodeOf(before, "position").description = "Heads the budget section.";
    const after = copy(before);
    nodeOf(after, "position").description = "";
    expect(diffDocuments(before, after).nodes.changed[0].changes).toEqual([{ field: "description", before: "Heads the budget section.", after: null }]);
  });

  it("compares a knowledge resource's web address and type", () => {
    const before = makeFracDocument({ nodes: [makeResource({ url: "https://a.example/gfr", resourceType: "Rule" })], links: [] });
    const after = copy(before);
    Object.assign(after.nodes[0], { url: "https://b.example/gfr", resourceType: "Manual" });
    expect(diffDocuments(before, after).nodes.changed[0].changes).toEqual([
      { field: "url", before: "https://a.example/gfr", after: "https://b.example/gfr" },
      { field: "resourceType", before: "Rule", after: "Manual" },
    ]);
  });

  it("compares a competency's text and scale level by level, including a change in the number of levels", () => {
    const competency = makeCompetency({ description: "Manages public money." });
    const before = makeFracDocument({ nodes: [competency], links: [] });
    const after = copy(before);
    const changed = after.nodes[0] as typeof competency;
    changed.description = "Plans and controls public money.";
    changed.scale = defaultScale(3);
    changed.scale.levels[1].descriptor = "Works without constant supervision.";

    const fields = diffDocuments(before, after).nodes.changed[0].changes;
    expect(fields).toEqual([
      { field: "description", before: "Manages public money.", after: "Plans and controls public money." },
      { field: "scale.levels", before: 5, after: 3 },
      { field: "scale[2].descriptor", before: defaultScale(5).levels[1].descriptor, after: "Works without constant supervision." },
      { field: "scale[4].name", before: "Expert", after: null },
      { field: "scale[4].descriptor", before: defaultScale(5).levels[3].descriptor, after: null },
      { field: "scale[5].name", before: "Ustad", after: null },
      { field: "scale[5].descriptor", before: defaultScale(5).levels[4].descriptor, after: null },
    ]);
  });

  it("reports a link's new required level and order, and a link whose end vanished with a null name", () => {
    const before = makeFracDocument();
    const after = copy(before);
    const requirement = after.links.find((l) => l.kind === "activity_competency")!;
    requirement.level = 4;
    requirement.order = 3;
    const ghost = makeRole();
    const dangling = makeLink(ghost, nodeOf(after, "activity"));
    after.links.push(dangling);

    const diff = diffDocuments(before, after);
    expect(diff.links.changed).toHaveLength(1);
    expect(diff.links.changed[0]).toMatchObject({ id: requirement.id, level: 4, to: { kind: "competency" } });
    expect(diff.links.changed[0].changes).toEqual([
      { field: "level", before: 2, after: 4 },
      { field: "order", before: null, after: 3 },
    ]);
    expect(diff.links.added[0].from).toEqual({ id: ghost.id, kind: null, name: null });
  });

  it("indexes every mentioned id by what happened to it, for graph highlights", () => {
    const before = makeFracDocument();
    const after = copy(before);
    const activity = makeActivity();
    after.nodes.push(activity);
    nodeOf(after, "role").name = "Renamed";
    const removed = after.links.pop()!;
    const status = diffStatusById(diffDocuments(before, after));
    expect(status.get(activity.id)).toBe("added");
    expect(status.get(nodeOf(after, "role").id)).toBe("changed");
    expect(status.get(removed.id)).toBe("removed");
    expect(status.get(nodeOf(after, "position").id)).toBeUndefined();
  });
});
