import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { LIMITS } from "@schemas/limits";
import {
  buildFracDocumentJsonSchema,
  FRAC_DOCUMENT_SCHEMA_ID,
  renderFracDocumentJsonSchema,
} from "@schemas/json-schema";
import { makeFracDocument, makeResource, nodeOf, withExtra } from "./doc-factory";

const schemaFile = new URL("../../../schemas/frac-document.schema.json", import.meta.url);
const asFile = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

// why validateFormats: false: ajv-formats is not a dependency; the uuid and date-time rules
// are also emitted as patterns, which ajv does check.
function compile() {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  return ajv.compile(buildFracDocumentJsonSchema());
}

describe("the committed JSON Schema", () => {
  it("is what the zod schema produces today", () => {
    const committed = readFileSync(schemaFile, "utf8");
    const stale = "schemas/frac-document.schema.json is out of date: run npm run schema:generate";
    expect(committed === renderFracDocumentJsonSchema(), stale).toBe(true);
  });

  it("identifies itself and describes the format", () => {
    const schema = buildFracDocumentJsonSchema();
    expect(schema.$id).toBe(FRAC_DOCUMENT_SCHEMA_ID);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("FRAC document 1.1");
    expect(String(schema.description)).toContain("Roles, Activities and Competencies");
  });
});

describe("validating with ajv", () => {
  const validate = compile();

  it("accepts a valid document, including unknown extra fields", () => {
    const doc = asFile(withExtra(makeFracDocument({ publishedAt: null }), [makeResource()])) as Record<string, unknown>;
    doc.addedInVersion1_1 = "ignored";
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a wrong node kind, a non-UUID id and a level above 5", () => {
    const doc = asFile(makeFracDocument()) as { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };
    doc.nodes[0].kind = "designation";
    doc.links[0].id = "link-1";
    doc.links[2].level = 6;
    expect(validate(doc)).toBe(false);
    const paths = new Set(validate.errors?.map((e) => e.instancePath));
    expect(paths).toContain("/nodes/0");
    expect(paths).toContain("/links/0/id");
    expect(paths).toContain("/links/2/level");
  });

  it("carries the LIMITS, which the structural zod schema leaves to the validator", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "role").description = "x".repeat(LIMITS.DESCRIPTION_MAX + 1);
    expect(validate(asFile(doc))).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: "/nodes/1/description", keyword: "maxLength" }),
    );
  });

  it("rejects a blank name, a scale of two levels and a non-http web address", () => {
    const doc = withExtra(makeFracDocument(), [makeResource({ url: "ftp://files.gov.in/x" })]);
    nodeOf(doc, "activity").name = "   ";
    nodeOf(doc, "competency").scale.levels.splice(2);
    expect(validate(asFile(doc))).toBe(false);
    // oneOf also reports each node against the other kinds' branches; look for the real causes.
    const failed = validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`) ?? [];
    expect(failed).toEqual(
      expect.arrayContaining(["/nodes/2/name pattern", "/nodes/3/scale/levels minItems", "/nodes/4/url pattern"]),
    );
    expect(failed.filter((f) => f.startsWith("/nodes/0") || f.startsWith("/nodes/1"))).toEqual([]);
  });
});
