// `frac acbp` on the seeded database (CBIC published version 1; MOHFW nothing): the starting plan of
// the current financial year, a saved plan for a given year, DATABASE_URL, and the wrong calls (exit 2).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { userId } from "@db/ids";
import { acbpDemand, currentFinancialYear, financialYearLabel } from "@schemas/acbp";
import { ACBP_HEADER_ROW } from "@export/acbp-xlsx";
import { saveAcbp } from "~/models/insight/acbp.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { getVersion } from "~/models/publication/versions.server";
import { frac } from "../support/cli";
import { cliDatabaseCopies } from "../support/db-state";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "frac-acbp-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const copy = cliDatabaseCopies();
const cbic = () => getMdoByCode({ code: "CBIC" })!;
const v1 = () => acbpDemand(getVersion({ mdoId: cbic().id, number: 1 })!.document);

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0];
}

describe("frac acbp", () => {
  it("explains itself with --help", () => {
    const out = frac(["acbp", "--help"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("Usage: frac acbp --mdo CODE [--year YYYY] -o FILE.xlsx");
    expect(out.stdout).toContain("--year 2026 (or 2026-27) is");
    expect(frac(["--help"]).stdout).toMatch(/\n {2}acbp +A ministry's Annual Capacity Building Plan/u);
  });

  it("exports the current financial year's starting plan from the latest version's demand when none is saved", async () => {
    const file = path.join(tmp, "start.xlsx");
    const out = frac(["acbp", "--mdo", "CBIC", "-o", file]);
    expect(out.code, out.stderr).toBe(0);
    const fy = financialYearLabel(currentFinancialYear());
    expect(out.stderr).toBe(`Wrote CBIC's ACBP ${fy} (the starting plan from version 1, ${v1().length} rows) to ${file}\n`);
    const sheet = await sheetOf(file);
    expect(sheet.getCell(1, 1).value).toBe(`Annual Capacity Building Plan ${fy}`);
    expect(sheet.getCell(5, 2).value).toBe("Starting plan drawn from the version's competency demand (not saved)");
    const names = v1().map((r) => r.competency.name);
    expect(names.map((_, i) => sheet.getCell(ACBP_HEADER_ROW + 1 + i, 2).value)).toEqual(names);
    expect(sheet.getCell(ACBP_HEADER_ROW + 1 + names.length, 1).value).toBe("Total");
  });

  it("exports the plan saved for --year, given as 2027 or 2027-28", async () => {
    const [a] = v1();
    const saved = saveAcbp({
      mdoId: cbic().id,
      userId: userId("author@frac.test"),
      year: 2027,
      source: 1,
      rows: [{ competencyId: a.competency.id, level: a.level, lenses: ["citizen_centricity"], mode: "with_others", officials: 12, quarter: 3 }],
    });
    expect(saved).toEqual({ ok: true });
    for (const year of ["2027", "2027-28"]) {
      const file = path.join(tmp, `saved-${year}.xlsx`);
      const out = frac(["acbp", "--mdo", "cbic", "--year", year, "-o", file]);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stderr).toContain("ACBP 2027-28 (the saved plan,");
      const sheet = await sheetOf(file);
      const row = sheet.getRow(ACBP_HEADER_ROW + 1).values as unknown[];
      expect(row.slice(1)).toEqual([1, a.competency.name, a.competency.code ?? "", a.competency.type, a.level, expect.any(String), a.positions, a.posts, a.priority, "", "Yes", "", "With others (20)", 12, "Q3 (Oct–Dec)"]);
    }
    // Another database (DATABASE_URL) has no plan for 2027: its starting plan is exported.
    const other = copy();
    const file = path.join(tmp, "other.xlsx");
    const out = frac(["acbp", "--mdo", "CBIC", "--year", "2027", "-o", file], other.env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain("ACBP 2027-28 (the starting plan from version 1,");
  });

  it("refuses wrong calls with exit 2, a message, and no file", () => {
    const file = path.join(tmp, "never.xlsx");
    const cases: [string[], string][] = [
      [["acbp", "-o", file], "give --mdo CODE"],
      [["acbp", "--mdo", "CBIC"], "give -o FILE.xlsx"],
      [["acbp", "--mdo", "CBIC", "--year", "27", "-o", file], 'not "27"'],
      [["acbp", "--mdo", "CBIC", "--year", "2027-29", "-o", file], 'not "2027-29"'],
      [["acbp", "--mdo", "CBIC", "--year", "1999", "-o", file], "from 2000 to 2100"],
      [["acbp", "--mdo", "NOPE", "-o", file], 'no active MDO with code "NOPE"'],
      [["acbp", "--mdo", "MOHFW", "-o", file], "MOHFW has no published version yet"],
      [["acbp", "--mdo", "CBIC", "--format", "csv", "-o", file], "--format"],
    ];
    for (const [args, message] of cases) {
      const out = frac(args);
      expect(out.code, args.join(" ")).toBe(2);
      expect(out.stderr).toContain(message);
    }
    expect(fs.existsSync(file)).toBe(false);
  });
});
