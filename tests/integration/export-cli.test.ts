import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Ajv2019 from "ajv/dist/2019";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { FLAT_HEADERS } from "@schemas/flat-layout";
import { getMdoByCode } from "~/models/access/mdos.server";
import { createToken } from "~/models/access/tokens.server";
import { getVersion } from "~/models/publication/versions.server";
import { loader as fileLoader } from "~/routes/api.v1.frameworks.$mdo.versions.$file";
import { frac } from "../support/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "frac-export-"));
const created = createToken({ name: "export-cli-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const TOKEN = created.token;

/** Like the frac factory, for output larger than spawnSync's default 1 MB buffer (the CASE package of CBIC is bigger). */
function fracStdout(args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/frac.js"), ...args], { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function exportTo(format: string, name: string): Buffer {
  const file = path.join(tmp, name);
  const out = frac(["export", "--mdo", "CBIC", "--format", format, "-o", file]);
  expect(out.code, out.stderr).toBe(0);
  expect(out.stderr).toMatch(/^Wrote CBIC draft \(\d+ nodes, \d+ links\) to /u);
  return fs.readFileSync(file);
}

describe("frac export", () => {
  it.each(["json", "csv", "case"])("exports the CBIC draft as %s, byte-identical twice, and the same on standard output", (format) => {
    const a = exportTo(format, `a.${format}`);
    const b = exportTo(format, `b.${format}`);
    expect(a.equals(b)).toBe(true);
    const stdout = fracStdout(["export", "--mdo", "cbic", "--format", format]);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(a.toString("utf8"));
  });

  it("writes a CSV in the flat layout that the import reads back with no changes", () => {
    const text = exportTo("csv", "cbic.csv").toString("utf8");
    expect(text.startsWith(`\uFEFF${FLAT_HEADERS.join(",")}\r\n`)).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(100);
    expect(text).toMatch(/[\u0900-\u097F]/u);

    const out = frac(["import", path.join(tmp, "cbic.csv"), "--mdo", "CBIC", "--dry-run", "--replace", "--json"]);
    expect(out.code, out.stderr + out.stdout).toBe(0);
    const report = JSON.parse(out.stdout) as { ok: boolean; created: Record<string, number>; updated: Record<string, number>; removed?: Record<string, number> };
    expect(report.ok).toBe(true);
    const total = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((s, n) => s + n, 0);
    expect({ created: total(report.created), updated: total(report.updated), removed: total(report.removed) }).toEqual({ created: 0, updated: 0, removed: 0 });
  });

  it("writes a CASE 1.1 package that validates against the official schema", () => {
    const pkg = JSON.parse(exportTo("case", "cbic.case.json").toString("utf8"));
    const schema: object = JSON.parse(fs.readFileSync("schemas/case/case_v1p1_cfpackage-jsonschema1.json", "utf8"));
    // ajv-formats is not installed; formats are not checked here (the unit tests check them with patterns).
    const validate = new Ajv2019({ allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(pkg), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const doc = JSON.parse(frac(["export", "--mdo", "CBIC"]).stdout) as { nodes: { id: string }[]; links: { id: string }[] };
    expect(pkg.CFDocument).toMatchObject({ adoptionStatus: "Draft", version: "draft", caseVersion: "1.1" });
    expect(pkg.CFItems.map((i: { identifier: string }) => i.identifier)).toEqual(doc.nodes.map((n) => n.id));
    const associations = new Set(pkg.CFAssociations.map((a: { identifier: string }) => a.identifier));
    expect(doc.links.every((l) => associations.has(l.id))).toBe(true);
  });

  it("writes an XLSX workbook to a file, with a sheet per node kind and the links", async () => {
    const bytes = exportTo("xlsx", "cbic.xlsx");
    const workbook = new ExcelJS.Workbook();
    // why the cast: exceljs declares its own global Buffer type, which Node's Buffer does not match.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["About", "Positions", "Roles", "Activities", "Competencies", "Proficiency levels", "Knowledge resources", "Links"]);
    expect(workbook.getWorksheet("About")!.getCell("B3").value).toBe("Central Board of Indirect Taxes and Customs (CBIC)");
    expect(workbook.getWorksheet("Positions")!.rowCount).toBeGreaterThan(5);
    expect(workbook.getWorksheet("Links")!.rowCount).toBeGreaterThan(100);
  });

  it("writes XLSX to standard output only when it is not a terminal", () => {
    // spawnSync's standard output is a pipe, not a terminal: the bytes are written.
    const out = frac(["export", "--mdo", "CBIC", "--format", "xlsx"]);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith("PK")).toBe(true);
  });

  it("refuses an unknown format, an unknown version and a malformed one with exit 2", () => {
    const format = frac(["export", "--mdo", "CBIC", "--format", "pdf"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "pdf"; available: json, csv, xlsx, case');
    const version = frac(["export", "--mdo", "CBIC", "--format", "csv", "--version", "3"]);
    expect(version.code).toBe(2);
    expect(version.stderr).toBe("frac: CBIC has no version 3: only version 1 is published\n");
    expect(version.stdout).toBe("");
    const none = frac(["export", "--mdo", "MOHFW", "--version", "1"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("MOHFW has no version 1: none is published yet; use --version draft");
    for (const bad of ["abc", "0"]) {
      const out = frac(["export", "--mdo", "CBIC", "--version", bad]);
      expect(out.code, bad).toBe(2);
      expect(out.stderr, bad).toContain(`--version takes a version number (1, 2, …) or "draft", not "${bad}"`);
    }
  });
});

describe("frac export --version N", () => {
  const cbic = () => getMdoByCode({ code: "CBIC" })!;
  const fromApi = async (name: string) => {
    const response = await fileLoader({
      request: new Request(`http://localhost/api/v1/frameworks/CBIC/versions/${name}`, { headers: { Authorization: `Bearer ${TOKEN}` } }),
      params: { mdo: "CBIC", file: name },
      context: {},
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it.each([
    ["json", "1.json"],
    ["csv", "1.csv"],
    ["case", "1.case.json"],
  ])("exports published version 1 as %s byte-identical twice, and as the read API serves it", async (format, name) => {
    const file = path.join(tmp, `v1-${name}`);
    const written = frac(["export", "--mdo", "CBIC", "--format", format, "--version", "1", "-o", file]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/^Wrote CBIC version 1 \(\d+ nodes, \d+ links\) to /u);
    const again = fracStdout(["export", "--mdo", "CBIC", "--format", format, "--version", "1"]);
    expect(again.code).toBe(0);
    const bytes = fs.readFileSync(file);
    expect(Buffer.from(again.stdout, "utf8").equals(bytes)).toBe(true);
    expect(bytes.equals(await fromApi(name))).toBe(true);
  });

  it("exports version 1 as JSON from the stored snapshot, not the draft that has moved on since", () => {
    const stored = getVersion({ mdoId: cbic().id, number: 1 })!;
    const published = frac(["export", "--mdo", "CBIC", "--version", "1"]).stdout;
    expect(published).toBe(stored.text);
    const draft = frac(["export", "--mdo", "CBIC", "--version", "draft"]).stdout;
    expect(draft).not.toBe(published);
    expect(JSON.parse(draft).version).toBeNull();
    const pkg = JSON.parse(fracStdout(["export", "--mdo", "CBIC", "--format", "case", "--version", "1"]).stdout);
    expect(pkg.CFDocument).toMatchObject({ adoptionStatus: "Adopted", version: "1" });
  });

  it("exports version 1 as XLSX with the same cells as the read API's workbook", async () => {
    const file = path.join(tmp, "v1.xlsx");
    expect(frac(["export", "--mdo", "CBIC", "--format", "xlsx", "--version", "1", "-o", file]).code).toBe(0);
    const cells = async (bytes: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      // why the cast: exceljs declares its own global Buffer type, which Node's Buffer does not match.
      await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
      return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues().map((row) => JSON.stringify(row)) }));
    };
    const [cli, api] = [await cells(fs.readFileSync(file)), await cells(await fromApi("1.xlsx"))];
    expect(cli).toEqual(api);
    expect(cli[0].rows.join("\n")).toContain("Central Board of Indirect Taxes and Customs");
  });
});
