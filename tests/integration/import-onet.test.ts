// Real outside data (O*NET 29.3, CC BY 4.0; tests/fixtures/onet/SOURCES.md) with rows naming
// KCM entries the ways HR cells write them: imported as CSV and XLSX by the real CLI and by the
// import page's action, re-imported without creating anything, and the page's one-click type fix.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { AUTHOR, cliImporter, postImport, unchangedBy } from "../factories/import";

const DIR = "tests/fixtures/onet";
const CSV = `${DIR}/onet-public-service.csv`;
const XLSX = `${DIR}/onet-public-service.xlsx`;
const DOMAIN_TYPED = `${DIR}/onet-public-service-domain-types.csv`;
const upload = (file: string) => ({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });
const NOTHING = { position: 0, role: 0, activity: 0, competency: 0, link: 0 };
// What the sheet makes in CBIC's draft: 8 occupations, 33 shared O*NET work activities as roles, 48 tasks;
// the O*NET skills new to CBIC become its Domain competencies (with their O*NET category as theme).
const CREATED = { position: 8, role: 33, activity: 48, competency: 8, link: 256 };
const WARNINGS = [
  [3, "Active Listening"],
  [114, "RTI Responsiveness"],
  [155, "Self-Analysis"],
];

type Report = { created: typeof NOTHING; findings: { row: number; value?: string; severity: string; code: string; message: string }[]; ok: boolean; applied: boolean };
type Preview = { plan: { ok: boolean; created: typeof NOTHING }; findings: Report["findings"]; typeFixes: number; typesFromDictionary: boolean };
const previewOf = (body: unknown) => (body as { preview: Preview }).preview;

// The dictionary entries that an activity of the sheet requires, as "name | type | theme-or-(theme) | code".
function requirementsOf(dbFile: string, activity: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (
      db
        .prepare(
          `select c.name || ' | ' || c.type || ' | ' || coalesce(p.name, '(theme)') || ' | ' || coalesce(c.code, '') as entry
             from links l join nodes a on a.id = l.from_id join competencies c on c.id = l.to_competency_id
             left join competencies p on p.id = c.parent_id
            where a.name = ? and c.mdo_id is null order by entry`,
        )
        .pluck()
        .all(activity) as string[]
    ).sort();
  } finally {
    db.close();
  }
}

