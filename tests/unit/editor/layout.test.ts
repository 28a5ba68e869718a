import { describe, expect, it } from "vitest";
import { alignColumns, NODE_HEIGHT, provisionalPositions } from "~/components/editor/layout";

describe("alignColumns", () => {
  it("puts each kind in its own column, left to right, whatever layer elk chose", () => {
    const out = alignColumns([
      { id: "p", kind: "position", x: 0, y: 0 },
      { id: "r", kind: "role", x: 500, y: 0 },
      // elk put an unlinked activity in the first layer; it still belongs to the activity column.
      { id: "a", kind: "activity", x: 0, y: 300 },
      { id: "c", kind: "competency", x: 7000, y: 0 },
    ]);
    const x = (id: string) => out.get(id)!.x;
    expect(x("p")).toBeLessThan(x("r"));
    expect(x("r")).toBeLessThan(x("a"));
    expect(x("a")).toBeLessThan(x("c"));
    expect(out.get("a")!.y).toBe(300);
  });

  it("keeps elk's order within a column and pushes overlapping nodes down just enough", () => {
    const out = alignColumns([
      { id: "second", kind: "activity", x: 0, y: 40 },
      { id: "first", kind: "activity", x: 900, y: 10.4 },
      { id: "third", kind: "activity", x: 0, y: 1000 },
    ]);
    expect(out.get("first")!.y).toBe(10);
    expect(out.get("second")!.y).toBeGreaterThanOrEqual(10 + NODE_HEIGHT);
    expect(out.get("third")!.y).toBe(1000);
  });

  it("stacks knowledge resources with the competencies of the last column without overlap", () => {
    const out = alignColumns([
      { id: "c", kind: "competency", x: 0, y: 0 },
      { id: "k", kind: "knowledge_resource", x: 0, y: 0 },
    ]);
    expect(Math.abs(out.get("c")!.y - out.get("k")!.y)).toBeGreaterThanOrEqual(NODE_HEIGHT);
  });
});

describe("provisionalPositions", () => {
  it("uses the same columns as the automatic layout", () => {
    const quick = provisionalPositions([{ id: "a", kind: "activity" }]);
    const laid = alignColumns([{ id: "a", kind: "activity", x: 0, y: 0 }]);
    expect(quick.get("a")!.x).toBe(laid.get("a")!.x);
  });
});
