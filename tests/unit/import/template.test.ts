import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { FLAT_HEADERS } from "@schemas/flat-layout";
import { analyseImport, flatTemplateCsv, flatTemplateXlsx } from "@import/index";
import { emptySnapshot, kcmDictionary, utf8 } from "../../factories/import-data";

const analyse = (fileName: string, bytes: Uint8Array) =>
  analyseImport({
    fileName,
    bytes,
    existing: emptySnapshot(),
    dictionary: kcmDictionary(),
    mdoCode: "MOF",
    mode: "merge",
  });

describe("the flat-layout template", () => {
  it("is CSV with a BOM, the header row and one example row that imports cleanly", async () => {
    const csv = flatTemplateCsv();
    expect(csv.startsWith("\uFEFFPosition id,Position,")).toBe(true);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
    const result = await analyse("template.csv", utf8(csv));
    expect(result).toMatchObject({ layout: "flat", encoding: "utf-8-bom", findings: [] });
    expect(result.plan?.created).toEqual({ position: 1, role: 1, activity: 1, competency: 0, link: 3 });
    expect(result.plan?.nodes.position.create[0].nameHi).toBe("अवर सचिव, बजट प्रभाग");
  });

  it("is an .xlsx with the same rows and a sheet of allowed values", async () => {
    const bytes = new Uint8Array(await flatTemplateXlsx());
    const workbook = new ExcelJS.Workbook();
    // why the cast: exceljs's own global Buffer type no longer matches Node's; the bytes are an .xlsx.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["FRAC", "Allowed values"]);
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, ...FLAT_HEADERS]);
    const allowed = workbook.worksheets[1]
      .getSheetValues()
      .map((row) => (Array.isArray(row) ? row.slice(1, 3).join("=") : ""));
    for (const value of [
      "Competency type=Behavioural",
      "Competency type=Functional",
      "Competency type=Domain",
      "Required level=1",
      "Required level=5",
      "Required level=Ustad",
    ]) {
      expect(allowed).toContain(value);
    }
    const result = await analyse("template.xlsx", bytes);
    expect(result).toMatchObject({ layout: "flat", sheet: "FRAC", findings: [] });
    expect(result.plan?.ok).toBe(true);
  });
});
