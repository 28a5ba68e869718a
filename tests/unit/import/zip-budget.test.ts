import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LIMITS } from "@schemas/limits";
import { readWorkbook } from "@import/xlsx";
import { assertZipWithinBudget, unpackBudget } from "@import/zip-budget";
import { readZipDirectory } from "@import/zip-directory";
import { zipBomb } from "../../factories/zip-bomb";
import { storedZip } from "../../factories/import-data";

const MB = 1024 * 1024;

describe("a workbook that would unpack to more than its budget", () => {
  it("is refused from its zip directory in under a second, without the memory unpacking would take", async () => {
    const bomb = zipBomb({ sheetMb: 400 });
    expect(bomb.byteLength).toBeLessThan(2 * MB);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const refusal = await readWorkbook(bomb).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    const grown = process.memoryUsage().rss - rssBefore;

    expect(refusal).toMatchObject({ name: "ImportError", code: "unpacks_too_large", status: 413 });
    expect((refusal as Error).message).toMatch(/^This workbook was not opened: its \d+ KB would unpack to 400\.0 MB, more than the 39\.7 MB a workbook of this size may unpack to\. Save it again/);
    expect(elapsed).toBeLessThan(1000);
    // Unpacking would hold 400 MB of sheet text (and exceljs's cells on top); the refusal holds nothing.
    expect(grown).toBeLessThan(32 * MB);
  });

  it("is refused when the size is written in a zip64 field", () => {
    const bomb = zipBomb({ sheetMb: 50, zip64: true });
    expect(readZipDirectory(bomb)?.find((e) => e.name.endsWith("sheet1.xml"))?.unpackedBytes).toBeGreaterThan(50 * MB);
    expect(() => assertZipWithinBudget(bomb)).toThrowError(/would unpack to 50\.0 MB, more than the 32\.0 MB/);
  });

  it("is refused when it holds more parts than a workbook has", () => {
    const parts = Object.fromEntries(Array.from({ length: LIMITS.XLSX_PARTS_MAX + 1 }, (_, i) => [`xl/p${i}.xml`, ""]));
    expect(() => assertZipWithinBudget(storedZip(parts))).toThrowError(/holds 10,001 parts, more than the 10,000 a workbook may have/);
  });
});

describe("the unpack budget", () => {
  it("is 100× the file, at least 32 MB and at most 300 MB", () => {
    expect(unpackBudget(100 * 1024)).toBe(32 * MB);
    expect(unpackBudget(1 * MB)).toBe(100 * MB);
    expect(unpackBudget(20 * MB)).toBe(300 * MB);
  });

  it("lets a real workbook through, and one of just under the budget", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Positions");
    for (let i = 0; i < 2000; i++) sheet.addRow([`Position ${i}`, "Budget preparation", "Consolidate demands for grants", "Noting and drafting", "Functional", 3]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(() => assertZipWithinBudget(bytes)).not.toThrow();
    expect((await readWorkbook(bytes)).sheets[0].rows).toHaveLength(2000);

    const nearly = zipBomb({ sheetMb: 31 });
    expect(() => assertZipWithinBudget(nearly)).not.toThrow();
  });

  it("leaves a zip whose directory cannot be read to the workbook reader", () => {
    expect(() => assertZipWithinBudget(zipBomb({ sheetMb: 1 }).subarray(0, 100))).not.toThrow();
    expect(readZipDirectory(new Uint8Array(10))).toBeNull();
  });
});
