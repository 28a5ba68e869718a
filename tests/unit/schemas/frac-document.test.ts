import { describe, expect, it } from "vitest";
import {
  formatIssuePath,
  fracDocumentSchema,
  fracDocumentStrictSchema,
  parseFracDocument,
  SCHEMA_VERSION,
} from "@schemas/frac-document";
import { makeFracDocument, makeResource, nodeOf, withExtra } from "./doc-factory";

// Round-trips through JSON so the tests see what an uploaded file would contain.
const asFile = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function issuesOf(input: unknown) {
  const result = parseFracDocument(input);
  if (result.ok) throw new Error("expected the document to be rejected");
  return result.issues;
}

describe("parseFracDocument", () => {
  it("accepts a valid document and returns it unchanged", () => {
    const doc = withExtra(makeFracDocument({ publishedAt: null }), [makeResource()]);
    const result = parseFracDocument(asFile(doc));
    expect(result).toEqual({ ok: true, document: doc });
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("accepts a published version with a timestamp carrying an Indian offset", () => {
    const doc = makeFracDocument({ version: 3, status: "PUBLISHED", publishedAt: "2025-04-01T10:30:00+05:30" });
    expect(parseFracDocument(asFile(doc)).ok).toBe(true);
  });

  it("drops unknown keys at every level instead of rejecting them (forward compatibility)", () => {
    const doc = asFile(makeFracDocument()) as Record<string, unknown> & { nodes: object[]; links: object[] };
    doc.futureField = { anything: true };
    doc.nodes[0] = { ...doc.nodes[0], colour: "blue" };
    doc.links[0] = { ...doc.links[0], weight: 3 };
    const result = parseFracDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.document).not.toHaveProperty("futureField");
    expect(result.document.nodes[0]).not.toHaveProperty("colour");
    expect(result.document.links[0]).not.toHaveProperty("weight");
  });

  it("says the whole document is wrong when it is not an object", () => {
    expect(issuesOf(null)).toEqual([{ path: "(document)", message: expect.stringContaining("expected object") }]);
    expect(issuesOf([])[0].path).toBe("(document)");
  });

  it("names every missing top-level field", () => {
    const paths = issuesOf({}).map((i) => i.path);
    expect(paths).toEqual(["schemaVersion", "mdo", "version", "status", "nodes", "links"]);
    expect(issuesOf({})[0].message).toBe("is missing (expected string)");
  });

  it("points at an unknown node kind with the allowed kinds", () => {
    const doc = asFile(makeFracDocument()) as { nodes: Record<string, unknown>[] };
    doc.nodes[3].kind = "skill";
    expect(issuesOf(doc)).toEqual([
      {
        path: "nodes[3].kind",
        message: 'kind must be one of "position", "role", "activity", "competency", "knowledge_resource"',
      },
    ]);
  });

  it("points inside nested objects: a competency's scale and a link's level", () => {
    const doc = asFile(makeFracDocument()) as {
      nodes: { scale?: { levels: { name: string }[] } }[];
      links: Record<string, unknown>[];
    };
    const competency = doc.nodes[3];
    if (!competency.scale) throw new Error("test data: node 3 should be the competency");
    competency.scale.levels[1].name = "";
    doc.links[2].level = 2.5;
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(["nodes[3].scale.levels[1].name", "links[2].level"]);
    expect(issues[1].message).toBe("must be a whole number");
  });

  it("rejects ids that are not UUIDs, unknown link kinds and unsupported versions", () => {
    const doc = asFile(makeFracDocument({ schemaVersion: "2.0" })) as {
      nodes: Record<string, unknown>[];
      links: Record<string, unknown>[];
    };
    doc.nodes[0].id = "POS-1";
    doc.links[0].kind = "position_activity";
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(["schemaVersion", "nodes[0].id", "links[0].kind"]);
    expect(issues[0].message).toContain("1.x");
  });

  it("accepts only http and https web addresses on knowledge resources", () => {
    const bad = withExtra(makeFracDocument(), [makeResource({ url: "ftp://files.gov.in/gfr.pdf" })]);
    expect(issuesOf(asFile(bad))).toEqual([
      { path: "nodes[4].url", message: "must be a web address starting with http:// or https://" },
    ]);
    const good = withExtra(makeFracDocument(), [makeResource({ url: "HTTP://indiacode.nic.in/x?y=1" })]);
    expect(parseFracDocument(asFile(good)).ok).toBe(true);
  });

  it("rejects a draft version number of 0 and a negative revision", () => {
    expect(issuesOf(asFile(makeFracDocument({ version: 0 }))).map((i) => i.path)).toEqual(["version"]);
    expect(issuesOf(asFile(makeFracDocument({ revision: -1 }))).map((i) => i.path)).toEqual(["revision"]);
  });
});

describe("structural and strict variants", () => {
  it("lets over-long text and a blank name through the structural schema but not the strict one", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "role").description = "x".repeat(5001);
    nodeOf(doc, "activity").name = "   ";
    expect(fracDocumentSchema.safeParse(doc).success).toBe(true);
    const strict = fracDocumentStrictSchema.safeParse(doc);
    expect(strict.success).toBe(false);
    expect(strict.error?.issues.map((i) => formatIssuePath(i.path))).toEqual([
      "nodes[1].description",
      "nodes[2].name",
    ]);
  });

  it("lets a link level outside 1..5 through only the structural schema", () => {
    const doc = makeFracDocument();
    doc.links[2].level = 7;
    expect(fracDocumentSchema.safeParse(doc).success).toBe(true);
    expect(fracDocumentStrictSchema.safeParse(doc).success).toBe(false);
  });
});

describe("formatIssuePath", () => {
  it("writes indexes in brackets and quotes keys that are not identifiers", () => {
    expect(formatIssuePath(["nodes", 3, "kind"])).toBe("nodes[3].kind");
    expect(formatIssuePath(["mdo", "name with space"])).toBe('mdo["name with space"]');
    expect(formatIssuePath([])).toBe("(document)");
  });
});
