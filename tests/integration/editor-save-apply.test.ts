// Editor saves that succeed: what they write, what they audit, and that one save is one unit.
import { eq, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { kcmId } from "@db/ids";
import { auditLog, competencies, competencyPositions, frameworks, links, nodes } from "@db/schema";
import { defaultScaleIdFor } from "@db/seed-scales";
import type { EditOp } from "@schemas/edit-ops";
import { applyEditOps } from "~/models/draft-save/save.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import {
  auditOf,
  authorId,
  deleteLink,
  deleteNode,
  expectNothingWritten,
  ministry,
  moveNode,
  newCompetency,
  newLink,
  newNode,
  snapshot,
  someNode,
  updateLink,
  updateNode,
} from "../factories/edit-ops";

const DESIGN_THINKING = kcmId("Functional", "Citizen Centricity", "Design Thinking");

function save(changes: EditOp[]) {
  const cbic = ministry("CBIC");
  return applyEditOps({ mdoId: cbic.mdoId, userId: authorId, baseRevision: cbic.revision, ops: changes });
}

describe("applyEditOps, a good save", () => {
  it("creates position → role → activity → competency at level 3, bumps the revision and audits each row", () => {
    const before = ministry("CBIC");
    const topPosition = getDb().select().from(nodes).where(eq(nodes.frameworkId, before.frameworkId)).all()
      .filter((n) => n.kind === "position").reduce((m, n) => Math.max(m, n.sortOrder), -1);
    const position = newNode("position", "Deputy Commissioner (Audit)", { x: 10.4, y: -20.6 });
    const role = newNode("role", "Audit planning");
    const activity = newNode("activity", "Select units for audit by risk");
    const changes = [
      position,
      role,
      activity,
      newLink("position_role", position.id, role.id),
      newLink("role_activity", role.id, activity.id),
      newLink("activity_competency", activity.id, DESIGN_THINKING, { level: 3 }),
    ];

    expect(save(changes)).toEqual({ ok: true, revision: before.revision + 1, applied: 6 });

    const doc = loadDraftDocument({ mdoId: before.mdoId })!;
    expect(doc.revision).toBe(before.revision + 1);
    expect(doc.nodes.find((n) => n.id === position.id)).toMatchObject({ kind: "position", name: "Deputy Commissioner (Audit)", createdBy: "Asha Rao (CBIC HR cell)" });
    expect(doc.nodes.find((n) => n.id === DESIGN_THINKING)).toMatchObject({ kind: "competency", name: "Design Thinking" });
    expect(doc.links.filter((l) => l.from === activity.id)).toEqual([
      expect.objectContaining({ kind: "activity_competency", to: DESIGN_THINKING, level: 3, order: 0 }),
    ]);
    expect(doc.links.find((l) => l.from === position.id)).toMatchObject({ kind: "position_role", to: role.id });

    const stored = getDb().select().from(nodes).where(eq(nodes.id, position.id)).get()!;
    expect(stored).toMatchObject({ sortOrder: topPosition + 1, x: 10, y: -21, createdBy: authorId });
    const fw = getDb().select().from(frameworks).where(eq(frameworks.id, before.frameworkId)).get()!;
    expect(fw.updatedBy).toBe(authorId);
    expect(fw.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stored.createdAt).toBe(fw.updatedAt);

    for (const change of changes) {
      expect(auditOf(change.id)).toEqual([
        expect.objectContaining({ action: "create", userId: authorId, mdoId: before.mdoId, before: null }),
      ]);
    }
    expect(JSON.parse(auditOf(role.id)[0].after!)).toEqual({ kind: "role", name: "Audit planning" });
    expect(JSON.parse(auditOf(changes[5].id)[0].after!)).toEqual({ kind: "activity_competency", from: activity.id, to: DESIGN_THINKING, level: 3, order: 0 });
  });

  it("writes one audit row per changed field on node.update, and none for unchanged fields", () => {
    const { frameworkId } = ministry("CBIC");
    const role = someNode(frameworkId, "role");
    const result = save([updateNode(role.id, { name: "Zonal leadership and oversight", description: role.description, nameHi: "आंचलिक नेतृत्व", source: "" })]);
    expect(result.ok).toBe(true);

    const rows = auditOf(role.id);
    expect(rows.map((r) => [r.action, r.field, r.before, r.after])).toEqual([
      ["update", "name", JSON.stringify(role.name), JSON.stringify("Zonal leadership and oversight")],
      ["update", "nameHi", role.nameHi === null ? null : JSON.stringify(role.nameHi), JSON.stringify("आंचलिक नेतृत्व")],
      ["update", "source", JSON.stringify(role.source), null],
    ]);
    const stored = getDb().select().from(nodes).where(eq(nodes.id, role.id)).get()!;
    expect(stored).toMatchObject({ name: "Zonal leadership and oversight", nameHi: "आंचलिक नेतृत्व", source: null, description: role.description });
    expect(stored.updatedAt > role.updatedAt).toBe(true);

    const again = save([updateNode(role.id, { name: "Zonal leadership and oversight" })]);
    expect(again.ok).toBe(true);
    expect(auditOf(role.id)).toHaveLength(3);
  });

  it("deletes a node with every link from or to it, auditing each", () => {
    const { frameworkId } = ministry("CBIC");
    const role = someNode(frameworkId, "role");
    const touching = () => getDb().select().from(links).where(or(eq(links.fromId, role.id), eq(links.toNodeId, role.id))).all();
    const attached = touching();
    expect(attached.some((l) => l.fromId === role.id) && attached.some((l) => l.toNodeId === role.id)).toBe(true);

    expect(save([deleteNode(role.id)]).ok).toBe(true);

    expect(touching()).toEqual([]);
    expect(getDb().select().from(nodes).where(eq(nodes.id, role.id)).get()).toBeUndefined();
    // Earlier tests in this file may have updated the role, so only its delete row is looked at.
    const deleted = auditOf(role.id).filter((r) => r.action === "delete");
    expect(deleted).toEqual([expect.objectContaining({ entity: "node", after: null })]);
    expect(JSON.parse(deleted[0].before!)).toMatchObject({ kind: "role", name: role.name });
    for (const link of attached) {
      expect(auditOf(link.id)).toEqual([expect.objectContaining({ entity: "link", action: "delete", userId: authorId })]);
    }
  });

  it("moves a node without an audit row (layout, not content)", () => {
    const { frameworkId } = ministry("CBIC");
    const activity = someNode(frameworkId, "activity");
    const audits = getDb().select().from(auditLog).all().length;
    expect(save([moveNode(activity.id, 120.5, 40)]).ok).toBe(true);
    expect(getDb().select().from(nodes).where(eq(nodes.id, activity.id)).get()).toMatchObject({ x: 121, y: 40, updatedAt: activity.updatedAt });
    expect(getDb().select().from(auditLog).all()).toHaveLength(audits);
  });

  it("keeps a competency's place on this framework's canvas, also without an audit row", () => {
    const { frameworkId } = ministry("CBIC");
    const audits = getDb().select().from(auditLog).all().length;
    expect(save([moveNode(DESIGN_THINKING, 5.2, 6), moveNode(DESIGN_THINKING, 7, 8.7)]).ok).toBe(true);
    expect(getDb().select().from(competencyPositions).where(eq(competencyPositions.competencyId, DESIGN_THINKING)).all()).toEqual([
      { frameworkId, competencyId: DESIGN_THINKING, x: 7, y: 9 },
    ]);
    expect(getDb().select().from(auditLog).all()).toHaveLength(audits);
  });

  it("re-creates a deleted node and its links under their old ids, as the editor's undo does", () => {
    const role = newNode("role", "Undo me");
    const activity = newNode("activity", "Undo my link");
    const link = newLink("role_activity", role.id, activity.id);
    expect(save([role, activity, link]).ok).toBe(true);
    expect(save([deleteLink(link.id), deleteNode(role.id)]).ok).toBe(true);
    expect(save([role, link]).ok).toBe(true);
    expect(getDb().select().from(links).where(eq(links.id, link.id)).get()).toMatchObject({ fromId: role.id, toNodeId: activity.id });
    expect(auditOf(role.id).map((r) => r.action)).toEqual(["create", "delete", "create"]);
  });

  it("updates a link's level and order field by field, and deletes a link", () => {
    const { frameworkId } = ministry("CBIC");
    const link = getDb().select().from(links).where(eq(links.frameworkId, frameworkId)).all().find((l) => l.kind === "activity_competency" && l.level !== 2)!;
    expect(save([updateLink(link.id, { level: 2, order: link.sortOrder })]).ok).toBe(true);
    expect(auditOf(link.id).map((r) => [r.field, r.before, r.after])).toEqual([["level", String(link.level), "2"]]);

    expect(save([deleteLink(link.id)]).ok).toBe(true);
    expect(getDb().select().from(links).where(eq(links.id, link.id)).get()).toBeUndefined();
    expect(auditOf(link.id).at(-1)).toMatchObject({ action: "delete", after: null });
  });

  it("creates a Domain competency and links to it in the same save", () => {
    const cbic = ministry("CBIC");
    const activity = someNode(cbic.frameworkId, "activity");
    const competency = newCompetency("Inspection of bonded warehouses", { levels: 3, fields: { name: "Inspection of bonded warehouses", source: "CBIC manual" } });
    const link = newLink("activity_competency", activity.id, competency.id, { level: 3 });
    expect(save([competency, link]).ok).toBe(true);

    expect(getDb().select().from(competencies).where(eq(competencies.id, competency.id)).get()).toMatchObject({
      type: "Domain",
      mdoId: cbic.mdoId,
      scaleId: defaultScaleIdFor(3),
      source: "CBIC manual",
      status: "active",
    });
    expect(getDb().select().from(links).where(eq(links.id, link.id)).get()).toMatchObject({ toCompetencyId: competency.id, toNodeId: null, level: 3 });
    expect(JSON.parse(auditOf(competency.id)[0].after!)).toMatchObject({ type: "Domain", name: "Inspection of bonded warehouses", levels: 3 });
  });

  it("stores hostile and Devanagari text verbatim", () => {
    const hostile = newNode("knowledge_resource", "<script>alert(1)</script>", {
      fields: {
        name: "<script>alert(1)</script>",
        nameHi: "सीमा शुल्क अधिनियम, 1962",
        description: `"'; DROP TABLE nodes; -- ☃ \u200d`,
        url: "https://www.cbic.gov.in/?q=<b>",
        resourceType: "Act",
      },
    });
    expect(save([hostile]).ok).toBe(true);
    expect(getDb().select().from(nodes).where(eq(nodes.id, hostile.id)).get()).toMatchObject(hostile.fields);
  });
});

