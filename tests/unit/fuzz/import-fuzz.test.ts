/**
 * Property-based fuzzing of the readers (fast-check, bounded): whatever bytes or JSON arrive,
 * the import answers with findings or a refusal (ImportError), the document parser with issues,
 * the validator with findings — never an unexpected exception. There is no CASE reader (the
 * import reads CASE only as an OpenSALT spreadsheet, through the same workbook and CSV paths).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseImport, ImportError } from "@import/index";
import { parseFracDocument } from "@schemas/frac-document";
import { validateFracDocument } from "@schemas/validator";
import { dictionaryOf, makeExportDocument, snapshotOf } from "../../factories/export-framework";
import { storedZip } from "../../factories/import-data";

const { doc } = makeExportDocument();
const context = { existing: snapshotOf(doc), dictionary: dictionaryOf(doc), mdoCode: "DOE", mode: "merge" as const };

/** Runs the import's entry; resolves to "refused" for an ImportError and rethrows anything else. */
async function importOutcome(fileName: string, bytes: Uint8Array): Promise<"read" | "refused"> {
  try {
    const analysis = await analyseImport({ fileName, bytes, ...context });
    expect(Array.isArray(analysis.findings)).toBe(true);
    return "read";
  } catch (e) {
    if (e instanceof ImportError) return "refused";
    throw e;
  }
}

const NAMES = ["data.csv", "data.xlsx", "data.json", "data.txt", "data"];
const RUNS = { numRuns: 150, interruptAfterTimeLimit: 20_000 };

describe("fuzzing the import", { timeout: 60_000 }, () => {
  it("reads any bytes under any name into findings or a refusal", async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2048 }), async (name, bytes) => {
      await importOutcome(name, bytes);
    }), RUNS);
  });

  it("reads any text that looks like a spreadsheet (delimiters, quotes, BOMs, line ends) into findings or a refusal", async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '""', "=SUM(A1)", "\r", "\n", "\t", ";", ",", "\uFEFF", "Position", "Role", "Activity", "Competency", "Required level", "3", "9", "-1"));
    const sheet = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 12 });
    await fc.assert(fc.asyncProperty(sheet, fc.constantFrom(",", ";", "\t"), fc.boolean(), async (rows, delimiter, bom) => {
      const text = (bom ? "\uFEFF" : "") + rows.map((r) => r.join(delimiter)).join("\r\n");
      await importOutcome("sheet.csv", new TextEncoder().encode(text));
    }), RUNS);
  });

  it("reads any zip (a broken workbook) into a refusal, not an exception", async () => {
    const entry = fc.constantFrom("xl/workbook.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "mimetype");
    const files = fc.dictionary(entry, fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("<workbook/>", "<?xml version=\"1.0\"?><worksheet><sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData></worksheet>", "<sst count=\"1\"><si><t>x</t></si></sst>")), { maxKeys: 5 });
    await fc.assert(fc.asyncProperty(files, async (content) => {
      await importOutcome("book.xlsx", storedZip(content));
    }), { numRuns: 80, interruptAfterTimeLimit: 20_000 });
  });

  it("reads any JSON value as a FracDocument into findings or a refusal", async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
      await importOutcome("doc.json", new TextEncoder().encode(JSON.stringify(value)));
    }), RUNS);
  });

  it("reads a valid document with any one part replaced by any JSON into findings or a refusal; the validator never throws", async () => {
    const base = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    const paths = collectPaths(base);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), async (path, value) => {
      const mutated = setAt(JSON.parse(JSON.stringify(base)), path, value);
      await importOutcome("doc.json", new TextEncoder().encode(JSON.stringify(mutated)));
      const parsed = parseFracDocument(mutated);
      if (parsed.ok) {
        expect(Array.isArray(validateFracDocument(parsed.document, { mode: "submit" }))).toBe(true);
      } else {
        expect(parsed.issues.length).toBeGreaterThan(0);
      }
    }), RUNS);
  });
});

type Path = (string | number)[];

function collectPaths(value: unknown, at: Path = []): Path[] {
  const here = at.length ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => collectPaths(v, [...at, i]))];
  if (value && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => collectPaths(v, [...at, k]))];
  return here;
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): unknown {
  let node: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return root;
}
