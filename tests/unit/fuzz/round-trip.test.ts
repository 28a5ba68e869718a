/**
 * Round trips under property-based generation: a generated valid framework exported as JSON,
 * CSV and XLSX (a sheet per kind) and imported back over itself changes nothing (no node or link created, updated or
 * removed, no error), whatever its names (Hindi, quotes, separators, formula-like text, line breaks).
 * Hindi names and descriptions also come back byte for byte when the export is imported into an
 * empty draft (where a lost cell could not hide behind "an empty cell changes nothing").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseImport } from "@import/index";
import type { FracDocument, FracNode } from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";
import { validateFracDocument } from "@schemas/validator";
import { toCsvText, toJsonText, toXlsxBuffer } from "../../../export/index";
import { dictionaryOf, snapshotOf } from "../../factories/export-framework";
import { makeActivity, makeCompetency, makeLink, makePosition, makeRole } from "../schemas/doc-factory";

const WORDS = ["Budget", "review", "अवर सचिव", "समीक्षा", "=SUM(A1)", "+91", "-draft", "@desk", '"quoted"', "a,b", "x;y", "tab\tin", "O'Brien", "100%", "<b>", "Ünïcode", "line\nbreak"];
const name = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
// Hindi as authors write it: conjuncts, vowel signs, nukta (in NFC, as every input is stored), danda,
// Devanagari digits, and the same punctuation traps as the English words.
const HINDI = ["प्रशिक्षण", "ज्ञान", "श्री", "ज़रूरी".normalize("NFC"), "क्षमता।", "१२३", "=योग", "-मसौदा", '"उद्धरण"', "क,ख", "पंक्ति\nविराम", "ॐ"];
const hindi = fc.array(fc.constantFrom(...HINDI), { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
/** Names that stay distinct once normalised (the flat layouts identify nodes by name). */
const names = (min: number, max: number) => fc.uniqueArray(name, { minLength: min, maxLength: max, selector: (n) => n.toLowerCase().replace(/\s+/gu, " ") });

const framework = fc
  .record({
    positions: names(1, 3),
    roles: names(1, 4),
    activities: names(1, 5),
    competencies: names(1, 4),
    levels: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 20, maxLength: 20 }),
    descriptions: fc.array(fc.option(name, { nil: undefined }), { minLength: 20, maxLength: 20 }),
    hindiNames: fc.array(fc.option(hindi, { nil: undefined }), { minLength: 20, maxLength: 20 }),
    hindiDescriptions: fc.array(fc.option(hindi, { nil: undefined }), { minLength: 20, maxLength: 20 }),
  })
  .map((g): FracDocument => {
    const d = (i: number) => ({
      ...(g.descriptions[i % 20] && { description: g.descriptions[i % 20] }),
      // Names are one line in every spreadsheet: a line break in a Hindi name reads back as a space.
      ...(g.hindiNames[i % 20] && { nameHi: g.hindiNames[i % 20]!.replace(/\n/gu, " ") }),
      ...(g.hindiDescriptions[i % 20] && { descriptionHi: g.hindiDescriptions[i % 20] }),
    });
    const competencies = g.competencies.map((n, i) => makeCompetency({ name: n, competencyType: "Domain", mdoCode: "GEN", scale: defaultScale(5), ...d(i) }));
    const activities = g.activities.map((n, i) => makeActivity({ name: n, ...d(i + 3) }));
    const roles = g.roles.map((n, i) => makeRole({ name: n, ...d(i + 7) }));
    const positions = g.positions.map((n, i) => makePosition({ name: n, ...d(i + 11) }));
    const links = [
      ...positions.flatMap((p, i) => roles.filter((_, j) => (i + j) % 2 === 0 || j === i % roles.length).map((r, k) => makeLink(p, r, { order: k }))),
      ...roles.flatMap((r, i) => [makeLink(r, activities[i % activities.length], { order: 0 })]),
      ...activities.flatMap((a, i) => competencies.filter((_, j) => j <= i % competencies.length).map((c, k) => makeLink(a, c, { order: k, level: g.levels[(i + k) % 20] }))),
    ];
    // Every activity needs a role: the ones not yet linked go under the first role.
    const linked = new Set(links.map((l) => l.to));
    activities.filter((a) => !linked.has(a.id)).forEach((a, k) => links.push(makeLink(roles[0], a, { order: k + 1 })));
    const nodes: FracNode[] = [...positions, ...roles, ...activities, ...competencies];
    return { schemaVersion: "1.0", mdo: { code: "GEN", name: "Generated Ministry" }, version: null, status: "DRAFT", nodes, links };
  });

