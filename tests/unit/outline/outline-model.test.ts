import { describe, expect, it } from "vitest";
import { buildOutline, buildOutlineData, expandOutline } from "~/components/outline/outline-model";
import { makeExportDocument } from "../../factories/export-framework";

describe("buildOutline", () => {
  it("nests positions → roles → activities → requirements in link order", () => {
    const { doc, n } = makeExportDocument();
    const outline = buildOutline(doc);
    expect(outline.positions.map((p) => p.node.name)).toEqual([n.us.name, n.so.name, n.idle.name]);
    const budget = outline.positions[0]!.roles[0]!;
    expect(budget.node.id).toBe(n.budget.id);
    expect(budget.activities.map((a) => a.node.name)).toEqual([n.draftNote.name, n.consolidate.name]);
    expect(budget.requirements).toEqual([expect.objectContaining({ level: 3, competency: expect.objectContaining({ id: n.integrity.id }) })]);
    expect(budget.activities[1]!.requirements.map((r) => [r.competency.name, r.level])).toEqual([
      [n.finance.name, 4],
      [n.drafting.name, 2],
    ]);
    expect(outline.counts).toMatchObject({ position: 3, role: 4, activity: 3, competency: 3, knowledge_resource: 2, links: doc.links.length });
  });

  it("carries what the outline shows and not the nodes' provenance or the competencies' long text", () => {
    const { doc, n } = makeExportDocument();
    const outline = buildOutline(doc);
    const position = outline.positions[0]!.node;
    expect(position).toMatchObject({ id: n.us.id, name: n.us.name, nameHi: n.us.nameHi, description: n.us.description });
    for (const key of ["source", "createdBy", "createdAt", "updatedAt"]) expect(position).not.toHaveProperty(key);

    const finance = outline.positions[0]!.roles[0]!.activities[1]!.requirements[0]!.competency;
    expect(finance).toEqual({
      id: n.finance.id,
      name: n.finance.name,
      nameHi: n.finance.nameHi,
      competencyType: "Functional",
      scale: { levels: n.finance.scale.levels.map(({ level, name }) => ({ level, name })) },
    });
    // The whole outline, as the page sends it, holds no level descriptor and no competency description.
    const wire = JSON.stringify(buildOutlineData(doc));
    expect(wire).not.toContain(n.finance.scale.levels[0]!.descriptor);
    expect(wire).not.toContain(n.drafting.description!);
  });

  it("sends a shared role, its activities and its competencies once, and the page rebuilds the same tree", () => {
    const { doc, n } = makeExportDocument();
    const data = buildOutlineData(doc);
    // The budget role sits under two positions: in the tree twice, in the data once.
    const tree = buildOutline(doc);
    expect(tree.positions.flatMap((p) => p.roles).filter((r) => r.node.id === n.budget.id)).toHaveLength(2);
    const wire = JSON.stringify(data);
    expect(wire.split(n.budget.description!.replaceAll('"', '\\"')).length - 1).toBe(1);
    expect(Object.keys(data.competencies).sort()).toEqual([n.finance.id, n.integrity.id, n.drafting.id].sort());
    // What the page rebuilds from the JSON it receives is the tree the server would have sent.
    expect(expandOutline(JSON.parse(wire))).toEqual(tree);
    expect(wire.length).toBeLessThan(JSON.stringify(tree).length);
  });

  it("leaves out links to nodes the document does not hold", () => {
    const { doc, n } = makeExportDocument();
    const ghost = { ...doc.links.find((l) => l.from === n.consolidate.id && l.to === n.finance.id)!, id: "ghost-link", to: "no-such-node" };
    const outline = buildOutline({ ...doc, links: [...doc.links, ghost] });
    const consolidate = outline.positions[0]!.roles[0]!.activities[1]!;
    expect(consolidate.requirements.map((r) => r.linkId)).not.toContain("ghost-link");
    expect(consolidate.requirements).toHaveLength(2);
  });
});
