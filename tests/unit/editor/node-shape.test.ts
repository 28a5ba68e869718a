import { describe, expect, it } from "vitest";
import { applyOp } from "~/components/editor/apply-op";
import { competencyNode, nodeFields, toFracNode, withFields } from "~/components/editor/node-shape";
import { toEditorInit } from "~/components/editor/from-document";
import { toDocument } from "~/components/editor/to-document";
import type { DictionaryOption, EditorNode, GraphState } from "~/components/editor/types";
import { DEFAULT_SCALE } from "@schemas/scale";
import { fracDocumentSchema, type FracDocument } from "@schemas/frac-document";

const ID = {
  position: "0b6f1c1e-8a4f-4c1e-9d55-2f1f3a1a0001",
  resource: "0b6f1c1e-8a4f-4c1e-9d55-2f1f3a1a0002",
  role: "0b6f1c1e-8a4f-4c1e-9d55-2f1f3a1a0003",
  competency: "0b6f1c1e-8a4f-4c1e-9d55-2f1f3a1a0004",
  link: "0b6f1c1e-8a4f-4c1e-9d55-2f1f3a1a0005",
};

const empty: GraphState = { nodes: {}, links: {} };
const noLookup = () => undefined;

describe("the editor's node: a FracNode plus its canvas position", () => {
  it("creates a node with only the fields its kind has in the document", () => {
    const state = applyOp(empty, { op: "node.create", id: ID.role, kind: "role", fields: { name: "Budget", url: "https://x.example", sanctionedPosts: 4 }, x: 10, y: 20 }, noLookup);
    expect(state.nodes[ID.role]).toEqual({ id: ID.role, kind: "role", name: "Budget", nameHi: undefined, description: undefined, source: undefined, x: 10, y: 20 });
  });

  it("treats an emptied text field and a cleared number as absent, and keeps what an update leaves out", () => {
    const created = applyOp(empty, { op: "node.create", id: ID.position, kind: "position", fields: { name: "Under Secretary", description: "Budget", sanctionedPosts: 12 } }, noLookup);
    const updated = applyOp(created, { op: "node.update", id: ID.position, fields: { description: "", sanctionedPosts: null, nameHi: "अवर सचिव" } }, noLookup);
    const node = updated.nodes[ID.position];
    expect(node).toMatchObject({ kind: "position", name: "Under Secretary", nameHi: "अवर सचिव", x: null, y: null });
    expect(node.description).toBeUndefined();
    expect(node.kind === "position" && node.sanctionedPosts).toBeUndefined();
    expect(nodeFields(node)).toEqual({ name: "Under Secretary", nameHi: "अवर सचिव", description: undefined, source: undefined, sanctionedPosts: undefined });
  });

  it("keeps a resource's address and type across an update of its name", () => {
    const base: EditorNode = { id: ID.resource, kind: "knowledge_resource", name: "GFR 2017", url: "https://doe.gov.in/gfr", resourceType: "Rule", x: 1, y: 2 };
    expect(withFields(base, { name: "General Financial Rules 2017" })).toEqual({ ...base, name: "General Financial Rules 2017", nameHi: undefined, description: undefined, source: undefined });
  });

  it("never changes a competency's fields: they belong to the dictionary", () => {
    const entry: DictionaryOption = { id: ID.competency, name: "Financial Management", nameHi: null, description: "d", type: "Functional", code: "FUN-071", theme: null, parentId: null, mdoCode: null, scale: DEFAULT_SCALE };
    const node = competencyNode(entry, 5, 6);
    expect(withFields(node, { name: "Renamed" })).toBe(node);
    expect(node).toEqual({ id: ID.competency, kind: "competency", name: "Financial Management", nameHi: undefined, description: "d", competencyType: "Functional", code: "FUN-071", theme: undefined, parentId: undefined, mdoCode: undefined, scale: DEFAULT_SCALE, x: 5, y: 6 });
  });

  it("round-trips a document: what the loader sends is what the validator reads, position aside", () => {
    const doc: FracDocument = fracDocumentSchema.parse({
      schemaVersion: "1.1",
      mdo: { code: "DOR", name: "Department of Revenue" },
      version: null,
      status: "DRAFT",
      nodes: [
        { id: ID.position, kind: "position", name: "Under Secretary", sanctionedPosts: 3 },
        { id: ID.resource, kind: "knowledge_resource", name: "GFR", url: "https://doe.gov.in/gfr", resourceType: "Rule" },
        { id: ID.role, kind: "role", name: "Budget", nameHi: "बजट" },
        { id: ID.competency, kind: "competency", name: "Financial Management", competencyType: "Functional", code: "FUN-071", scale: DEFAULT_SCALE },
      ],
      links: [{ id: ID.link, kind: "position_role", from: ID.position, to: ID.role, order: 0 }],
    });
    const init = toEditorInit({ doc, positions: { [ID.role]: [40, 50] }, revision: 3, editable: true, dictionary: [] });
    expect(init.nodes[ID.role]).toMatchObject({ x: 40, y: 50 });
    expect(init.nodes[ID.position]).toMatchObject({ x: null, y: null });
    expect(toDocument(init, doc.mdo).nodes).toEqual(doc.nodes);
    expect(toFracNode(init.nodes[ID.role])).toEqual(doc.nodes[2]);
  });
});
