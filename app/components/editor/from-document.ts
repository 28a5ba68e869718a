/** The editor's starting state from the loader's document and stored positions. */
import type { FracDocument } from "@schemas/frac-document";
import type { EditorInit } from "./store";
import type { DictionaryOption, EditorLink, EditorNode } from "./types";

type LoaderShape = {
  doc: FracDocument;
  positions: Record<string, [number, number]>;
  revision: number;
  editable: boolean;
  dictionary: (Omit<DictionaryOption, "theme"> & { theme: string | null })[];
};

/** Builds the store's initial graph; nodes without a stored position get x/y null (laid out later). */
export function toEditorInit(data: LoaderShape): EditorInit {
  const nodes: Record<string, EditorNode> = {};
  for (const n of data.doc.nodes) {
    const p = data.positions[n.id];
    const base: EditorNode = { id: n.id, kind: n.kind, name: n.name, nameHi: n.nameHi, description: n.description, descriptionHi: n.descriptionHi, source: n.source, x: p ? p[0] : null, y: p ? p[1] : null };
    if (n.kind === "competency") {
      Object.assign(base, { competencyType: n.competencyType, code: n.code, theme: n.theme, parentId: n.parentId, mdoCode: n.mdoCode, scale: n.scale });
    } else if (n.kind === "position" && n.sanctionedPosts !== undefined) {
      base.sanctionedPosts = n.sanctionedPosts;
    } else if (n.kind === "knowledge_resource") {
      Object.assign(base, { url: n.url, resourceType: n.resourceType });
    }
    nodes[n.id] = base;
  }
  const links: Record<string, EditorLink> = {};
  for (const l of data.doc.links) links[l.id] = { id: l.id, kind: l.kind, from: l.from, to: l.to, level: l.level, importance: l.importance, order: l.order ?? 0 };
  return { nodes, links, revision: data.revision, canEdit: data.editable, dictionary: data.dictionary };
}
