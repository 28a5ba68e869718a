// Importance on requirements and sanctioned posts on positions, through the editor's save: written,
// audited, read back in the draft document; refused with a message (and nothing written) where they do not belong.
import { describe, expect, it } from "vitest";
import { kcmId } from "@db/ids";
import { editOpSchema, type EditOp } from "@schemas/edit-ops";
import { applyEditOps, type ApplyResult } from "~/models/draft-save/save.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { auditOf, authorId, expectNothingWritten, ministry, newLink, newNode, snapshot, someNode, updateLink, updateNode } from "../factories/edit-ops";

const DESIGN_THINKING = kcmId("Functional", "Citizen Centricity", "Design Thinking");
const cbic = () => ministry("CBIC");
const save = (ops: EditOp[]) => applyEditOps({ mdoId: cbic().mdoId, userId: authorId, baseRevision: cbic().revision, ops });

function refused(ops: EditOp[]): Extract<ApplyResult, { ok: false }> {
  const before = snapshot();
  const result = save(ops);
  if (result.ok) throw new Error("expected the save to be refused");
  expectNothingWritten(before);
  return result;
}

describe("importance and sanctioned posts in an editor save", () => {
  it("creates a rated requirement and a position with posts, changes and clears them, auditing each change", () => {
    const position = newNode("position", "Superintendent (Audit)", { fields: { name: "Superintendent (Audit)", sanctionedPosts: 40 } });
    const role = newNode("role", "Audit follow-up");
    const requirement = newLink("role_competency", role.id, DESIGN_THINKING, { level: 2, importance: "essential" });
    expect(save([position, role, newLink("position_role", position.id, role.id), requirement])).toMatchObject({ ok: true });

    let doc = loadDraftDocument({ mdoId: cbic().mdoId })!;
    expect(doc.nodes.find((n) => n.id === position.id)).toMatchObject({ sanctionedPosts: 40 });
    expect(doc.links.find((l) => l.id === requirement.id)).toMatchObject({ level: 2, importance: "essential" });
    expect(auditOf(position.id)[0].after).toContain('"sanctionedPosts":40');

    expect(save([updateNode(position.id, { sanctionedPosts: 45 }), updateLink(requirement.id, { importance: "desirable" })])).toMatchObject({ ok: true });
    expect(auditOf(position.id).at(-1)).toMatchObject({ action: "update", field: "sanctionedPosts", before: "40", after: "45" });
    expect(auditOf(requirement.id).at(-1)).toMatchObject({ action: "update", field: "importance", before: '"essential"', after: '"desirable"' });

    expect(save([updateNode(position.id, { sanctionedPosts: null }), updateLink(requirement.id, { importance: null })])).toMatchObject({ ok: true });
    doc = loadDraftDocument({ mdoId: cbic().mdoId })!;
    expect(doc.nodes.find((n) => n.id === position.id)).not.toHaveProperty("sanctionedPosts");
    expect(doc.links.find((l) => l.id === requirement.id)).not.toHaveProperty("importance");
  });

  it("refuses an importance on a link that is not a requirement, and sanctioned posts on a role, writing nothing", () => {
    const { frameworkId } = cbic();
    const position = someNode(frameworkId, "position");
    const role = newNode("role", "Rated role");
    const message = refused([role, newLink("position_role", position.id, role.id, { importance: "important" })]).message;
    expect(message).toMatch(/cannot carry an importance; only links to competencies are rated/);
    const existingRole = someNode(frameworkId, "role");
    expect(refused([updateNode(existingRole.id, { sanctionedPosts: 3 })])).toMatchObject({
      status: 400,
      message: 'Only positions have sanctioned posts; a role does not.',
    });
  });

  it("rejects bad values in the shared schema with the sentence the panel shows", () => {
    const id = crypto.randomUUID();
    const issues = (op: unknown) => editOpSchema.safeParse(op).error?.issues.map((i) => i.message);
    expect(issues({ op: "link.update", id, importance: "critical" })).toEqual(["Importance must be essential, important or desirable."]);
    expect(issues({ op: "node.update", id, fields: { sanctionedPosts: -1 } })).toEqual(["Sanctioned posts cannot be negative."]);
    expect(issues({ op: "node.update", id, fields: { sanctionedPosts: 2.5 } })).toEqual(["Sanctioned posts must be a whole number."]);
    expect(issues({ op: "node.update", id, fields: { sanctionedPosts: "12" } })).toEqual(["Sanctioned posts must be a whole number."]);
  });
});