describe("applyEditOps, all or nothing", () => {
  it("rolls back earlier operations when a later one is refused", () => {
    const { frameworkId } = ministry("CBIC");
    const role = someNode(frameworkId, "role");
    const position = newNode("position", "Joint Commissioner");
    const before = snapshot();
    const result = save([
      position,
      newLink("position_role", position.id, role.id),
      updateNode(role.id, { name: "Renamed in a save that fails" }),
      newCompetency("Warehouse audit"),
      deleteNode(crypto.randomUUID()),
    ]);
    expect(result).toMatchObject({ ok: false, status: 400, opIndex: 4 });
    expectNothingWritten(before);
    expect(getDb().select().from(nodes).where(eq(nodes.id, role.id)).get()!.name).toBe(role.name);
  });

  it("lets later operations use ids made earlier, then give new links the next order", () => {
    const role = newNode("role", "Warehouse supervision");
    const [a, b] = [newNode("activity", "Inspect seals"), newNode("activity", "Reconcile stock")];
    expect(save([role, a, b, newLink("role_activity", role.id, a.id), newLink("role_activity", role.id, b.id), deleteNode(a.id)]).ok).toBe(true);
    const kept = getDb().select().from(links).where(eq(links.fromId, role.id)).all();
    expect(kept.map((l) => [l.toNodeId, l.sortOrder])).toEqual([[b.id, 1]]);
  });
});
