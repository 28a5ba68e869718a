import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toFlatCells } from "@schemas/flat-layout";
import { parseDelimited } from "@import/csv";
import { analyseImport, checkFileSize, ImportError, type AnalyseImportInput, type ImportAnalysis } from "@import/index";
import type { ImportPlan } from "@import/plan-types";
import {
  cbicDomain,
  emptySnapshot,
  FLAT_HEADER_ROW,
  fixture,
  fixtureText,
  flatRow,
  kcmDictionary,
  storedZip,
  toCsv,
  utf16,
  utf8,
} from "../../factories/import-data";

const DICTIONARY = [...kcmDictionary(), ...cbicDomain(["Tariff classification"])];

function analyse(bytes: Uint8Array, o: Partial<AnalyseImportInput> = {}): Promise<ImportAnalysis> {
  return analyseImport({
    fileName: "frac.csv",
    bytes,
    existing: emptySnapshot(),
    dictionary: DICTIONARY,
    mdoCode: "CBIC",
    mode: "merge",
    ...o,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

const plan = (a: ImportAnalysis): ImportPlan => {
  if (!a.plan) throw new Error("expected a plan");
  return a.plan;
};

const cbicRows = parseDelimited(fixtureText("cbic-flat-utf8-bom.csv")).rows;
const EXPECTED = { position: 2, role: 2, activity: 7, competency: 1, link: 26 };

describe("analyseImport: the same sheet in every encoding and shape", () => {
  const variants: [string, Uint8Array, string, string][] = [
    ["UTF-8 with BOM, comma, CRLF (committed fixture)", fixture("cbic-flat-utf8-bom.csv"), "utf-8-bom", ","],
    ["UTF-8 without BOM, semicolon, LF", utf8(toCsv(cbicRows, ";", "\n")), "utf-8", ";"],
    ["UTF-16LE with BOM, tab (Excel Unicode text)", utf16(toCsv(cbicRows, "\t"), "le"), "utf-16le", "\t"],
    ["UTF-16LE without BOM, tab", utf16(toCsv(cbicRows, "\t"), "le", false), "utf-16le", "\t"],
    ["UTF-16BE with BOM, tab", utf16(toCsv(cbicRows, "\t"), "be"), "utf-16be", "\t"],
  ];
  for (const [name, bytes, encoding, delimiter] of variants) {
    it(`reads ${name}`, async () => {
      const result = await analyse(bytes);
      expect(result).toMatchObject({
        fileKind: "delimited",
        layout: "flat",
        encoding,
        delimiter,
        headerRow: 1,
        rowCount: 25,
      });
      expect(result.findings).toEqual([]);
      expect(plan(result).created).toEqual(EXPECTED);
      expect(result.preview[0]).toMatchObject({ row: 2, cells: expect.arrayContaining(["Examiner", "परीक्षक"]) });
    });
  }
});

describe("analyseImport: workbooks", () => {
  async function cbicWorkbook(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const cover = workbook.addWorksheet("Read me");
    cover.addRow(["This workbook lists CBIC's FRAC."]);
    const sheet = workbook.addWorksheet("FRAC");
    sheet.addRow(cbicRows[0]);
    for (const row of cbicRows.slice(1))
      sheet.addRow(row.map((cell, i) => (i === 13 ? { formula: `${cell}*1`, result: Number(cell) } : cell)));
    // The Examiner's name merged over its nine rows (2–10), as people lay out sheets.
    sheet.mergeCells("B2:B10");
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it("reads the sheet the user picks, with formulas as cached values and merged cells filled", async () => {
    const result = await analyse(await cbicWorkbook(), { fileName: "cbic.xlsx", sheet: "frac" });
    expect(result).toMatchObject({ fileKind: "workbook", sheet: "FRAC", layout: "flat", rowCount: 25 });
    expect(result.sheets).toEqual([
      { name: "Read me", hidden: false },
      { name: "FRAC", hidden: false },
    ]);
    expect(result.findings).toEqual([]);
    expect(plan(result).created).toEqual(EXPECTED);
  });

  it("reads the first sheet by default and says which sheets exist when a name is wrong", async () => {
    const bytes = await cbicWorkbook();
    expect((await analyse(bytes, { fileName: "cbic.xlsx" })).layout).toBe("unknown");
    const error = await rejection(analyse(bytes, { fileName: "cbic.xlsx", sheet: "Sheet9" }));
    expect(error).toMatchObject({ code: "sheet_not_found", status: 400 });
    expect(error.message).toContain('"Read me", "FRAC"');
  });
});

describe("analyseImport: a layout it does not know", () => {
  it("asks for a mapping for the real OpenSALT CASE spreadsheet, then reads it with the user's mapping", async () => {
    const bytes = fixture("opensalt_sample_case.csv");
    const unknown = await analyse(bytes, { fileName: "opensalt_sample_case.csv" });
    expect(unknown).toMatchObject({ layout: "unknown", plan: null, rowCount: 10, headerRow: 1 });
    expect(unknown.headers).toContain("Human Coding Scheme");
    expect(unknown.suggestedMapping).toMatchObject({ Identifier: null, fullStatement: null });
    expect(unknown.findings).toEqual([expect.objectContaining({ code: "layout_unknown", severity: "error" })]);
    expect(unknown.preview[0]).toEqual({ row: 2, cells: expect.arrayContaining(["Math", "Everything about math"]) });

    const mapped = await analyse(bytes, {
      fileName: "opensalt_sample_case.csv",
      mapping: { Identifier: "role", fullStatement: "roleDescription" },
    });
    expect(mapped.layout).toBe("flat");
    expect(mapped.findings.filter((f) => f.code === "header_missing").map((f) => f.column)).toEqual([
      "Activity",
      "Competency",
      "Position",
      "Required level",
    ]);
    expect(plan(mapped).ok).toBe(false);
    expect(plan(mapped).created.role).toBe(10);
    expect(plan(mapped).nodes.role.create[0]).toMatchObject({ name: "Math", description: "Everything about math" });
  });
});

describe("analyseImport: bad input", () => {
  it("refuses a file over the byte limit with a 413 before reading it", async () => {
    const bytes = new Uint8Array(8);
    // why: a fake length stands in for a 200 MB upload; the check must not need the bytes.
    Object.defineProperty(bytes, "byteLength", { value: 200 * 1024 * 1024 });
    const error = await rejection(analyse(bytes));
    expect(error).toMatchObject({ code: "file_too_large", status: 413 });
    expect(error.message).toContain("at most 128 MB");
    expect(() => checkFileSize(100)).not.toThrow();
    expect(() => checkFileSize(101, 100)).toThrowError(expect.objectContaining({ status: 413 }));
  });

  it("refuses empty, binary, old .xls and fake .xlsx files with a reason", async () => {
    expect(await rejection(analyse(new Uint8Array(0)))).toMatchObject({ code: "empty_file" });
    expect(await rejection(analyse(utf8("\r\n\r\n")))).toMatchObject({ code: "empty_file" });
    const garbage = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    expect(await rejection(analyse(garbage, { fileName: "frac.csv" }))).toMatchObject({ code: "binary_file" });
    expect(
      await rejection(analyse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), { fileName: "frac.xls" })),
    ).toMatchObject({ code: "old_excel_format" });
    expect(await rejection(analyse(utf8("Position,Role\n"), { fileName: "frac.xlsx" }))).toMatchObject({
      code: "unreadable_workbook",
    });
    expect(
      await rejection(analyse(storedZip({ "word/document.xml": "<w:document/>" }), { fileName: "frac.xlsx" })),
    ).toMatchObject({ code: "unreadable_workbook" });
  });

  it("reports a header without data rows as an error, so nothing is applied", async () => {
    const result = await analyse(utf8(toCsv([FLAT_HEADER_ROW])));
    expect(result.findings).toEqual([expect.objectContaining({ row: 1, code: "no_rows", severity: "error" })]);
    expect(plan(result).ok).toBe(false);
  });

  it("reports unbalanced quotes with their row, and still plans the rows before them", async () => {
    const text =
      toCsv([FLAT_HEADER_ROW, flatRow()]) +
      flatRow({ role: '"Budget preparation' }).join(",") +
      "\r\n" +
      toCsv([flatRow({ role: "Audit" })]);
    const result = await analyse(utf8(text));
    expect(result.findings.filter((f) => f.severity === "error").map((f) => [f.row, f.code])).toContainEqual([
      3,
      "csv_quotes",
    ]);
    expect(plan(result).ok).toBe(false);
    expect(plan(result).nodes.role.create.map((r) => r.name)).toContain("Budget preparation");
  });

  it("reports duplicate headers", async () => {
    const result = await analyse(
      utf8(
        toCsv([
          [...FLAT_HEADER_ROW, "Designation"],
          [...flatRow(), "US"],
        ]),
      ),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({ row: 1, code: "header_duplicate", column: "Position" }),
    );
  });

  it("round-trips formula-like text through an export-shaped file without running it", async () => {
    const names = {
      position: '=HYPERLINK("http://evil.example","Click")',
      role: "+Budget",
      activity: "-Review",
      roleDescription: "@SUM(1,2)",
    };
    const exported = toCsv([
      FLAT_HEADER_ROW,
      toFlatCells({
        ...names,
        competency: "Sound Judgement",
        competencyType: "Behavioural",
        theme: "Decision Making",
        requiredLevel: 3,
      }),
    ]);
    expect(exported).toContain("'=HYPERLINK");
    const result = await analyse(utf8(exported));
    expect(result.findings).toEqual([]);
    const p = plan(result);
    expect(p.nodes.position.create[0].name).toBe(names.position);
    expect(p.nodes.role.create[0]).toMatchObject({ name: "+Budget", description: "@SUM(1,2)" });
    expect(p.nodes.activity.create[0].name).toBe("-Review");
  });
});
