import { describe, expect, it } from "vitest";
import { parseFracDocument, type FracDocument } from "@schemas/frac-document";
import { canonicalDocument, jsonChunks, toJsonText } from "@export/json";
import { batched, jsonPieces, materialise, StreamedArray } from "@export/json-stream";
import { makeExportDocument } from "../../factories/export-framework";

// The same document with every object's keys in reverse insertion order.
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe("JSON export", () => {
  it("is byte-identical for the same document, whatever order its keys were built in", () => {
    const { doc } = makeExportDocument();
    const text = toJsonText(doc);
    expect(toJsonText(doc)).toBe(text);
    expect(toJsonText(reversedKeys(doc))).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "schemaVersion": "1.0",\n  "mdo": {\n    "code": "DOE",');
  });

  it("writes keys in the schema's field order and drops unknown and undefined keys", () => {
    const { doc, n } = makeExportDocument();
    const extra = { ...doc, surprise: 1, nodes: doc.nodes.map((node) => ({ ...node, colour: "red", source: undefined })) };
    const canonical = canonicalDocument(extra as FracDocument);
    expect(Object.keys(canonical)).toEqual(["schemaVersion", "mdo", "version", "status", "revision", "publishedAt", "nodes", "links"]);
    const finance = canonical.nodes.find((node) => node.id === n.finance.id)!;
    expect(Object.keys(finance)).toEqual(["kind", "id", "name", "updatedAt", "competencyType", "code", "theme", "scale"]);
    expect(Object.keys(canonical.links[0])).toEqual(["id", "from", "to", "kind", "order"]);
    expect(Object.keys(canonical.nodes.find((node) => node.id === n.manual.id)!)).toEqual(["kind", "id", "name", "url", "resourceType"]);
  });

  it("parses back to the same document", () => {
    const { doc } = makeExportDocument();
    const parsed = parseFracDocument(JSON.parse(toJsonText(doc)));
    expect(parsed.ok && parsed.document).toEqual(canonicalDocument(doc));
  });

  it("streams exactly the bytes of the whole text", () => {
    const { doc } = makeExportDocument();
    expect([...jsonChunks(doc)].join("")).toBe(toJsonText(doc));
    const empty: FracDocument = { ...doc, nodes: [], links: [] };
    expect([...jsonChunks(empty)].join("")).toBe(toJsonText(empty));
  });
});

describe("JSON pieces", () => {
  const value = {
    a: 1,
    skip: undefined,
    list: new StreamedArray(() => [{ x: [1, { y: "z\nw" }] }, undefined, [], {}]),
    nested: { empty: new StreamedArray(() => []), deep: { more: new StreamedArray(function* () { yield 1; yield 2; }) } },
    plain: [1, 2],
  };

  it.each([0, 2, 4])("equals JSON.stringify of the materialised value with space %i", (space) => {
    const expected = JSON.stringify(materialise(value), null, space);
    expect([...jsonPieces(value, space)].join("")).toBe(expected);
    expect([...batched(jsonPieces(value, space), 8)].join("")).toBe(expected);
  });
});

describe("JSON pieces of long arrays (written in batches)", () => {
  // More items than one batch holds, with a streamed item, skipped values and nested arrays in between.
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) => (i === 300 ? new StreamedArray(() => [{ deep: i }]) : i % 97 === 0 ? undefined : { i, tags: [`t${i}`, "a\nb"], empty: {} }));
  const value = { head: "x", list: new StreamedArray(() => items(700)), nested: { again: new StreamedArray(() => items(600)) } };

  it.each([0, 2, 3])("equals JSON.stringify of the materialised value with space %i", (space) => {
    expect([...jsonPieces(value, space)].join("")).toBe(JSON.stringify(materialise(value), null, space));
  });

  it("writes a top-level array of plain items as JSON.stringify does", () => {
    const list = new StreamedArray(() => items(520).filter((item) => !(item instanceof StreamedArray)));
    expect([...jsonPieces(list, 2)].join("")).toBe(JSON.stringify(materialise(list), null, 2));
  });
});

describe("canonical order without copies", () => {
  it("returns a document already in schema order as it is, and copies one that is not", () => {
    const { doc } = makeExportDocument();
    const canonical = canonicalDocument(doc);
    expect(canonicalDocument(canonical)).toBe(canonical);
    expect(canonicalDocument(canonical).nodes[0]).toBe(canonical.nodes[0]);
    const reordered = reversedKeys(canonical);
    expect(canonicalDocument(reordered)).not.toBe(reordered);
    expect(canonicalDocument(reordered)).toEqual(canonical);
  });
});
