/**
 * Applying change ops to the editor's state, the same ops the server applies (schemas/edit-ops.ts).
 * Pure: returns a new state, sharing everything that did not change.
 */
import type { EditOp } from "@schemas/edit-ops";
import type { DictionaryOption, EditorLink, EditorNode, GraphState } from "./types";

/** Builds the editor node for a dictionary entry, placed at (x, y) or unplaced. */
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

// why null too: sanctioned posts are cleared with null, which the editor holds as "absent".
const clean = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === "" || v === null ? undefined : v])) as { [K in keyof T]: Exclude<T[K], null> };

/** Applies one change; `lookup` resolves competency ids created by competency.create or chosen from the dictionary. */
export function applyOp(state: GraphState, change: EditOp, lookup: (id: string) => DictionaryOption | undefined): GraphState {
  switch (change.op) {
    case "node.create": {
      const node: EditorNode = { id: change.id, kind: change.kind, ...clean(change.fields), x: change.x ?? null, y: change.y ?? null };
      return { ...state, nodes: { ...state.nodes, [change.id]: node } };
    }
    case "node.update": {
      const node = state.nodes[change.id];
      if (!node) return state;
      return { ...state, nodes: { ...state.nodes, [change.id]: { ...node, ...clean(change.fields) } } };
    }
    case "node.move": {
      const node = state.nodes[change.id];
      if (!node) return state;
      return { ...state, nodes: { ...state.nodes, [change.id]: { ...node, x: change.x, y: change.y } } };
    }
    case "node.delete": {
      const nodes = { ...state.nodes };
      delete nodes[change.id];
      const links = Object.fromEntries(Object.entries(state.links).filter(([, l]) => l.from !== change.id && l.to !== change.id));
      return { nodes, links };
    }
    case "link.create": {
      const link: EditorLink = { id: change.id, kind: change.kind, from: change.from, to: change.to, level: change.level, importance: change.importance, order: change.order ?? 0 };
      let nodes = state.nodes;
      if (!nodes[change.to]) {
        const entry = lookup(change.to);
        if (entry) nodes = { ...nodes, [entry.id]: competencyNode(entry) };
      }
      return { nodes, links: { ...state.links, [change.id]: link } };
    }
    case "link.update": {
      const link = state.links[change.id];
      if (!link) return state;
      const next = { ...link, ...(change.level !== undefined ? { level: change.level } : {}), ...(change.order !== undefined ? { order: change.order } : {}), ...(change.importance !== undefined ? { importance: change.importance ?? undefined } : {}) };
      return { ...state, links: { ...state.links, [change.id]: next } };
    }
    case "link.delete": {
      const links = { ...state.links };
      delete links[change.id];
      return { ...state, links };
    }
    case "competency.create": {
      const entry = lookup(change.id);
      if (!entry || state.nodes[change.id]) return state;
      return { ...state, nodes: { ...state.nodes, [change.id]: competencyNode(entry) } };
    }
  }
}

/** Links that touch a node (what goes with it when it is deleted). */
export function linksOf(state: GraphState, nodeId: string): EditorLink[] {
  return Object.values(state.links).filter((l) => l.from === nodeId || l.to === nodeId);
}

/** The ops that delete a node, and the ops that bring it back with its links (for undo). */
export function deleteNodeOps(state: GraphState, nodeId: string): { forward: EditOp[]; backward: EditOp[] } {
  const node = state.nodes[nodeId];
  const links = linksOf(state, nodeId);
  const restoreLinks: EditOp[] = links.map((l) => ({ op: "link.create", id: l.id, kind: l.kind, from: l.from, to: l.to, level: l.level, importance: l.importance, order: l.order }));
  if (!node) return { forward: [], backward: [] };
  if (node.kind === "competency") {
    // why: a competency is a dictionary entry; "deleting" it from a framework removes the requirements.
    return { forward: links.map((l) => ({ op: "link.delete", id: l.id })), backward: restoreLinks };
  }
  const fields = {
    name: node.name,
    nameHi: node.nameHi,
    description: node.description,
    descriptionHi: node.descriptionHi,
    source: node.source,
    url: node.url,
    resourceType: node.resourceType,
    sanctionedPosts: node.sanctionedPosts,
  };
  return {
    forward: [...links.map((l): EditOp => ({ op: "link.delete", id: l.id })), { op: "node.delete", id: nodeId }],
    backward: [
      { op: "node.create", id: nodeId, kind: node.kind, fields, ...(node.x !== null && node.y !== null ? { x: node.x, y: node.y } : {}) },
      ...restoreLinks,
    ],
  };
}
