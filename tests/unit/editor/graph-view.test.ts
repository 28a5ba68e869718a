import { describe, expect, it } from "vitest";
import { buildView, edgeWindow, sameRect, windowView, type ViewInput } from "~/components/editor/graph-view";
import { NODE_HEIGHT, NODE_WIDTH } from "~/components/editor/layout";
import type { EditorLink, EditorNode } from "~/components/editor/types";
import { DEFAULT_SCALE } from "@schemas/scale";

/** A chain per row: position → role → activity → competency, at 310-unit columns and 90-unit rows. */
function grid(rows: number): ViewInput {
  const nodes: Record<string, EditorNode> = {};
  const links: Record<string, EditorLink> = {};
  const kinds = ["position", "role", "activity", "competency"] as const;
  for (let r = 0; r < rows; r++) {
    kinds.forEach((kind, col) => {
      const common = { id: `${kind}-${r}`, name: `${kind} ${r}`, x: col * 310, y: r * 90 };
      nodes[common.id] = kind === "competency" ? { ...common, kind, competencyType: "Functional", scale: DEFAULT_SCALE } : { ...common, kind };
    });
    links[`pr-${r}`] = { id: `pr-${r}`, kind: "position_role", from: `position-${r}`, to: `role-${r}`, order: 0 };
    links[`ra-${r}`] = { id: `ra-${r}`, kind: "role_activity", from: `role-${r}`, to: `activity-${r}`, order: 0 };
    links[`ac-${r}`] = { id: `ac-${r}`, kind: "activity_competency", from: `activity-${r}`, to: `competency-${r}`, level: 2, order: 0 };
  }
  // One long link: the first activity also needs the last row's competency, far down the canvas.
  links.far = { id: "far", kind: "activity_competency", from: "activity-0", to: `competency-${rows - 1}`, level: 3, order: 1 };
  return { nodes, links, collapsed: {}, focusId: null, flags: new Map(), selectedId: null, fallback: new Map(), override: null, comments: new Map(), changes: null, onToggle: () => {}, nameOf: (n) => `${n.kind}: ${n.name}` };
}

describe("buildView", () => {
  it("shows every node and link of an expanded graph, with levels as edge labels", () => {
    const view = buildView(grid(3));
    expect(view.nodes).toHaveLength(12);
    expect(view.edges).toHaveLength(10);
    expect(view.edges.find((e) => e.id === "far")?.label).toBe("L3");
  });

  it("hides what only a collapsed node leads to, and keeps what is reachable another way", () => {
    const input = grid(3);
    const view = buildView({ ...input, collapsed: { "activity-0": true } });
    const ids = new Set(view.nodes.map((n) => n.id));
    expect(ids.has("competency-0")).toBe(false);
    expect(ids.has("competency-2")).toBe(true);
    expect(view.edges.some((e) => e.id === "far" || e.id === "ac-0")).toBe(false);
  });

  it("shows one position's sub-graph when focused", () => {
    const view = buildView({ ...grid(3), focusId: "position-1" });
    expect(view.nodes.map((n) => n.id).sort()).toEqual(["activity-1", "competency-1", "position-1", "role-1"]);
  });

  it("gives each node its accessible name and hands the node itself to the view, not a copy of some fields", () => {
    const input = grid(1);
    const view = buildView(input);
    const role = view.nodes.find((n) => n.id === "role-0");
    expect(role?.ariaLabel).toBe("role: role 0");
    expect(role?.data.node).toBe(input.nodes["role-0"]);
  });

  it("keeps the identity of unchanged nodes between views, so memoised nodes do not re-render", () => {
    const input = grid(2);
    const a = buildView(input);
    const b = buildView({ ...input, selectedId: "role-0" });
    expect(b.nodes.find((n) => n.id === "position-0")).toBe(a.nodes.find((n) => n.id === "position-0"));
    expect(b.nodes.find((n) => n.id === "role-0")).not.toBe(a.nodes.find((n) => n.id === "role-0"));
  });
});

