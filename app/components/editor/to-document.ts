/** The editor state as a FracDocument, so the shared validator can check it live. */
import { SCHEMA_VERSION, type FracDocument } from "@schemas/frac-document";
import { toFracNode } from "./node-shape";
import type { GraphState } from "./types";

/** Builds the document the validator reads (order does not matter to it). */
export function toDocument(state: GraphState, mdo: { code: string; name: string }): FracDocument {
  const nodes = Object.values(state.nodes).map(toFracNode);
  const links = Object.values(state.links).map((l) => ({ id: l.id, from: l.from, to: l.to, kind: l.kind, level: l.level, importance: l.importance, order: l.order }));
  return { schemaVersion: SCHEMA_VERSION, mdo, version: null, status: "DRAFT", nodes, links };
}
