import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, listSheets, readWorkbook } from "@import/xlsx";
import { storedZip } from "../../factories/import-data";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A ministry's sheet as people make them: a merged position cell, a formula, rich text, a date, a second sheet. */
async function messyWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Positions");
  sheet.addRow(["Position", "Role", "Required level", "Reviewed on", "Note"]);
  sheet.addRow([
    "Under Secretary",
    "Budget preparation",
    { formula: "1+2", result: 3 },
    new Date(Date.UTC(2025, 2, 31)),
    { richText: [{ text: "Checked " }, { font: { bold: true }, text: "twice" }] },
  ]);
  sheet.addRow([
    null,
    "Expenditure control",
    { formula: "C2+1", result: 4 },
    null,
    { text: "Manual", hyperlink: "https://example.gov.in" },
  ]);
  sheet.addRow([null, "Parliament questions", { formula: "C3+C4" }, new Date(Date.UTC(2025, 2, 31, 10, 30))]);
  sheet.mergeCells("A2:A4");
  const other = workbook.addWorksheet("Levels");
  other.addRow(["Level", "Name"]);
  other.addRow([1, "Basic"]);
  const hidden = workbook.addWorksheet("Lookup");
  hidden.state = "hidden";
  hidden.addRow(["x"]);
  return bytesOf(workbook);
}

describe("readWorkbook", () => {
  it("reads every sheet with formulas as cached values, dates as ISO, rich text flattened and merges filled", async () => {
    const { sheets } = await readWorkbook(await messyWorkbook());
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Positions", false],
      ["Levels", false],
      ["Lookup", true],
    ]);
    const rows = sheets[0].rows;
    expect(rows[1]).toEqual(["Under Secretary", "Budget preparation", "3", "2025-03-31", "Checked twice"]);
    expect(rows[2]).toEqual(["Under Secretary", "Expenditure control", "4", "", "Manual"]);
    expect(rows[3]).toEqual(["Under Secretary", "Parliament questions", "", "2025-03-31T10:30:00Z"]);
    expect(sheets[1].rows).toEqual([
      ["Level", "Name"],
      ["1", "Basic"],
    ]);
  });

  it("warns about a formula with no cached value instead of evaluating it", async () => {
    const { sheets } = await readWorkbook(await messyWorkbook());
    expect(sheets[0].findings).toEqual([
      expect.objectContaining({ row: 4, column: "column C", severity: "warning", code: "formula_without_value" }),
    ]);
  });

  it("lists sheets with their row counts", async () => {
    expect(await listSheets(await messyWorkbook())).toEqual([
      { name: "Positions", rowCount: 4, hidden: false },
      { name: "Levels", rowCount: 2, hidden: false },
      { name: "Lookup", rowCount: 1, hidden: true },
    ]);
  });

  it("refuses a zip that is not a workbook, and bytes that are not a zip", async () => {
    const zip = storedZip({ "readme.txt": "not a spreadsheet", "data/list.csv": "a,b\n1,2\n" });
    await expect(readWorkbook(zip)).rejects.toMatchObject({ code: "unreadable_workbook", status: 400 });
    await expect(readWorkbook(new TextEncoder().encode("PK\u0003\u0004 but no zip"))).rejects.toMatchObject({
      code: "unreadable_workbook",
    });
  });

  it("refuses a sheet with more rows than the limit with a 413", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Big");
    for (let i = 0; i < 12; i++) sheet.addRow([`Row ${i}`]);
    const bytes = await bytesOf(workbook);
    await expect(readWorkbook(bytes, { maxRows: 11 })).resolves.toBeDefined();
    await expect(readWorkbook(bytes, { maxRows: 10 })).rejects.toMatchObject({ code: "too_many_rows", status: 413 });
  });
});

describe("cellText", () => {
  it("turns every exceljs value shape into text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(2.5)).toBe("2.5");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#REF!" })).toBe("#REF!");
    expect(cellText({ sharedFormula: "A1", result: "Basic" })).toBe("Basic");
    expect(cellText({ formula: "A1", result: { error: "#N/A" } })).toBe("#N/A");
    expect(cellText({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "http://x" })).toBe("ab");
    expect(cellText(new Date(Date.UTC(2024, 0, 5)))).toBe("2024-01-05");
  });
});
