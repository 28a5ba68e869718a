import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { analyseImport } from "@import/index";
import type { FracDocument } from "@schemas/frac-document";
import { FLAT_HEADERS, FLAT_KEYS, restoreCell, toFlatCells } from "@schemas/flat-layout";
import { csvChunks, flatRows, toCsvText } from "@export/csv";
import { dictionaryOf, makeExportDocument, snapshotOf } from "../../factories/export-framework";
import { makeActivity, makeLink, makePosition, makeRole, withExtra } from "../schemas/doc-factory";

/** The CSV's data rows as objects keyed by flat key, cells as written (still neutralised). */
function rowsOf(text: string): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ""), { header: false, skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  expect(header).toEqual([...FLAT_HEADERS]);
  return rows.map((cells) => Object.fromEntries(FLAT_KEYS.map((key, i) => [key, cells[i]])));
}

const chain = (r: Record<string, string>) => [r.position, r.role, r.activity, r.competency, r.requiredLevel].join(" > ");

describe("CSV export", () => {
  it("starts with a BOM, ends every row with CRLF and is byte-identical across runs", () => {
    const { doc } = makeExportDocument();
    const text = toCsvText(doc);
    expect(text.startsWith(`\uFEFF${FLAT_HEADERS.join(",")}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // Every line break outside a quoted cell is CRLF: the only bare "\n" is inside the quoted description.
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/gu, "");
    expect(outsideQuotes).not.toMatch(/[^\r]\n/u);
    expect(toCsvText(doc)).toBe(text);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("writes one row per chain, siblings in link order, with role requirements and childless nodes", () => {
    const { doc } = makeExportDocument();
    expect(rowsOf(toCsvText(doc)).map(chain)).toEqual([
      "Under Secretary, Budget > Budget preparation > Draft the cabinet note >  > ",
      "Under Secretary, Budget > Budget preparation > Consolidate demands for grants > Financial Management > 4",
      "Under Secretary, Budget > Budget preparation > Consolidate demands for grants > Noting & drafting > 2",
      "Under Secretary, Budget > Budget preparation >  > Integrity > 3",
      "Under Secretary, Budget > Review, and sign-off > Draft the cabinet note >  > ",
      "Section Officer > Review, and sign-off > Draft the cabinet note >  > ",
      "Section Officer > Budget preparation > Draft the cabinet note >  > ",
      "Section Officer > Budget preparation > Consolidate demands for grants > Financial Management > 4",
      "Section Officer > Budget preparation > Consolidate demands for grants > Noting & drafting > 2",
      "Section Officer > Budget preparation >  > Integrity > 3",
      "Section Officer > Liaison >  >  > ",
      "Consultant (vacant) >  >  >  > ",
      " > Parliament questions >  >  > ",
      " >  > '=SUM(A1) >  > ",
    ]);
  });

  it("fills ids, descriptions, types, themes and Hindi names; Devanagari survives as UTF-8", () => {
    const { doc, n } = makeExportDocument();
    const text = toCsvText(doc);
    const row = rowsOf(text)[1];
    expect(row).toMatchObject({
      positionId: n.us.id,
      positionDescription: "Heads the budget section.\nReports to the Director.",
      positionNameHi: "अवर सचिव (बजट)",
      positionDescriptionHi: "बजट अनुभाग का प्रमुख।\nनिदेशक को रिपोर्ट करता है।",
      roleId: n.budget.id,
      activityNameHi: "अनुदान माँगों का समेकन",
      activityDescriptionHi: "प्रभागों के अनुमानों को संकलित करना",
      competencyId: n.finance.id,
      competencyType: "Functional",
      theme: "Finance",
    });
    expect(new TextDecoder().decode(new TextEncoder().encode(text))).toContain("अनुदान माँगों का समेकन");
  });

  it("writes the cells the shared toFlatCells gives for the same chain", () => {
    const { doc, n } = makeExportDocument();
    const second = [...flatRows(doc)][1];
    expect(second).toEqual(
      toFlatCells({
        positionId: n.us.id,
        position: n.us.name,
        positionDescription: n.us.description,
        positionNameHi: n.us.nameHi,
        roleId: n.budget.id,
        role: n.budget.name,
        roleDescription: n.budget.description,
        activityId: n.consolidate.id,
        activity: n.consolidate.name,
        activityNameHi: n.consolidate.nameHi,
        competencyId: n.finance.id,
        competency: n.finance.name,
        competencyType: n.finance.competencyType,
        theme: n.finance.theme,
        requiredLevel: 4,
        importance: "Essential",
        sanctionedPosts: 12,
        positionDescriptionHi: n.us.descriptionHi,
        activityDescriptionHi: n.consolidate.descriptionHi,
      }),
    );
  });

  it("neutralises formula triggers and quotes commas, quotes, line breaks, tabs and semicolons", () => {
    const names = ["=SUM(A1)", "+1", "-x", "@x", "\tTabbed", "\rReturn", "'=already quoted", "a, b", 'say "hi"', "line\nbreak", "x;y", "plain"];
    const base = makeExportDocument().doc;
    const positions = names.map((name) => makePosition({ name }));
    const doc = withExtra({ ...base, nodes: [], links: [] }, positions);
    const text = toCsvText(doc);
    const cells = rowsOf(text).map((r) => r.position);
    expect(cells).toEqual(["'=SUM(A1)", "'+1", "'-x", "'@x", "'\tTabbed", "'\rReturn", "''=already quoted", "a, b", 'say "hi"', "line\nbreak", "x;y", "plain"]);
    expect(cells.map(restoreCell)).toEqual(names);
    expect(text).toContain('"\'\tTabbed"');
    expect(text).toContain('"say ""hi"""');
    expect(text).toContain('"x;y"');
    // Ids are neutralised too, harmlessly: a UUID never starts with a trigger.
    expect(text).not.toMatch(/(^|,)[=+\-@]/mu);
  });

  it("streams in chunks of 5,000 rows that join to the whole file", () => {
    const base = makeExportDocument().doc;
    const positions = Array.from({ length: 12_001 }, (_, i) => makePosition({ name: `P${i}` }));
    const doc: FracDocument = { ...base, nodes: positions, links: [] };
    const chunks = [...csvChunks(doc)];
    expect(chunks).toHaveLength(3);
    expect(chunks[0].startsWith("\uFEFF")).toBe(true);
    expect(chunks[1].startsWith("\uFEFF")).toBe(false);
    expect(chunks.join("")).toBe(toCsvText(doc));
    expect(chunks.join("").split("\r\n")).toHaveLength(12_001 + 2);
  });

  it("writes just the header for an empty framework", () => {
    const { doc } = makeExportDocument();
    expect(toCsvText({ ...doc, nodes: [], links: [] })).toBe(`\uFEFF${FLAT_HEADERS.join(",")}\r\n`);
  });

  it("leaves knowledge resources out (the flat layout has no columns for them)", () => {
    const { doc } = makeExportDocument();
    const text = toCsvText(doc);
    expect(text).not.toContain("General Financial Rules");
    expect([...flatRows(doc)].every((r) => !r.includes("Budget manual"))).toBe(true);
  });

  it("keeps an activity's chain below every role that performs it", () => {
    const position = makePosition();
    const [r1, r2] = [makeRole({ name: "R1" }), makeRole({ name: "R2" })];
    const activity = makeActivity({ name: "Shared" });
    const { doc: base } = makeExportDocument();
    const doc = { ...base, nodes: [position, r1, r2, activity], links: [makeLink(position, r1), makeLink(position, r2), makeLink(r1, activity), makeLink(r2, activity)] };
    expect(rowsOf(toCsvText(doc)).map(chain)).toEqual([
      `${position.name} > R1 > Shared >  > `,
      `${position.name} > R2 > Shared >  > `,
    ]);
  });
});

describe("CSV round trip through the importer", () => {
  it("reads back as no changes in replace mode: nothing created, updated or removed", async () => {
    const { doc } = makeExportDocument();
    const bytes = new TextEncoder().encode(toCsvText(doc));
    const analysis = await analyseImport({
      fileName: "doe.csv",
      bytes,
      existing: snapshotOf(doc),
      dictionary: dictionaryOf(doc),
      mdoCode: "DOE",
      mode: "replace",
    });
    expect(analysis.layout).toBe("frac-export");
    expect(analysis.encoding).toBe("utf-8-bom");
    const plan = analysis.plan!;
    const errors = plan.findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
    expect(plan.ok).toBe(true);
    const zero = { position: 0, role: 0, activity: 0, competency: 0, link: 0 };
    expect(plan.created).toEqual(zero);
    expect(plan.updated).toEqual(zero);
    expect(plan.removed).toEqual(zero);
    // Every framework node and every chain link is stated by the file (resource links are kept, not stated).
    const chainLinks = doc.links.filter((l) => !l.kind.endsWith("_resource"));
    expect(plan.unchanged.link).toBe(chainLinks.length);
    expect(plan.unchanged.position + plan.unchanged.role + plan.unchanged.activity).toBe(
      doc.nodes.filter((node) => ["position", "role", "activity"].includes(node.kind)).length,
    );
  });
});
