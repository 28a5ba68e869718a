/**
 * Automatic layout: elkjs "layered", left to right (positions → roles → activities → competencies).
 * The only module that imports elkjs. It runs in a Web Worker (elk-worker.min.js served by a
 * resource route), so laying out thousands of nodes never blocks the canvas.
 */
import ELK from "elkjs/lib/elk-api.js";
import type { NodeKind } from "@schemas/enums";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 76;

const LAYER: Record<NodeKind, number> = { position: 0, role: 1, activity: 2, competency: 3, knowledge_resource: 3 };
/** Distance between the left edges of two columns; rows are stacked NODE_HEIGHT + ROW_GAP apart at least. */
const COLUMN_STEP = NODE_WIDTH + 110;
const ROW_GAP = 24;
const RESOURCE_INDENT = 40;

// why these options: docs/baselines.md measured default elk at 9–11 s for 2,000 nodes; fast options ~3 s.
// why no partitioning: elk enforces partitions with a dummy edge from every node of one partition to
// every node of the next (1,430 activities × 94 shared competencies took 170 s); the columns come
// from alignColumns instead, and elk only decides the order within each column.
const FAST_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.thoroughness": "1",
  "elk.layered.layering.strategy": "LONGEST_PATH",
  "elk.edgeRouting": "POLYLINE",
  "elk.layered.spacing.nodeNodeBetweenLayers": "90",
  "elk.spacing.nodeNode": String(ROW_GAP),
  "elk.separateConnectedComponents": "false",
};
/** Kinds placed after elk, beside the nodes that require them (see layoutGraph). */
const LEAF_KINDS: ReadonlySet<NodeKind> = new Set(["competency", "knowledge_resource"]);

const columnX = (kind: NodeKind) => LAYER[kind] * COLUMN_STEP + (kind === "knowledge_resource" ? RESOURCE_INDENT : 0);

/**
 * One column per kind, keeping elk's order and, where there is room, its heights: nodes of a
 * column are taken top to bottom and pushed down only as far as needed not to overlap.
 */
export function alignColumns(placed: { id: string; kind: NodeKind; x: number; y: number }[]): Map<string, { x: number; y: number }> {
  const columns = new Map<number, typeof placed>();
  for (const p of placed) {
    const list = columns.get(LAYER[p.kind]);
    if (list) list.push(p);
    else columns.set(LAYER[p.kind], [p]);
  }
  const out = new Map<string, { x: number; y: number }>();
  for (const list of columns.values()) {
    list.sort((a, b) => a.y - b.y || a.x - b.x);
    let next = -Infinity;
    for (const p of list) {
      const y = Number.isFinite(p.y) ? Math.max(Math.round(p.y), next) : Math.max(next, 0);
      out.set(p.id, { x: columnX(p.kind), y });
      next = y + NODE_HEIGHT + ROW_GAP;
    }
  }
  return out;
}

let elk: InstanceType<typeof ELK> | null = null;
const getElk = () => (elk ??= new ELK({ workerUrl: "/resources/elk-worker.js" }));

export type LayoutInput = { nodes: { id: string; kind: NodeKind }[]; edges: { id: string; from: string; to: string }[] };

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1] : Infinity;
};

/**
 * Lays the graph out and returns each node's top-left position. elk orders the hierarchy
 * (positions → roles → activities); competencies and resources then sit at the median height
 * of the nodes that require them. why: a competency is shared by dozens of activities across the
 * framework, and letting elk weigh those links scatters every position's roles and activities far
 * from it (measured on 2,000 nodes: a role 66 rows from its position, against 2–3 without them).
 */
export async function layoutGraph(input: LayoutInput): Promise<Map<string, { x: number; y: number }>> {
  const hierarchy = input.nodes.filter((n) => !LEAF_KINDS.has(n.kind));
  const inHierarchy = new Set(hierarchy.map((n) => n.id));
  const graph = {
    id: "root",
    layoutOptions: FAST_OPTIONS,
    children: hierarchy.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      ...(n.kind === "position" ? { layoutOptions: { "elk.layered.layering.layerConstraint": "FIRST" } } : {}),
    })),
    edges: input.edges.filter((e) => inHierarchy.has(e.from) && inHierarchy.has(e.to)).map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const result = hierarchy.length ? await getElk().layout(graph) : { children: [] };
  const height = new Map((result.children ?? []).map((c) => [c.id, c.y ?? 0]));
  const requiredAt = new Map<string, number[]>();
  for (const e of input.edges) {
    const y = height.get(e.from);
    if (y === undefined || inHierarchy.has(e.to)) continue;
    const list = requiredAt.get(e.to);
    if (list) list.push(y);
    else requiredAt.set(e.to, [y]);
  }
  return alignColumns(
    input.nodes.map((n) => ({ id: n.id, kind: n.kind, x: 0, y: inHierarchy.has(n.id) ? (height.get(n.id) ?? 0) : median(requiredAt.get(n.id) ?? []) })),
  );
}

/** A quick placement used until the real layout arrives: one column per kind, in document order. */
export function provisionalPositions(nodes: { id: string; kind: NodeKind }[]): Map<string, { x: number; y: number }> {
  const rows: number[] = [];
  const out = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    // why per column, not per kind: competencies and resources share the last column.
    const row = (rows[LAYER[n.kind]] = (rows[LAYER[n.kind]] ?? -1) + 1);
    out.set(n.id, { x: columnX(n.kind), y: row * (NODE_HEIGHT + ROW_GAP) });
  }
  return out;
}
