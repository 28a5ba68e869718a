/**
 * Where the canvas looks and how it is arranged: the opening viewport, the part of a large graph
 * React Flow is given (the window around the view), fitting, the automatic layout in the worker,
 * and the separate arrangement of a focused position.
 */
import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { childrenIndex, edgeWindow, sameRect, visibleIds, type Rect, type Viewport } from "./graph-view";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from "./layout";
import { useEditor, useEditorStore } from "./store";

type Positions = Map<string, { x: number; y: number }>;

// why a guess: the canvas is not measured before the first render; a large screen errs towards more links.
const ASSUMED_SCREEN = { width: 1920, height: 1080 };
const START_ZOOM = 0.8;

/** Where the canvas opens: the first position at the top-left, at a readable zoom. */
function startViewport(nodes: Record<string, { kind: string; x: number | null; y: number | null; id: string }>, fallback: Map<string, { x: number; y: number }>): Viewport {
  const first = Object.values(nodes).find((n) => n.kind === "position");
  const at = first ? (first.x !== null && first.y !== null ? { x: first.x, y: first.y } : fallback.get(first.id)) : undefined;
  return at ? { x: 24 - at.x * START_ZOOM, y: 16 - at.y * START_ZOOM, zoom: START_ZOOM } : { x: 24, y: 16, zoom: START_ZOOM };
}

/** The canvas state of one editor; `fallback` holds provisional positions of nodes not laid out yet. */
export function useCanvas(fallback: Positions) {
  const store = useEditorStore();
  const focusId = useEditor((s) => s.focusId);
  const flow = useReactFlow();
  const [layingOut, setLayingOut] = useState(() => Object.values(store.getState().nodes).some((n) => n.x === null || n.y === null));
  const [focusLayout, setFocusLayout] = useState<Positions | null>(null);

  const [initialViewport] = useState(() => startViewport(store.getState().nodes, fallback));
  const canvasRef = useRef<HTMLDivElement>(null);
  const [linkWindow, setLinkWindow] = useState<Rect>(() => edgeWindow(initialViewport, ASSUMED_SCREEN));
  const trackViewport = useCallback((viewport: Viewport) => {
    const el = canvasRef.current;
    const next = edgeWindow(viewport, el ? { width: el.clientWidth, height: el.clientHeight } : ASSUMED_SCREEN);
    setLinkWindow((prev) => (sameRect(prev, next) ? prev : next));
  }, []);

  // why bounds of our own: React Flow's fitView only sees the nodes it holds, which on a large graph are those around the view.
  const frame = useCallback(
    (positions?: Positions) => {
      const points = positions
        ? [...positions.values()]
        : Object.values(store.getState().nodes).flatMap((n) => {
            const p = n.x !== null && n.y !== null ? { x: n.x, y: n.y } : fallback.get(n.id);
            return p ? [p] : [];
          });
      if (points.length === 0) return;
      const minX = Math.min(...points.map((p) => p.x));
      const minY = Math.min(...points.map((p) => p.y));
      const maxX = Math.max(...points.map((p) => p.x)) + NODE_WIDTH;
      const maxY = Math.max(...points.map((p) => p.y)) + NODE_HEIGHT;
      void flow.fitBounds({ x: minX, y: minY, width: maxX - minX, height: maxY - minY }, { padding: 0.1, duration: 250 });
    },
    [store, flow, fallback],
  );

  // After the first automatic layout: back to the node being worked on, else to the first position.
  const returnToWork = useCallback(() => {
    const s = store.getState();
    const id = s.selection?.type === "node" ? s.selection.id : s.selection ? s.links[s.selection.id]?.from : undefined;
    const n = id ? s.nodes[id] : undefined;
    if (n && n.x !== null && n.y !== null) void flow.setCenter(n.x + NODE_WIDTH / 2, n.y + NODE_HEIGHT / 2, { zoom: flow.getZoom() });
    else void flow.setViewport(startViewport(s.nodes, new Map()));
  }, [store, flow]);

  const runLayout = useCallback(
    async (all: boolean) => {
      const s = store.getState();
      const list = Object.values(s.nodes);
      if (list.length === 0) return;
      setLayingOut(true);
      try {
        const positions = await layoutGraph({
          nodes: list.map((n) => ({ id: n.id, kind: n.kind })),
          edges: Object.values(s.links).map((l) => ({ id: l.id, from: l.from, to: l.to })),
        });
        const current = store.getState();
        const moves = [...positions]
          .filter(([id]) => current.nodes[id] && (all || current.nodes[id].x === null))
          .map(([id, p]) => ({ op: "node.move" as const, id, x: p.x, y: p.y }));
        if (all && current.canEdit) {
          const back = moves.map((m) => {
            const n = current.nodes[m.id];
            return { op: "node.move" as const, id: m.id, x: n.x ?? m.x, y: n.y ?? m.y };
          });
          current.perform({ label: "re-layout", forward: moves, backward: back });
        } else {
          current.performSilently(moves);
        }
        if (all) frame();
        else returnToWork();
      } finally {
        setLayingOut(false);
      }
    },
    [store, frame, returnToWork],
  );

  // Focusing on one position arranges its sub-graph on its own (for this view only) and frames it.
  const lastFocus = useRef<string | null>(null);
  useEffect(() => {
    // why: `frame` changes identity with the graph; act only when the focus changed.
    if (lastFocus.current === focusId) return;
    lastFocus.current = focusId;
    let cancelled = false;
    if (!focusId) {
      setFocusLayout(null);
      frame();
      return;
    }
    const s = store.getState();
    const ids = visibleIds(s, childrenIndex(s.links), {}, focusId);
    void layoutGraph({
      nodes: [...ids].map((id) => ({ id, kind: s.nodes[id].kind })),
      edges: Object.values(s.links).filter((l) => ids.has(l.from) && ids.has(l.to)).map((l) => ({ id: l.id, from: l.from, to: l.to })),
    }).then((positions) => {
      if (cancelled) return;
      setFocusLayout(positions);
      frame(positions);
    });
    return () => {
      cancelled = true;
    };
  }, [focusId, frame, store]);

  // A draft without stored positions (e.g. after an import) is usable at once and laid out in a worker.
  const laidOut = useRef(false);
  useEffect(() => {
    if (laidOut.current) return;
    laidOut.current = true;
    if (Object.values(store.getState().nodes).some((n) => n.x === null || n.y === null)) void runLayout(false);
  }, [runLayout, store]);

  return { layingOut, focusLayout, initialViewport, canvasRef, linkWindow, trackViewport, frame, runLayout };
}
