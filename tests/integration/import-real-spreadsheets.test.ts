// The real spreadsheets we have (OpenSALT's CASE samples, see tests/fixtures/import/SOURCES.md)
// are not FRAC sheets: the import says so, offers the column mapping, and writes nothing.
// A sheet whose columns do hold FRAC data under other names is mapped and applied.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { nodes } from "@db/schema";
import { AUTHOR, cliImporter, postImport, unchangedBy } from "../factories/import";

const DIR = "tests/fixtures/import";
const upload = (file: string) => ({ name: file, bytes: new Uint8Array(fs.readFileSync(`${DIR}/${file}`)) });
type Preview = { layout: string; sheets: { name: string }[] | null; sheet: string | null; suggestedMapping: Record<string, string | null> | null; findings: { code: string; message: string }[]; plan: unknown };
const previewOf = (body: unknown) => (body as { preview: Preview }).preview;
const CASE = /^This is a CASE competency framework spreadsheet \(columns .*\), as OpenSALT writes, not a FRAC sheet/;

describe("OpenSALT's CASE spreadsheets on the import page", () => {
  it("the CASE CSV: not recognised, said to be CASE, the mapping offered; applying is refused", async () => {
    const { status, body } = await unchangedBy(() => postImport(AUTHOR, "CBIC", upload("opensalt_sample_case.csv")));
    expect(status).toBe(200);
    const preview = previewOf(body);
    expect(preview).toMatchObject({ layout: "unknown", plan: null, suggestedMapping: expect.objectContaining({ fullStatement: null }) });
    expect(preview.findings).toEqual([expect.objectContaining({ code: "layout_unknown", message: expect.stringMatching(CASE) })]);
    const applied = await unchangedBy(() => postImport(AUTHOR, "CBIC", upload("opensalt_sample_case.csv"), { intent: "apply" }));
    expect(applied).toEqual({ status: 400, body: { ok: false, message: "Map the columns before applying." } });
  });

  it.each(["CF Doc", "CF Item", "CF Association"])("the CASE workbook's sheet %s: said to be CASE, with the sheets to choose from", async (sheet) => {
    const { body } = await unchangedBy(() => postImport(AUTHOR, "CBIC", upload("opensalt_spreadsheet_import_sample.xlsx"), { sheet }));
    const preview = previewOf(body);
    expect(preview).toMatchObject({ layout: "unknown", sheet, sheets: [{ name: "CF Doc" }, { name: "CF Item" }, { name: "CF Association" }] });
    expect(preview.findings[0].message).toMatch(CASE);
  });
});

describe("a sheet with FRAC data under its own headers", () => {
  const csv = "Designation name,Job role,Task,Skill,Skill kind,Proficiency needed\r\nExaminer,Cargo examination,Weigh the consignment,Customs valuation,Domain,3\r\n";
  const mapping = JSON.stringify({ "Designation name": "position", "Job role": "role", Task: "activity", Skill: "competency", "Skill kind": "competencyType", "Proficiency needed": "requiredLevel" });

  it("is previewed with the user's mapping and applied with the same mapping", async () => {
    const file = { name: "own-headers.csv", bytes: csv };
    expect(previewOf((await postImport(AUTHOR, "CBIC", file)).body).layout).toBe("unknown");
    const mapped = previewOf((await postImport(AUTHOR, "CBIC", file, { mapping })).body);
    expect(mapped).toMatchObject({ layout: "flat", findings: [], plan: { ok: true, created: { activity: 1, link: 2 } } });
    expect(await postImport(AUTHOR, "CBIC", file, { intent: "apply", mapping })).toMatchObject({ status: 200, body: { ok: true } });
    expect(getDb().select().from(nodes).where(eq(nodes.name, "Weigh the consignment")).get()?.kind).toBe("activity");
  });
});

describe("frac import of the CASE spreadsheets", () => {
  const cli = cliImporter();
  afterAll(cli.db.remove);

  it("exits 1 with the CASE message and the way forward, and a --json report; the database is unchanged", () => {
    const csv = cli.importRefused(`${DIR}/opensalt_sample_case.csv`, 1);
    expect(csv.stderr).toMatch(/opensalt_sample_case\.csv: This is a CASE competency framework spreadsheet .* In the CLI, rename the headers/);
    const xlsx = cli.importRefused(`${DIR}/opensalt_spreadsheet_import_sample.xlsx`, 1, ["--mdo", "CBIC", "--sheet", "CF Item", "--json"]);
    expect(JSON.parse(xlsx.stdout)).toMatchObject({ ok: false, applied: false, layout: "unknown", findings: [{ code: "layout_unknown", message: expect.stringMatching(CASE) }] });
    expect(xlsx.stderr).toContain("Pick another sheet with --sheet NAME");
  });
});