describe("buildView with the changes since a published version", () => {
  it("marks added and changed nodes and links, and nothing when the changes are not shown", () => {
    const input = grid(2);
    const changes = new Map([
      ["role-1", "added"],
      ["activity-0", "changed"],
      ["pr-1", "added"],
      ["ac-0", "changed"],
      ["gone", "removed"],
    ] as const);
    const view = buildView({ ...input, changes });
    const node = (id: string) => view.nodes.find((n) => n.id === id)!;
    const edge = (id: string) => view.edges.find((e) => e.id === id)!;
    expect(node("role-1").data.change).toBe("added");
    expect(node("activity-0").data.change).toBe("changed");
    expect(node("position-0").data.change).toBeUndefined();
    expect(edge("pr-1").className).toContain("is-added");
    expect(edge("ac-0").className).toContain("is-changed");
    expect(edge("pr-0").className).not.toMatch(/is-(added|changed)/);
    const plain = buildView(input);
    expect(plain.nodes.every((n) => n.data.change === undefined)).toBe(true);
  });
});

describe("edgeWindow", () => {
  it("covers the screen and one screen around it, in flow coordinates, snapped outwards", () => {
    const w = edgeWindow({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 500 });
    expect(w.x).toBeLessThanOrEqual(-1000);
    expect(w.y).toBeLessThanOrEqual(-500);
    expect(w.x + w.width).toBeGreaterThanOrEqual(2000);
    expect(w.y + w.height).toBeGreaterThanOrEqual(1000);
  });

  it("grows as the view zooms out and follows a pan", () => {
    const near = edgeWindow({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 500 });
    const far = edgeWindow({ x: 0, y: 0, zoom: 0.25 }, { width: 1000, height: 500 });
    expect(far.width).toBeGreaterThanOrEqual(12_000);
    expect(far.width).toBeGreaterThan(near.width * 3);
    const panned = edgeWindow({ x: -5000, y: 0, zoom: 1 }, { width: 1000, height: 500 });
    expect(panned.x).toBeGreaterThan(near.x + 4000);
  });

  it("does not change for a small pan, so the canvas is not rebuilt on every frame", () => {
    const a = edgeWindow({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 500 });
    const b = edgeWindow({ x: -3, y: -2, zoom: 1 }, { width: 1000, height: 500 });
    expect(sameRect(a, b)).toBe(true);
  });
});

describe("windowView", () => {
  const view = buildView(grid(200));
  const top = { x: -400, y: -400, width: 2000, height: 1200 };

  it("keeps the nodes inside the window and the links with both ends inside", () => {
    const shown = windowView(view, top, null);
    const ids = new Set(shown.nodes.map((n) => n.id));
    expect(ids.has("position-0")).toBe(true);
    expect(ids.has("position-150")).toBe(false);
    for (const e of shown.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(shown.edges.some((e) => e.id === "far")).toBe(false);
    expect(shown.nodes.length).toBeLessThan(view.nodes.length / 4);
  });

  it("counts a node that overlaps the window's edge as inside", () => {
    const edge = { x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2, width: 10, height: 10 };
    expect(windowView(view, edge, null).nodes.map((n) => n.id)).toEqual(["position-0"]);
  });

  it("shows every link of the selected node, with the nodes at their far ends", () => {
    const shown = windowView(view, top, "activity-0");
    expect(shown.edges.some((e) => e.id === "far")).toBe(true);
    expect(shown.nodes.some((n) => n.id === "competency-199")).toBe(true);
  });

  it("keeps a selected node that lies outside the window, and a selected link", () => {
    expect(windowView(view, top, "role-180").nodes.some((n) => n.id === "role-180")).toBe(true);
    const byLink = windowView(view, top, "far");
    expect(byLink.edges.some((e) => e.id === "far")).toBe(true);
    expect(byLink.nodes.some((n) => n.id === "competency-199")).toBe(true);
  });
});
