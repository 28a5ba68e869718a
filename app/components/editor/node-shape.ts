/**
 * Building and changing an EditorNode (a FracNode plus its canvas position) from the fields an
 * edit carries, so each kind keeps exactly the fields the document gives it.
 */
import type { NodeFields } from "@schemas/edit-ops";
import type { FrameworkNodeKind } from "@schemas/enums";
import type { FracNode } from "@schemas/frac-document";
import type { DerivedFrom } from "@schemas/reuse";
import type { DictionaryOption, EditorNode } from "./types";

/** The author-editable fields of a node (what node.create and node.update carry). */
export function nodeFields(node: EditorNode): Partial<NodeFields> {
  const common = { name: node.name, nameHi: node.nameHi, description: node.description, descriptionHi: node.descriptionHi, source: node.source };
  if (node.kind === "position") return { ...common, sanctionedPosts: node.sanctionedPosts };
  if (node.kind === "knowledge_resource") return { ...common, url: node.url, resourceType: node.resourceType };
  return common;
}

/** A node of `kind` with `fields` applied over `base` (an existing node, or just its id when it is new). */
export function withFields(
  base: EditorNode | { id: string; kind: FrameworkNodeKind; x: number | null; y: number | null; derivedFrom?: DerivedFrom },
  fields: Partial<NodeFields>,
): EditorNode {
  const old: Partial<NodeFields> = "name" in base ? nodeFields(base) : {};
  // why "" and null become absent: an emptied text field sends "", a cleared number sends null; the document has neither.
  const text = (k: "name" | "nameHi" | "description" | "descriptionHi" | "source" | "url") => (k in fields ? fields[k] : old[k]) || undefined;
  const pick = <K extends "resourceType" | "sanctionedPosts">(k: K) => (k in fields ? fields[k] : old[k]) ?? undefined;
  const common = { id: base.id, name: text("name") ?? "", nameHi: text("nameHi"), description: text("description"), descriptionHi: text("descriptionHi"), source: text("source"), x: base.x, y: base.y };
  const kept = "name" in base ? { createdBy: base.createdBy, createdAt: base.createdAt, updatedAt: base.updatedAt } : {};
  switch (base.kind) {
    case "position":
      return { kind: "position", ...kept, ...common, sanctionedPosts: pick("sanctionedPosts") };
    case "knowledge_resource":
      return { kind: "knowledge_resource", ...kept, ...common, url: text("url"), resourceType: pick("resourceType") };
    case "role":
    case "activity": {
      // why: where a reused node came from is set when it is created and kept through every edit.
      const derivedFrom = "derivedFrom" in base ? base.derivedFrom : undefined;
      return { kind: base.kind, ...kept, ...common, ...(derivedFrom ? { derivedFrom } : {}) };
    }
    case "competency":
      // why: a competency's fields belong to the dictionary; the editor never changes them.
      return base;
  }
}

/** The editor node for a dictionary entry, placed at (x, y) or unplaced. */
export function competencyNode(entry: DictionaryOption, x: number | null = null, y: number | null = null): EditorNode {
  return {
    id: entry.id,
    kind: "competency",
    name: entry.name,
    nameHi: entry.nameHi ?? undefined,
    description: entry.description,
    descriptionHi: entry.descriptionHi ?? undefined,
    competencyType: entry.type,
    code: entry.code ?? undefined,
    theme: entry.theme ?? undefined,
    parentId: entry.parentId ?? undefined,
    mdoCode: entry.mdoCode ?? undefined,
    scale: entry.scale,
    x,
    y,
  };
}

/** Where a reused role or activity was copied from; undefined for every other node. */
export const derivedFromOf = (node: EditorNode): DerivedFrom | undefined => (node.kind === "role" || node.kind === "activity" ? node.derivedFrom : undefined);

/** The document's node without its canvas position. */
export function toFracNode(node: EditorNode): FracNode {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the position is what is left out
  const { x, y, ...rest } = node;
  return rest;
}

/** Where the node sits on the canvas, or null when it is not placed yet. */
export const placed = (node: EditorNode): { x: number; y: number } | null => (node.x !== null && node.y !== null ? { x: node.x, y: node.y } : null);
