/**
 * Property-based fuzzing of the CASE package reader (fast-check, bounded, decision 007): any
 * bytes or JSON give a read package or an ImportError, never another exception; a valid package
 * with any text keeps every statement exactly and puts parents before children.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCasePackage } from "@import/case-package";
import { ImportError } from "@import/findings";

function outcome(bytes: Uint8Array): "read" | "refused" {
  try {
    const read = readCasePackage(bytes);
    expect(Array.isArray(read.entries)).toBe(true);
    return "read";
  } catch (e) {
    if (e instanceof ImportError) return "refused";
    throw e;
  }
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const RUNS = { numRuns: 200, interruptAfterTimeLimit: 20_000 };

const validPackage = {
  CFDocument: { identifier: "doc-1", title: "Fuzz", caseVersion: "1.1" },
  CFItems: [
    { identifier: "i-1", fullStatement: "One" },
    { identifier: "i-2", fullStatement: "Two" },
  ],
  CFAssociations: [{ identifier: "a-1", associationType: "isChildOf", originNodeURI: { identifier: "i-2" }, destinationNodeURI: { identifier: "i-1" }, sequenceNumber: 1 }],
};

describe("fuzzing the CASE package reader", { timeout: 60_000 }, () => {
  it("reads any bytes into a package or a refusal", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => void outcome(bytes)), RUNS);
  });

  it("reads any JSON into a package or a refusal", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => void outcome(encode(value))), RUNS);
  });

  it("reads a valid package with any one part replaced by any JSON into a package or a refusal", () => {
    const part = fc.constantFrom<(p: typeof validPackage, v: unknown) => unknown>(
      (p, v) => ({ ...p, CFDocument: v }),
      (p, v) => ({ ...p, CFItems: v }),
      (p, v) => ({ ...p, CFAssociations: v }),
      (p, v) => ({ ...p, CFItems: [v, ...p.CFItems] }),
      (p, v) => ({ ...p, CFAssociations: [v] }),
      (p, v) => ({ ...p, CFItems: [{ ...p.CFItems[0], fullStatement: v }, p.CFItems[1]] }),
      (p, v) => ({ ...p, CFAssociations: [{ ...p.CFAssociations[0], sequenceNumber: v }] }),
      (p, v) => ({ ...p, CFAssociations: [{ ...p.CFAssociations[0], destinationNodeURI: v }] }),
    );
    fc.assert(fc.property(part, fc.jsonValue({ maxDepth: 3 }), (replace, value) => void outcome(encode(replace(validPackage, value)))), RUNS);
  });

  it("keeps any statement (any script, outside the BMP too) exactly, and puts parents before children", () => {
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "");
    const tree = fc.array(fc.tuple(text, fc.nat()), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(tree, (nodes) => {
        // item k's parent is one of the items before it (or the document), so there is never a cycle
        const items = nodes.map(([statement], k) => ({ identifier: `item-${k}`, fullStatement: statement }));
        const associations = nodes.flatMap(([, p], k) => (k > 0 && p % (k + 1) < k ? [{ identifier: `a-${k}`, associationType: "isChildOf", originNodeURI: { identifier: `item-${k}` }, destinationNodeURI: { identifier: `item-${p % (k + 1)}` } }] : []));
        const read = readCasePackage(encode({ CFDocument: { identifier: "doc", title: "T" }, CFItems: [...items].reverse(), CFAssociations: associations }));
        expect(read.entries).toHaveLength(items.length);
        const seen = new Set<string>();
        for (const e of read.entries) {
          expect(e.fullStatement).toBe(items[Number(e.id.slice(5))].fullStatement);
          if (e.parentId) expect(seen.has(e.parentId)).toBe(true);
          seen.add(e.id);
        }
      }),
      RUNS,
    );
  });
});
