/**
 * What the canvas shows: React Flow nodes and edges derived from the editor state, honouring
 * focus (one position's sub-graph) and collapsed nodes. Pure; node objects are cached per
 * editor node so unchanged nodes keep their identity and memoised views skip re-rendering.
 */
import type { Edge } from "@xyflow/react";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";
import type { FracFlowNode } from "./node-types";
import type { EditorLink, EditorNode, GraphState } from "./types";

export type ViewInput = GraphState & {
  collapsed: Record<string, true>;
  focusId: string | null;
  flags: Map<string, "error" | "warning">;
  selectedId: string | null;
  fallback: Map<string, { x: number; y: number }>;
  /** Positions that override stored ones (the automatic arrangement of a focused position). */
  override: Map<string, { x: number; y: number }> | null;
  /** Open review comments per node. */
  comments: Map<string, number>;
  onToggle: (id: string) => void;
};

/** Children lists by parent id, in link order. */
export function childrenIndex(links: Record<string, EditorLink>): Map<string, EditorLink[]> {
  const out = new Map<string, EditorLink[]>();
  for (const l of Object.values(links)) {
    const list = out.get(l.from);
    if (list) list.push(l);
    else out.set(l.from, [l]);
  }
  for (const list of out.values()) list.sort((a, b) => a.order - b.order);
  return out;
}

/** Ids of the nodes on screen: reachable from the roots (or the focused node) without passing a collapsed node. */
export function visibleIds(state: GraphState, children: Map<string, EditorLink[]>, collapsed: Record<string, true>, focusId: string | null): Set<string> {
  const hasParent = new Set(Object.values(state.links).map((l) => l.to));
  const roots = focusId && state.nodes[focusId] ? [focusId] : Object.keys(state.nodes).filter((id) => !hasParent.has(id));
  const seen = new Set<string>(roots);
  const queue = [...roots];
  while (queue.length) {
    const id = queue.pop()!;
    if (collapsed[id]) continue;
    for (const l of children.get(id) ?? []) {
      if (!seen.has(l.to) && state.nodes[l.to]) {
        seen.add(l.to);
        queue.push(l.to);
      }
    }
  }
  return seen;
}

const cache = new WeakMap<EditorNode, { key: string; node: FracFlowNode }>();

/** The React Flow nodes and edges for the current view. */
export function buildView(input: ViewInput): { nodes: FracFlowNode[]; edges: Edge[] } {
  const children = childrenIndex(input.links);
  const visible = visibleIds(input, children, input.collapsed, input.focusId);
  const nodes: FracFlowNode[] = [];
  for (const id of visible) {
    const n = input.nodes[id];
    const pos = input.override?.get(id) ?? (n.x !== null && n.y !== null ? { x: n.x, y: n.y } : (input.fallback.get(id) ?? { x: 0, y: 0 }));
    const childCount = children.get(id)?.length ?? 0;
    const collapsed = !!input.collapsed[id];
    const flag = input.flags.get(id);
    const selected = input.selectedId === id;
    const comments = input.comments.get(id) ?? 0;
    const key = `${pos.x},${pos.y},${childCount},${collapsed},${flag ?? ""},${selected},${comments}`;
    const hit = cache.get(n);
    if (hit && hit.key === key) {
      nodes.push(hit.node);
      continue;
    }
    const node: FracFlowNode = {
      id,
      type: n.kind,
      position: pos,
      // why fixed sizes: React Flow can then place, fit and minimap nodes it has not rendered yet.
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      selected,
      data: { kind: n.kind, name: n.name, nameHi: n.nameHi, competencyType: n.competencyType, flag, childCount, collapsed, comments, onToggle: input.onToggle },
    };
    cache.set(n, { key, node });
    nodes.push(node);
  }
  const edges: Edge[] = [];
  for (const l of Object.values(input.links)) {
    if (!visible.has(l.from) || !visible.has(l.to)) continue;
    edges.push({
      id: l.id,
      source: l.from,
      target: l.to,
      selected: input.selectedId === l.id,
      className: `fedge fedge-${l.kind}${input.flags.has(l.id) ? " has-finding" : ""}`,
      ...(l.level !== undefined ? { label: `L${l.level}`, labelBgPadding: [4, 2] as [number, number] } : {}),
    });
  }
  return { nodes, edges };
}
