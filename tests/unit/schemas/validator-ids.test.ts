import { describe, expect, it } from "vitest";
import type { FracLink, FracNode } from "@schemas/frac-document";
import { LIMITS } from "@schemas/limits";
import { validateFracDocument } from "@schemas/validator";
import { makeActivity, makeFracDocument, makeLink, nodeOf, withExtra } from "./doc-factory";

// why the timeout: these tests build frameworks at the size limits (2,50,000 nodes, 10,00,000
// links); they assert findings, not speed, but a busy CI machine needs more than 5 s for them.
const AT_LIMIT_TIMEOUT_MS = 30_000;

// Cheap, valid, distinct UUIDs for the size tests: randomUUID a million times is slow for no gain.
const seqId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

describe("duplicate_id", () => {
  it("reports a second node that reuses an id, naming both nodes", () => {
    const doc = makeFracDocument();
    const activity = nodeOf(doc, "activity");
    const copy = makeActivity({ id: activity.id, name: "Prepare outcome budget" });
    const findings = validateFracDocument(withExtra(doc, [copy])).filter((f) => f.code === "duplicate_id");
    expect(findings).toEqual([
      {
        severity: "error",
        code: "duplicate_id",
        nodeId: activity.id,
        message: `Activity "Prepare outcome budget" has the same id as Activity "Consolidate demands for grants" (${activity.id}). Every node needs its own id.`,
      },
    ]);
  });

  it("reports two links that share an id", () => {
    const doc = makeFracDocument();
    const reused = makeLink(nodeOf(doc, "role"), nodeOf(doc, "competency"), { id: doc.links[0].id });
    const findings = validateFracDocument(withExtra(doc, [], [reused])).filter((f) => f.code === "duplicate_id");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ linkId: reused.id });
    expect(findings[0].message).toContain('The link from Role "Budget preparation" to Competency "Financial Management"');
    expect(findings[0].message).toContain("same id as another link");
  });

  it("reports a link that uses a node's id", () => {
    const doc = makeFracDocument();
    const role = nodeOf(doc, "role");
    doc.links[1] = { ...doc.links[1], id: role.id };
    const findings = validateFracDocument(doc).filter((f) => f.code === "duplicate_id");
    expect(findings).toEqual([
      {
        severity: "error",
        code: "duplicate_id",
        linkId: role.id,
        nodeId: role.id,
        message: `The link from Role "Budget preparation" to Activity "Consolidate demands for grants" has the same id as Role "Budget preparation" (${role.id}). Links and nodes need ids of their own.`,
      },
    ]);
  });
});

describe("too_many_nodes and too_many_links", () => {
  it("reports a framework with more nodes than the limit", () => {
    const nodes: FracNode[] = Array.from({ length: LIMITS.NODES_PER_FRAMEWORK_MAX + 1 }, (_, i) => ({
      id: seqId(i),
      kind: "position",
      name: `Position ${i}`,
    }));
    const findings = validateFracDocument(makeFracDocument({ nodes, links: [] }));
    expect(findings[0]).toEqual({
      severity: "error",
      code: "too_many_nodes",
      message: "The framework has 2,50,001 nodes; the limit is 2,50,000. Split it or remove unused entries.",
    });
    expect(findings.filter((f) => f.severity === "error")).toHaveLength(1);
  }, AT_LIMIT_TIMEOUT_MS);

  it("reports a framework with more links than the limit", () => {
    // 1,001 positions × 1,000 roles gives 10,01,000 distinct, valid position → role links.
    const positions: FracNode[] = Array.from({ length: 1001 }, (_, i) => ({ id: seqId(i), kind: "position", name: `P${i}` }));
    const roles: FracNode[] = Array.from({ length: 1000 }, (_, i) => ({ id: seqId(10_000 + i), kind: "role", name: `R${i}` }));
    const links: FracLink[] = [];
    for (const p of positions) for (const r of roles) links.push({ id: seqId(100_000 + links.length), from: p.id, to: r.id, kind: "position_role" });
    const errors = validateFracDocument(makeFracDocument({ nodes: [...positions, ...roles], links })).filter(
      (f) => f.severity === "error",
    );
    expect(errors).toEqual([
      { severity: "error", code: "too_many_links", message: "The framework has 10,01,000 links; the limit is 10,00,000." },
    ]);
  }, AT_LIMIT_TIMEOUT_MS);

  it("stays quiet at exactly the node limit", () => {
    const doc = makeFracDocument();
    const fillers: FracNode[] = Array.from({ length: LIMITS.NODES_PER_FRAMEWORK_MAX - doc.nodes.length }, (_, i) => ({
      id: seqId(i),
      kind: "position",
      name: `Position ${i}`,
    }));
    const codes = new Set(validateFracDocument(withExtra(doc, fillers)).map((f) => f.code));
    expect([...codes]).toEqual(["position_without_role"]);
  }, AT_LIMIT_TIMEOUT_MS);
});