// why the timeout: each test spawns the real CLI two or three times, seconds each on a busy machine.
describe("frac import of the O*NET public-service sheet", { timeout: 120_000 }, () => {
  const cli = cliImporter();
  const other = cliImporter();
  afterAll(() => {
    cli.db.remove();
    other.db.remove();
  });

  it("imports the CSV with three theme warnings (each once) and links the KCM entries as written", () => {
    const dry = cli.run(["import", CSV, "--mdo", "CBIC", "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout) as Report;
    expect(report).toMatchObject({ ok: true, applied: false, created: CREATED });
    expect(report.findings.map((f) => [f.row, f.value])).toEqual(WARNINGS);
    expect(report.findings.every((f) => f.severity === "warning" && f.code === "competency_theme_mismatch")).toBe(true);

    const run = cli.run(["import", CSV, "--mdo", "CBIC"]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining(`Imported ${CSV} into CBIC's draft.`) });
    // Tax examiners: the theme "Financial Management" named with itself (not its same-name sub-theme), then FUN-069 by code.
    expect(requirementsOf(cli.db.file, "Send notices to taxpayers when accounts are delinquent.")).toEqual([
      "Active Listening | Behavioural | Communication | BEH-011",
      "Financial Management | Functional | (theme) | ",
    ]);
    // Management analysts: the theme "Data Analytics" by name and theme, its same-name sub-theme by the code in Competency id.
    expect(requirementsOf(cli.db.file, "Gather and organize information on problems or procedures.")).toContain("Data Analytics | Functional | (theme) | ");
    expect(requirementsOf(cli.db.file, "Analyze data gathered and develop solutions or alternative methods of proceeding.")).toContain(
      "Data Analytics | Functional | Data Analytics | FUN-078",
    );
    // Urban planners: the theme row, and a sub-theme written under a wrong theme (matched, with the warning).
    expect(requirementsOf(cli.db.file, "Advise planning officials on project feasibility, cost-effectiveness, regulatory conformance, or possible alternatives.")).toContain(
      "Self-Awareness | Behavioural | (theme) | ",
    );
    expect(
      requirementsOf(cli.db.file, "Create, prepare, or requisition graphic or narrative reports on land use data, including land area maps overlaid with geographic variables, such as population density."),
    ).toContain("Self-Analysis | Behavioural | Self-Awareness | BEH-001");
  });

  it("re-importing the CSV, the XLSX and FRAC Studio's own CSV export of the result creates nothing", () => {
    const before = cli.db.sha256();
    for (const file of [CSV, XLSX]) {
      const again = cli.run(["import", file, "--mdo", "CBIC", "--json"]);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, applied: false, created: NOTHING });
    }
    const exported = path.join(cli.db.dir, "cbic-export.csv");
    expect(cli.run(["export", "--mdo", "CBIC", "--format", "csv", "-o", exported]).code).toBe(0);
    const reimport = cli.run(["import", exported, "--mdo", "CBIC", "--json"]);
    expect(reimport.code).toBe(0);
    expect(JSON.parse(reimport.stdout)).toMatchObject({ ok: true, applied: false, created: NOTHING, findings: [] });
    expect(cli.db.sha256()).toBe(before);
  });

  it("imports the XLSX into a fresh database the same way, and the CSV then creates nothing", () => {
    const xlsx = other.run(["import", XLSX, "--mdo", "CBIC", "--json"]);
    expect(xlsx.code).toBe(0);
    const report = JSON.parse(xlsx.stdout) as Report;
    expect(report).toMatchObject({ ok: true, applied: true, created: CREATED });
    expect(report.findings.map((f) => [f.row, f.value])).toEqual(WARNINGS);
    const csv = other.run(["import", CSV, "--mdo", "CBIC", "--json"]);
    expect(JSON.parse(csv.stdout)).toMatchObject({ ok: true, applied: false, created: NOTHING });
  });

  it("refuses the Domain-typed variant, naming the type to write, and imports it with --types-from-dictionary", () => {
    const refused = other.importRefused(DOMAIN_TYPED, 1);
    const errors = refused.stdout.split("\n").filter((l) => l.startsWith("error"));
    expect(errors).toHaveLength(42);
    expect(errors[0]).toBe(
      'error   row 3, column Competency (value "Active Listening"): "Active Listening" is a Behavioural competency in the dictionary, not Domain: write Behavioural in Competency type.',
    );
    const fixed = other.run(["import", DOMAIN_TYPED, "--mdo", "CBIC", "--types-from-dictionary", "--json"]);
    expect(fixed.code).toBe(0);
    const report = JSON.parse(fixed.stdout) as Report;
    expect(report).toMatchObject({ ok: true, created: NOTHING });
    expect(report.findings.filter((f) => f.code === "competency_type_taken")).toHaveLength(1);
  });

  it("prints a row's suggestions once, and never the value it was given", () => {
    const file = cli.write(
      "unknown.csv",
      "Position,Role,Activity,Competency,Competency type,Theme,Required level\r\nPos A,Role A,Act A,Self Awareness skills,Behavioural,Self-Awareness,2\r\n",
    );
    const out = cli.importRefused(file, 1, ["--mdo", "CBIC", "--dry-run"]);
    expect(out.stdout.match(/Did you mean/g)).toHaveLength(1);
    expect(out.stdout).toContain('Did you mean "Self-Awareness"');
    expect(out.stdout).not.toContain('Did you mean "Self Awareness skills"');
  });

  it("accepts the issue's row: a theme named with its own theme", () => {
    const file = cli.write("theme.csv", "Position,Role,Activity,Competency,Competency type,Theme,Required level\r\nPos A,Role A,Act A,Self-Awareness,Behavioural,Self-Awareness,2\r\n");
    const out = cli.run(["import", file, "--mdo", "CBIC", "--dry-run"]);
    expect(out).toMatchObject({ code: 0, stdout: expect.stringContaining("Dry run: nothing was written.") });
    expect(out.stdout).not.toMatch(/^(error|warning)/mu);
  });
});

describe("the import page with the O*NET sheets", () => {
  it("offers the type fix for the Domain-typed variant, previews it fixed, and refuses to apply it unfixed", async () => {
    const file = upload(DOMAIN_TYPED);
    const plain = previewOf((await postImport(AUTHOR, "CBIC", file)).body);
    expect(plain).toMatchObject({ typeFixes: 42, typesFromDictionary: false, plan: { ok: false } });
    const refused = await unchangedBy(() => postImport(AUTHOR, "CBIC", file, { intent: "apply" }));
    expect(refused.status).toBe(400);

    const fixed = previewOf((await postImport(AUTHOR, "CBIC", file, { typesFromDictionary: "1" })).body);
    expect(fixed).toMatchObject({ typeFixes: 0, typesFromDictionary: true, plan: { ok: true, created: CREATED } });
    expect(fixed.findings.map((f) => f.code)).toEqual(["competency_type_taken", "competency_theme_mismatch", "competency_theme_mismatch"]);
  });

  it("refuses a typesFromDictionary that is not 1, writing nothing", async () => {
    const { status, body } = await unchangedBy(() => postImport(AUTHOR, "CBIC", upload(CSV), { intent: "apply", typesFromDictionary: "yes" }));
    expect({ status, body }).toEqual({ status: 400, body: { ok: false, message: "typesFromDictionary must be 1 when given." } });
  });

  it("applies the fixed variant, then the CSV and the XLSX change nothing", async () => {
    const applied = await postImport(AUTHOR, "CBIC", upload(DOMAIN_TYPED), { intent: "apply", typesFromDictionary: "1" });
    expect(applied).toMatchObject({ status: 200, body: { ok: true, applied: { unchanged: false, counts: { created: CREATED } } } });
    for (const file of [CSV, XLSX]) {
      const again = await unchangedBy(() => postImport(AUTHOR, "CBIC", upload(file), { intent: "apply" }));
      expect(again).toMatchObject({ status: 200, body: { ok: true, applied: { unchanged: true } } });
    }
  });
});