const zero = { position: 0, role: 0, activity: 0, competency: 0, link: 0 };

async function reimport(doc: FracDocument, fileName: string, bytes: Uint8Array, layout?: string): Promise<void> {
  const analysis = await analyseImport({ fileName, bytes, existing: snapshotOf(doc), dictionary: dictionaryOf(doc), mdoCode: "GEN", mode: "replace" });
  const plan = analysis.plan!;
  expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect({ created: plan.created, updated: plan.updated, removed: plan.removed }).toEqual({ created: zero, updated: zero, removed: zero });
  if (layout) expect(analysis.layout).toBe(layout);
}

describe("round trips of generated frameworks", { timeout: 120_000 }, () => {
  it("generates frameworks the validator accepts as drafts", () => {
    fc.assert(fc.property(framework, (doc) => {
      expect(validateFracDocument(doc, { mode: "draft" }).filter((f) => f.severity === "error")).toEqual([]);
    }), { numRuns: 50 });
  });

  it("JSON → import changes nothing", async () => {
    await fc.assert(fc.asyncProperty(framework, (doc) => reimport(doc, "gen.json", new TextEncoder().encode(toJsonText(doc)))), { numRuns: 60, interruptAfterTimeLimit: 30_000 });
  });

  it("CSV → import changes nothing", async () => {
    await fc.assert(fc.asyncProperty(framework, (doc) => reimport(doc, "gen.csv", new TextEncoder().encode(toCsvText(doc)))), { numRuns: 60, interruptAfterTimeLimit: 30_000 });
  });


  it("XLSX (the export's sheet-per-kind workbook) → import changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(framework, async (doc) => reimport(doc, "gen.xlsx", new Uint8Array(await toXlsxBuffer(doc)), "frac-workbook")),
      { numRuns: 40, interruptAfterTimeLimit: 30_000 },
    );
  });

  it("Hindi names and descriptions come back byte for byte from CSV and XLSX into an empty draft", async () => {
    const hindiOf = (nodes: { kind: string; name: string; nameHi?: string; descriptionHi?: string }[]) =>
      nodes
        .filter((n) => n.kind === "position" || n.kind === "role" || n.kind === "activity")
        .map((n) => ({ name: n.name.replace(/\s+/gu, " "), nameHi: n.nameHi, descriptionHi: n.descriptionHi }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    const check = async (doc: FracDocument, fileName: string, bytes: Uint8Array) => {
      const empty = { nodes: [], links: [] };
      const analysis = await analyseImport({ fileName, bytes, existing: empty, dictionary: dictionaryOf(doc), mdoCode: "GEN", mode: "merge" });
      const plan = analysis.plan!;
      expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
      const created = [...plan.nodes.position.create, ...plan.nodes.role.create, ...plan.nodes.activity.create];
      expect(hindiOf(created)).toEqual(hindiOf(doc.nodes));
    };
    await fc.assert(
      fc.asyncProperty(framework, async (doc) => {
        await check(doc, "gen.csv", new TextEncoder().encode(toCsvText(doc)));
        await check(doc, "gen.xlsx", new Uint8Array(await toXlsxBuffer(doc)));
      }),
      { numRuns: 30, interruptAfterTimeLimit: 40_000 },
    );
  });

  it("a name with a line break (the editor allows one) comes back from CSV as the same name, not an update", async () => {
    const position = makePosition({ name: "Under Secretary\n(Budget)" });
    const role = makeRole({ name: "Budget" });
    const activity = makeActivity({ name: "Consolidate" });
    const competency = makeCompetency({ name: "Finance", competencyType: "Domain", mdoCode: "GEN" });
    const doc: FracDocument = {
      schemaVersion: "1.0",
      mdo: { code: "GEN", name: "Generated Ministry" },
      version: null,
      status: "DRAFT",
      nodes: [position, role, activity, competency],
      links: [makeLink(position, role), makeLink(role, activity), makeLink(activity, competency, { level: 3 })],
    };
    await reimport(doc, "gen.csv", new TextEncoder().encode(toCsvText(doc)));
    await reimport(doc, "gen.xlsx", new Uint8Array(await toXlsxBuffer(doc)), "frac-workbook");
  });
});
