/** The editor state as a FracDocument, so the shared validator can check it live. */
import { DEFAULT_SCALE } from "@schemas/scale";
import { SCHEMA_VERSION, type FracDocument, type FracNode } from "@schemas/frac-document";
import type { GraphState } from "./types";

/** Builds the document the validator reads (order does not matter to it). */
export function toDocument(state: GraphState, mdo: { code: string; name: string }): FracDocument {
  const nodes: FracNode[] = Object.values(state.nodes).map((n) => {
    const common = { id: n.id, name: n.name, nameHi: n.nameHi, description: n.description, descriptionHi: n.descriptionHi, source: n.source };
    if (n.kind === "competency") {
      return { kind: "competency", ...common, competencyType: n.competencyType ?? "Domain", code: n.code, theme: n.theme, parentId: n.parentId, mdoCode: n.mdoCode, scale: n.scale ?? DEFAULT_SCALE };
    }
    if (n.kind === "knowledge_resource") return { kind: "knowledge_resource", ...common, url: n.url, resourceType: n.resourceType };
    if (n.kind === "position") return { kind: "position", ...common, sanctionedPosts: n.sanctionedPosts };
    return { kind: n.kind, ...common };
  });
  const links = Object.values(state.links).map((l) => ({ id: l.id, from: l.from, to: l.to, kind: l.kind, level: l.level, importance: l.importance, order: l.order }));
  return { schemaVersion: SCHEMA_VERSION, mdo, version: null, status: "DRAFT", nodes, links };
}
