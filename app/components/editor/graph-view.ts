/**
 * What the canvas shows: React Flow nodes and edges derived from the editor state, honouring
 * focus (one position's sub-graph) and collapsed nodes. Pure; node objects are cached per
 * editor node so unchanged nodes keep their identity and memoised views skip re-rendering.
 */
import type { Edge } from "@xyflow/react";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";
import type { FracFlowNode } from "./node-types";
import type { EditorLink, EditorNode, GraphState } from "./types";
import type { ChangeStatus } from "./use-changes";

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
  /** What changed since the last published version, when the author asked to see it. */
  changes: Map<string, ChangeStatus> | null;
  onToggle: (id: string) => void;
  /** The node's accessible name: its kind and name, in the reader's language. */
  nameOf: (node: EditorNode) => string;
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
    const status = input.changes?.get(id);
    const change = status === "added" || status === "changed" ? status : undefined;
    const ariaLabel = input.nameOf(n);
    const key = `${pos.x},${pos.y},${childCount},${collapsed},${flag ?? ""},${selected},${comments},${change ?? ""},${ariaLabel}`;
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
      ariaLabel,
      data: { node: n, flag, childCount, collapsed, comments, change, onToggle: input.onToggle },
    };
    cache.set(n, { key, node });
    nodes.push(node);
  }
  const edges: Edge[] = [];
  for (const l of Object.values(input.links)) {
    // why the collapsed check: a collapsed node hides its links even to children still shown through another parent.
    if (!visible.has(l.from) || !visible.has(l.to) || input.collapsed[l.from]) continue;
    edges.push({
      id: l.id,
      source: l.from,
      target: l.to,
      selected: input.selectedId === l.id,
      // why: React Flow's default label names the two ids, which a screen reader would spell out.
      ariaLabel: `${input.nodes[l.from].name} → ${input.nodes[l.to].name}${l.level !== undefined ? `, level ${l.level}` : ""}`,
      className: `fedge fedge-${l.kind}${input.flags.has(l.id) ? " has-finding" : ""}${input.changes?.has(l.id) ? ` is-${input.changes.get(l.id)}` : ""}`,
      ...(l.level !== undefined ? { label: `L${l.level}`, labelBgPadding: [4, 2] as [number, number] } : {}),
    });
  }
  return { nodes, edges };
}

export type Rect = { x: number; y: number; width: number; height: number };
export type Viewport = { x: number; y: number; zoom: number };

// why a grid: the window changes only when the view crosses a cell, not on every frame of a pan.
const WINDOW_GRID = 600;

/**
 * The part of the canvas, in flow coordinates, whose links are drawn on a large graph: what the
 * screen shows plus one screen on every side, snapped outwards to a grid.
 */
export function edgeWindow(viewport: Viewport, screen: { width: number; height: number }): Rect {
  const w = screen.width / viewport.zoom;
  const h = screen.height / viewport.zoom;
  const left = -viewport.x / viewport.zoom - w;
  const top = -viewport.y / viewport.zoom - h;
  const x = Math.floor(left / WINDOW_GRID) * WINDOW_GRID;
  const y = Math.floor(top / WINDOW_GRID) * WINDOW_GRID;
  return {
    x,
    y,
    width: Math.ceil((left + 3 * w - x) / WINDOW_GRID) * WINDOW_GRID,
    height: Math.ceil((top + 3 * h - y) / WINDOW_GRID) * WINDOW_GRID,
  };
}

export const sameRect = (a: Rect | null, b: Rect | null) =>
  a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

/**
 * What React Flow is given on a large graph: the nodes inside `window`, and the links with both
 * ends inside it, plus the selected node or link with all its connections (and the nodes at their
 * other ends), so a selection always shows everything it touches. React Flow's own culling still
 * applies within; what lies far away costs the browser more to track, draw and hit-test than it
 * tells the author, and is added as the view moves.
 */
export function windowView(view: { nodes: FracFlowNode[]; edges: Edge[] }, window: Rect, keepId: string | null): { nodes: FracFlowNode[]; edges: Edge[] } {
  const inside = new Set<string>();
  for (const n of view.nodes) {
    const { x, y } = n.position;
    if (x + NODE_WIDTH >= window.x && x <= window.x + window.width && y + NODE_HEIGHT >= window.y && y <= window.y + window.height) inside.add(n.id);
  }
  const edges = view.edges.filter((e) => e.id === keepId || e.source === keepId || e.target === keepId || (inside.has(e.source) && inside.has(e.target)));
  const shown = new Set(inside);
  if (keepId) shown.add(keepId);
  for (const e of edges) shown.add(e.source).add(e.target);
  return { nodes: view.nodes.filter((n) => shown.has(n.id)), edges };
}
