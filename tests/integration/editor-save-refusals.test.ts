// Editor saves that are refused: each names the problem and the change, and writes nothing.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { kcmId, userId } from "@db/ids";
import { competencies, frameworks, links } from "@db/schema";
import type { EditOp } from "@schemas/edit-ops";
import { FROZEN_SENTENCE } from "@schemas/enums";
import { applyEditOps, type ApplyResult } from "~/models/draft-save/save.server";
import {
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
const cbic = () => ministry("CBIC");

/** Runs a save that must be refused, and checks that it wrote nothing. */
function refused(changes: EditOp[], baseRevision = cbic().revision): Extract<ApplyResult, { ok: false }> {
  const before = snapshot();
  const result = applyEditOps({ mdoId: cbic().mdoId, userId: authorId, baseRevision, ops: changes });
  if (result.ok) throw new Error("expected the save to be refused");
  expectNothingWritten(before);
  return result;
}

const setFramework = (set: Partial<typeof frameworks.$inferInsert>) =>
  getDb().update(frameworks).set(set).where(eq(frameworks.id, cbic().frameworkId)).run();

afterEach(() => setFramework({ status: "DRAFT" }));

describe("a save against the framework as a whole", () => {
  it("is refused (409) with who saved last, when, and the current revision, when baseRevision is stale", () => {
    const { revision } = cbic();
    // why: viewer stands in for a second CBIC author; the model records whoever the route says saved.
    setFramework({ updatedBy: userId("viewer@frac.test"), updatedAt: "2025-03-12T14:03:00.000Z" });
    const result = refused([newNode("role", "Late role")], revision - 1);
    expect(result).toMatchObject({ status: 409, currentRevision: revision });
    expect(result.message).toBe(
      `Vikram Nair (CBIC) saved this framework on 12 Mar 2025, 7:33 pm IST, after this editor loaded it (revision ${revision - 1}; it is now at revision ${revision}). Nothing was saved: reload to see their changes.`,
    );
    setFramework({ updatedBy: authorId });
    expect(refused([newNode("role", "Late role")], revision - 1).message).toMatch(/^You saved this framework in another tab or window on /);
  });

  it.each(["UNVERIFIED", "VERIFIED"] as const)("is refused (409) while the framework is %s", (status) => {
    setFramework({ status });
    expect(refused([newNode("role", "Frozen role")])).toEqual({ ok: false, status: 409, message: expect.stringContaining(FROZEN_SENTENCE), code: "draft.frozen", params: expect.any(Object) });
  });

  it("is accepted on a REJECTED framework, which is back with its authors", () => {
    setFramework({ status: "REJECTED" });
    const result = applyEditOps({ mdoId: cbic().mdoId, userId: authorId, baseRevision: cbic().revision, ops: [newNode("role", "Fix after review")] });
    expect(result.ok).toBe(true);
  });
});

describe("ids a save names", () => {
  const ghost = "0b7c8f5e-1d3a-4c55-9f0e-5f7b4a9c2e11";

  it.each([
    ["node.update", updateNode(ghost, { name: "x" }), `No node with id ${ghost} in this framework.`, "node.missing"],
    ["node.move", moveNode(ghost, 1, 2), `No node with id ${ghost} in this framework.`, "node.missing"],
    ["node.delete", deleteNode(ghost), `No node with id ${ghost} in this framework.`, "node.missing"],
    ["link.update", updateLink(ghost, { level: 2 }), `No link with id ${ghost} in this framework.`, "link.missing"],
    ["link.delete", deleteLink(ghost), `No link with id ${ghost} in this framework.`, "link.missing"],
  ])("refuses an unknown id in %s (400, with the change's index)", (_op, change, message, code) => {
    expect(refused([newNode("role", "Made first"), change])).toEqual({ ok: false, status: 400, message, code, params: { id: ghost }, opIndex: 1 });
  });

  it("answers another ministry's node id exactly like an unknown one", () => {
    const foreign = someNode(ministry("MOHFW").frameworkId, "role");
    expect(refused([updateNode(foreign.id, { name: "Hijacked" })]).message).toBe(`No node with id ${foreign.id} in this framework.`);
    expect(refused([deleteNode(foreign.id)]).message).toBe(`No node with id ${foreign.id} in this framework.`);
    const position = someNode(cbic().frameworkId, "position");
    expect(refused([newLink("position_role", position.id, foreign.id)]).message).toBe(
      `No node or competency with id ${foreign.id} that this framework can use.`,
    );
    expect(refused([newLink("position_role", foreign.id, position.id)]).message).toBe(`No node with id ${foreign.id} in this framework.`);
  });

  it("refuses a link to (or a move of) another ministry's Domain competency, or an unknown id", () => {
    const mohfwDomain = getDb().select().from(competencies).where(eq(competencies.mdoId, ministry("MOHFW").mdoId)).get()!;
    const activity = someNode(cbic().frameworkId, "activity");
    expect(refused([moveNode(mohfwDomain.id, 1, 1)]).message).toBe(`No node with id ${mohfwDomain.id} in this framework.`);
    for (const to of [mohfwDomain.id, ghost]) {
      expect(refused([newLink("activity_competency", activity.id, to, { level: 1 })])).toMatchObject({
        message: `No node or competency with id ${to} that this framework can use.`,
        opIndex: 0,
      });
    }
  });

  it("refuses an id that is already taken, by a node or a link", () => {
    const role = someNode(cbic().frameworkId, "role");
    expect(refused([newNode("role", "Copy", { id: role.id })]).message).toBe(`A node with id ${role.id} already exists.`);
    const made = newNode("role", "New");
    expect(refused([made, newLink("position_role", someNode(cbic().frameworkId, "position").id, made.id, { id: made.id })]).message).toBe(
      `A link with id ${made.id} already exists.`,
    );
  });
});

describe("link rules", () => {
  const { frameworkId } = cbic();
  const position = () => someNode(frameworkId, "position");
  const role = () => someNode(frameworkId, "role");
  const activity = () => someNode(frameworkId, "activity");

  it("refuses a pair that may not be linked, in plain words", () => {
    expect(refused([newLink("position_role", position().id, activity().id)]).message).toBe(
      "A position can be linked to roles and knowledge resources, not to an activity.",
    );
    const resource = someNode(frameworkId, "knowledge_resource");
    expect(refused([newLink("position_resource", resource.id, role().id)]).message).toBe(
      "A knowledge resource cannot be linked to anything; link a position or an activity to it instead.",
    );
  });

  it("refuses a kind that disagrees with the pair, saying which it should be", () => {
    const fresh = newNode("activity", "Fresh activity");
    expect(refused([fresh, newLink("position_role", role().id, fresh.id)])).toMatchObject({
      message: 'A link from a role to an activity has the kind "role_activity" (Role → Activity), not "position_role".',
      opIndex: 1,
    });
  });

  it("refuses a level outside the competency's scale", () => {
    const small = newCompetency("Bonded warehouse audit", { levels: 3 });
    expect(refused([small, newLink("activity_competency", activity().id, small.id, { level: 5 })])).toMatchObject({
      message: 'Level 5 is outside the scale of "Bonded warehouse audit" (levels 1–3: Basic, Proficient, Advanced).',
      opIndex: 1,
    });
  });

  it("refuses a missing level on a competency link", () => {
    const fresh = newNode("activity", "Assess rulings");
    expect(refused([fresh, newLink("activity_competency", fresh.id, DESIGN_THINKING)]).message).toBe(
      'The link from Activity "Assess rulings" to Competency "Design Thinking" needs a required level (levels 1–5: Basic, Proficient, Advanced, Expert, Ustad).',
    );
  });

  it("refuses a level on a link that is not to a competency, on create and on update", () => {
    const fresh = newNode("activity", "Draft replies");
    expect(refused([fresh, newLink("role_activity", role().id, fresh.id, { level: 2 })]).message).toBe(
      `The link from Role "${role().name}" to Activity "Draft replies" cannot carry a level; only links to competencies have a required level.`,
    );
    const roleLink = getDb().select().from(links).where(and(eq(links.frameworkId, frameworkId), eq(links.kind, "position_role"))).get()!;
    expect(refused([updateLink(roleLink.id, { level: 2 })]).message).toBe(
      `The link ${roleLink.id} is a Position → Role link and cannot carry a level; only links to competencies have a required level.`,
    );
  });

  it("refuses a level outside the scale on update", () => {
    const small = newCompetency("Seal verification", { levels: 3 });
    const link = newLink("activity_competency", activity().id, small.id, { level: 2 });
    const ok = applyEditOps({ mdoId: cbic().mdoId, userId: authorId, baseRevision: cbic().revision, ops: [small, link] });
    expect(ok.ok).toBe(true);
    expect(refused([updateLink(link.id, { level: 4 })]).message).toBe(
      'Level 4 is outside the scale of "Seal verification" (levels 1–3: Basic, Proficient, Advanced).',
    );
  });

  it("refuses the same from → to pair twice, already stored or in the same save", () => {
    const existing = getDb().select().from(links).where(and(eq(links.frameworkId, frameworkId), eq(links.kind, "position_role"))).get()!;
    const message = refused([newLink("position_role", existing.fromId, existing.toNodeId!)]).message;
    expect(message).toMatch(/^Position ".+" is already linked to Role ".+"\.$/);
    const fresh = newNode("activity", "Twice");
    expect(refused([fresh, newLink("role_activity", role().id, fresh.id), newLink("role_activity", role().id, fresh.id)])).toMatchObject({
      message: `Role "${role().name}" is already linked to Activity "Twice".`,
      opIndex: 2,
    });
  });

  it("refuses a web address on a node that is not a knowledge resource", () => {
    expect(refused([updateNode(role().id, { url: "https://example.gov.in" })]).message).toBe(
      "Only knowledge resources have a web address and a resource type; a role does not.",
    );
  });
});

describe("competency.create", () => {
  it("refuses a name already in this MDO's or the shared dictionary, compared as names", () => {
    expect(refused([newCompetency("  customs   VALUATION ")]).message).toBe('"Customs valuation" is already in the dictionary.');
    expect(refused([newCompetency("design thinking")]).message).toBe('"Design Thinking" is already in the dictionary.');
    expect(refused([newCompetency("Port health"), newCompetency("PORT HEALTH")])).toMatchObject({ opIndex: 1 });
  });

  it("allows a name only another ministry uses", () => {
    const mohfwDomain = getDb().select().from(competencies).where(eq(competencies.mdoId, ministry("MOHFW").mdoId)).get()!;
    const result = applyEditOps({ mdoId: cbic().mdoId, userId: authorId, baseRevision: cbic().revision, ops: [newCompetency(mohfwDomain.name)] });
    expect(result.ok).toBe(true);
  });
});
