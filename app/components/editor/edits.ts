/** Builders for the author's edits: each returns the forward ops and the ops that undo them. */
import { IMPORTANCE_LABELS, LINK_RULES, linkKindFor, NODE_KIND_LABELS, type Importance, type LinkKind } from "@schemas/enums";
import { whyNotLinked } from "@schemas/findings";
import type { FrameworkNodeKind } from "@schemas/enums";
import type { EditOp, NodeFields } from "@schemas/edit-ops";
import { deleteNodeOps } from "./apply-op";
import { nodeFields } from "./node-shape";
import type { Edit } from "./store";
import type { EditorLink, EditorNode, GraphState } from "./types";

const uuid = () => crypto.randomUUID();

function nextOrder(state: GraphState, parentId: string): number {
  let max = -1;
  for (const l of Object.values(state.links)) if (l.from === parentId && l.order > max) max = l.order;
  return max + 1;
}

/** A new node, optionally linked under a parent (its id is made here, in the browser). */
export function addNodeEdit(
  state: GraphState,
  kind: FrameworkNodeKind,
  fields: NodeFields,
  at: { x: number; y: number } | null,
  parentId?: string,
): { edit: Edit; id: string } | { error: string } {
  const id = uuid();
  const forward: EditOp[] = [{ op: "node.create", id, kind, fields, ...(at ? { x: Math.round(at.x), y: Math.round(at.y) } : {}) }];
  const backward: EditOp[] = [{ op: "node.delete", id }];
  if (parentId) {
    const parent = state.nodes[parentId];
    const linkKind = parent ? linkKindFor(parent.kind, kind) : null;
    if (!parent || !linkKind) return { error: linkRefusal(parent, { kind }) };
    const linkId = uuid();
    forward.push({ op: "link.create", id: linkId, kind: linkKind, from: parentId, to: id, order: nextOrder(state, parentId) });
    backward.unshift({ op: "link.delete", id: linkId });
  }
  return { edit: { label: `add ${NODE_KIND_LABELS[kind].toLowerCase()} "${fields.name}"`, forward, backward }, id };
}

/** Why a parent cannot take a child of that kind: the sentence the server and the validator use too. */
export function linkRefusal(parent: EditorNode | undefined, child: Pick<EditorNode, "kind"> | undefined): string {
  if (!parent || !child) return "That node no longer exists.";
  return whyNotLinked(parent.kind, child.kind);
}

/** A link between two existing nodes, or the reason it is not allowed. */
export function addLinkEdit(state: GraphState, from: string, to: string, level?: number): { edit: Edit; id: string } | { error: string } {
  const parent = state.nodes[from];
  const child = state.nodes[to];
  const kind: LinkKind | null = parent && child ? linkKindFor(parent.kind, child.kind) : null;
  if (!kind) return { error: linkRefusal(parent, child) };
  if (Object.values(state.links).some((l) => l.from === from && l.to === to)) {
    return { error: `"${parent.name}" is already linked to "${child.name}".` };
  }
  const id = uuid();
  const carriesLevel = LINK_RULES[kind].carriesLevel;
  const lvl = carriesLevel && child.kind === "competency" ? Math.min(level ?? 3, child.scale.levels.length) : undefined;
  return {
    id,
    edit: {
      label: `link "${parent.name}" to "${child.name}"`,
      forward: [{ op: "link.create", id, kind, from, to, ...(lvl !== undefined ? { level: lvl } : {}), order: nextOrder(state, from) }],
      backward: [{ op: "link.delete", id }],
    },
  };
}

/** Changes a requirement's level. */
export function setLevelEdit(link: EditorLink, level: number, names: { from: string; to: string }): Edit {
  return {
    label: `require "${names.to}" at level ${level}`,
    forward: [{ op: "link.update", id: link.id, level }],
    backward: [{ op: "link.update", id: link.id, level: link.level }],
  };
}

/** Rates a requirement's importance, or clears it (null). */
export function setImportanceEdit(link: EditorLink, importance: Importance | null, names: { from: string; to: string }): Edit {
  return {
    label: importance ? `rate "${names.to}" ${IMPORTANCE_LABELS[importance].toLowerCase()}` : `clear the importance of "${names.to}"`,
    forward: [{ op: "link.update", id: link.id, importance }],
    backward: [{ op: "link.update", id: link.id, importance: link.importance ?? null }],
  };
}

/** Removes one link. */
export function deleteLinkEdit(link: EditorLink, names: { from: string; to: string }): Edit {
  return {
    label: `unlink "${names.from}" from "${names.to}"`,
    forward: [{ op: "link.delete", id: link.id }],
    backward: [{ op: "link.create", id: link.id, kind: link.kind, from: link.from, to: link.to, level: link.level, importance: link.importance, order: link.order }],
  };
}

/** Removes a node with its links (a competency only loses its links: it stays in the dictionary). */
export function deleteNodeEdit(state: GraphState, id: string): Edit {
  const { forward, backward } = deleteNodeOps(state, id);
  return { label: `delete "${state.nodes[id]?.name ?? id}"`, forward, backward };
}

const FIELD_KEYS = ["name", "nameHi", "description", "descriptionHi", "source", "url", "resourceType"] as const;

/** Changes a node's fields; only fields that differ are sent. Null when nothing changed. */
export function updateNodeEdit(node: EditorNode, next: Partial<NodeFields>): Edit | null {
  const now = nodeFields(node);
  const fwd: Record<string, unknown> = {};
  const back: Record<string, unknown> = {};
  for (const k of FIELD_KEYS) {
    if (!(k in next)) continue;
    const before = now[k] ?? "";
    const after = (next[k] ?? "") as string;
    if (before === after) continue;
    // why: a resource type can be changed but not cleared (the schema has no "none" value).
    if (k === "resourceType" && after === "") continue;
    fwd[k] = after;
    back[k] = before;
  }
  if ("sanctionedPosts" in next && (next.sanctionedPosts ?? null) !== (now.sanctionedPosts ?? null)) {
    fwd.sanctionedPosts = next.sanctionedPosts ?? null;
    back.sanctionedPosts = now.sanctionedPosts ?? null;
  }
  if (Object.keys(fwd).length === 0) return null;
  return {
    label: `edit "${node.name}"`,
    forward: [{ op: "node.update", id: node.id, fields: fwd }],
    backward: [{ op: "node.update", id: node.id, fields: back }],
  };
}

/** Moves a node (dragging); undo puts it back. */
export function moveEdit(node: EditorNode, from: { x: number; y: number }, to: { x: number; y: number }): Edit {
  return {
    label: `move "${node.name}"`,
    forward: [{ op: "node.move", id: node.id, x: Math.round(to.x), y: Math.round(to.y) }],
    backward: [{ op: "node.move", id: node.id, x: Math.round(from.x), y: Math.round(from.y) }],
  };
}
