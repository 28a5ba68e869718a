// The sheet in tests/fixtures/import/cbic-messy.fods, saved by LibreOffice in each encoding and
// format a ministry might send (see SOURCES.md): every readable save imports as the same nodes,
// Devanagari intact and formula-like text kept as text; the others are refused with a reason.
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { frameworks, links, nodes } from "@db/schema";
import type { ImportPlan } from "@import/index";
import { analyseForMdo, applyImportPlan, sha256Hex } from "~/models/import/import.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { AUTHOR, cliImporter, postImport, unchangedBy } from "../factories/import";

const DIR = "tests/fixtures/import";
const READABLE = [
  { file: "cbic-messy-utf8.csv", read: { encoding: "utf-8", delimiter: "," } },
  { file: "cbic-messy-utf8-bom.csv", read: { encoding: "utf-8-bom", delimiter: "," } },
  { file: "cbic-messy-semicolon.csv", read: { encoding: "utf-8", delimiter: ";" } },
  { file: "cbic-messy-utf16le-tab.txt", read: { encoding: "utf-16le", delimiter: "\t" } },
  { file: "cbic-messy-utf16le-tab-nobom.txt", read: { encoding: "utf-16le", delimiter: "\t" } },
  { file: "cbic-messy.xlsx", read: { fileKind: "workbook", sheet: "FRAC" } },
];
const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(`${DIR}/${file}`));

// What the source sheet holds, as a reader of it would list it.
const EXAMINER = "Group B executive officer of the appraising side who examines imported and export goods.\nWorks in the docks and container freight stations.";
const EXPECTED = {
  position: [
    { name: "Examiner", nameHi: "परीक्षक", description: EXAMINER },
    { name: "Preventive Officer", nameHi: "निवारक अधिकारी", description: "Group B executive officer of the preventive side, posted at airports, seaports and land customs stations." },
  ],
  role: [
    { name: "Cargo examination", nameHi: "माल की जाँच" },
    { name: "Passenger and baggage clearance", nameHi: "यात्री और सामान निकासी" },
  ],
  activity: [
    { name: "Examine goods as per the examination order", description: "=EO items only: check quantity, markings and country of origin" },
    { name: "Draw samples for laboratory testing", description: "- Draw representative samples in the presence of the importer’s agent" },
    { name: "Record the examination report", description: "@ICEGATE: enter the findings in the Indian Customs EDI System" },
    { name: "Profile arriving passengers for risk", description: "+ Use advance passenger information and flight data" },
    { name: "Assess passenger baggage and collect duty", description: "Apply the free allowances; collect duty in ₹ against a receipt" },
  ],
};

const created = (plan: ImportPlan, kind: "position" | "role" | "activity") =>
  plan.nodes[kind].create.map(({ name, nameHi, description }) => ({ name, ...(nameHi && { nameHi }), ...(description && { description }) }));

const dor = () => getMdoByCode({ code: "DOR" })!;
const dryRun = async (file: string) => (await analyseForMdo({ mdoId: dor().id, mdoCode: "DOR", fileName: file, bytes: bytesOf(file), mode: "merge" }))!;

describe("LibreOffice saves of one sheet", () => {
  it.each(READABLE)("$file reads as the source sheet in a dry run", async ({ file, read }) => {
    const { analysis } = await dryRun(file);
    expect(analysis).toMatchObject({ layout: "flat", rowCount: 7, ...read, findings: [] });
    const plan = analysis.plan!;
    expect(plan.ok).toBe(true);
    expect({ position: created(plan, "position"), role: created(plan, "role"), activity: created(plan, "activity") }).toEqual(EXPECTED);
    expect(plan.created).toEqual({ position: 2, role: 2, activity: 5, competency: 3, link: 14 });
    expect(plan.competencies.create.map((c) => c.name).sort()).toEqual(["Customs clearance procedures", "Risk management and profiling", "Tariff classification"]);
    // "Proficient", a level name, is level 2; the role itself requires Empathy (empty Activity).
    const levels = Object.fromEntries(plan.links.create.filter((l) => l.level !== undefined).map((l) => [`${l.fromName} → ${l.toName}`, l.level]));
    expect(levels).toMatchObject({ "Assess passenger baggage and collect duty → Service Excellence (wrt citizens)": 2, "Passenger and baggage clearance → Empathy": 2, "Examine goods as per the examination order → Attention to Detail": 3 });
  });

  it("apply: the first writes the sheet, every other save of it then changes nothing", async () => {
    for (const [i, { file }] of READABLE.entries()) {
      const { analysis, revision } = await dryRun(file);
      const result = applyImportPlan({ mdoId: dor().id, userId: null, plan: analysis.plan!, fileName: file, sha256: sha256Hex(bytesOf(file)), baseRevision: revision });
      expect(result, file).toMatchObject({ ok: true, unchanged: i > 0 });
    }
    const fw = getDb().select().from(frameworks).where(eq(frameworks.mdoId, dor().id)).get()!;
    const stored = (kind: "position" | "role" | "activity") =>
      getDb().select({ name: nodes.name, nameHi: nodes.nameHi, description: nodes.description }).from(nodes).where(and(eq(nodes.frameworkId, fw.id), eq(nodes.kind, kind))).orderBy(nodes.sortOrder).all().map(({ name, nameHi, description }) => ({ name, ...(nameHi && { nameHi }), ...(description && { description }) }));
    expect({ position: stored("position"), role: stored("role"), activity: stored("activity") }).toEqual(EXPECTED);
    expect(getDb().select().from(links).where(eq(links.frameworkId, fw.id)).all()).toHaveLength(14);
  });
});

describe("saves the import refuses, with what to do instead", () => {
  const REFUSED = [
    { file: "cbic-messy-windows1252.csv", message: /not in UTF-8: row 4 \(line 7 of the file\) has a byte \(0x92.*"CSV UTF-8 \(Comma delimited\)"/ },
    { file: "cbic-messy.ods", message: /OpenDocument spreadsheet \(\.ods\).*save it as \.xlsx or CSV UTF-8/ },
    { file: "cbic-messy.fods", message: /XML or web-page \(HTML\) file, not a CSV/ },
  ];

  it.each(REFUSED)("$file on the import page (400)", async ({ file, message }) => {
    const res = await unchangedBy(() => postImport(AUTHOR, "CBIC", { name: file, bytes: bytesOf(file) }));
    expect(res).toEqual({ status: 400, body: { ok: false, message: expect.stringMatching(message) } });
  });

  describe("frac import", () => {
    const cli = cliImporter();
    afterAll(cli.db.remove);

    it("imports the UTF-16 save without a byte-order mark, and refuses the Windows-1252 one (exit 2)", () => {
      const out = cli.run(["import", `${DIR}/cbic-messy-utf16le-tab-nobom.txt`, "--mdo", "DOR", "--json"]);
      expect(out.code).toBe(0);
      expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, applied: true, created: { position: 2, role: 2, activity: 5, link: 14 }, findings: [] });
      expect(cli.importRefused(`${DIR}/cbic-messy-windows1252.csv`, 2, ["--mdo", "DOR"]).stderr).toMatch(REFUSED[0].message);
    });
  });
});
