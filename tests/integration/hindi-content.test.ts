// Hindi names and descriptions on nodes and dictionary entries (format 1.1): written by the editor's
// save and by an import (per-kind and plain "Hindi name" / "Hindi description" columns), read back in
// the draft document and every export, found by search; over-long Hindi text is refused, nothing written.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { competencies, nodes } from "@db/schema";
import { LIMITS } from "@schemas/limits";
import { handleEditorAction } from "~/routes/frameworks.$code.edit/editor-action.server";
import { applyEditOps } from "~/models/draft-save/save.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { analyseForMdo, applyImportPlan, sha256Hex } from "~/models/import/import.server";
import { searchEntries, searchNodes } from "~/models/search/search.server";
import { buildCasePackage, toCsvText, toXlsxBuffer } from "../../export/index";
import { AUTHOR, auditOf, authorId, expectNothingWritten, ministry, newCompetency, newLink, newNode, postEditor, saveBody, snapshot, someNode, updateNode } from "../factories/edit-ops";
import { unchangedBy } from "../factories/import";

const cbic = () => ministry("CBIC");
const save = (ops: Parameters<typeof applyEditOps>[0]["ops"]) => applyEditOps({ mdoId: cbic().mdoId, userId: authorId, baseRevision: cbic().revision, ops });
const bytesOf = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf8"));

const APPRAISAL_HI = "आयातित माल के मूल्य का निर्धारण।\nदूसरी पंक्ति: सीमा शुल्क मूल्यांकन नियम, 2007";

async function importCsv(text: string) {
  const mdo = cbic();
  const bytes = bytesOf(text);
  const { analysis, revision } = (await analyseForMdo({ mdoId: mdo.mdoId, mdoCode: "CBIC", fileName: "hindi.csv", bytes, mode: "merge" }))!;
  return { plan: analysis.plan!, findings: analysis.findings, apply: () => applyImportPlan({ mdoId: mdo.mdoId, userId: authorId, plan: analysis.plan!, fileName: "hindi.csv", sha256: sha256Hex(bytes), baseRevision: revision }) };
}

describe("Hindi descriptions through the editor's save", () => {
  it("creates, changes and clears a node's Hindi description, auditing each change, and creates a Domain entry with one", () => {
    const role = newNode("role", "Appraisal of imported goods", { fields: { name: "Appraisal of imported goods", nameHi: "आयातित माल का मूल्यांकन", descriptionHi: APPRAISAL_HI } });
    const entry = newCompetency("Warehousing procedure", { fields: { name: "Warehousing procedure", nameHi: "भंडारण प्रक्रिया", descriptionHi: "माल का सही शीर्ष निर्धारित करना" } });
    const position = someNode(cbic().frameworkId, "position");
    const created = save([role, newLink("position_role", position.id, role.id), entry, newLink("role_competency", role.id, entry.id, { level: 3 })]);
    expect(created).toMatchObject({ ok: true });

    const doc = loadDraftDocument({ mdoId: cbic().mdoId })!;
    expect(doc.nodes.find((n) => n.id === role.id)).toMatchObject({ nameHi: "आयातित माल का मूल्यांकन", descriptionHi: APPRAISAL_HI });
    expect(doc.nodes.find((n) => n.id === entry.id)).toMatchObject({ kind: "competency", descriptionHi: "माल का सही शीर्ष निर्धारित करना" });
    expect(JSON.parse(auditOf(role.id)[0].after!)).toMatchObject({ descriptionHi: APPRAISAL_HI });

    expect(save([updateNode(role.id, { descriptionHi: "नया विवरण" })])).toMatchObject({ ok: true });
    expect(auditOf(role.id).at(-1)).toMatchObject({ action: "update", field: "descriptionHi", before: JSON.stringify(APPRAISAL_HI), after: JSON.stringify("नया विवरण") });
    expect(save([updateNode(role.id, { descriptionHi: "" })])).toMatchObject({ ok: true });
    expect(getDb().select({ d: nodes.descriptionHi }).from(nodes).where(eq(nodes.id, role.id)).get()).toEqual({ d: null });
    expect(loadDraftDocument({ mdoId: cbic().mdoId })!.nodes.find((n) => n.id === role.id)).not.toHaveProperty("descriptionHi");
  });

  it("refuses an over-long Hindi description with the field's own sentence, writing nothing", async () => {
    const before = snapshot();
    const role = someNode(cbic().frameworkId, "role");
    const body = saveBody(cbic().revision, [updateNode(role.id, { descriptionHi: "न".repeat(LIMITS.DESCRIPTION_HI_MAX + 1) })]);
    const response = await handleEditorAction(await postEditor(AUTHOR, "CBIC", body), "CBIC");
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(`Hindi description is longer than ${LIMITS.DESCRIPTION_HI_MAX} characters.`);
    expectNothingWritten(before);
  });
});

describe("Hindi columns in an import", () => {
  const HEADER = "Position,Role,Activity,Competency,Competency type,Required level,Position Hindi description,Hindi name,Hindi description";

  it("reads per-kind and plain Hindi columns into the draft, and a second import of the file changes nothing", async () => {
    const csv = [
      HEADER,
      `Examiner,Cargo examination,Weigh the consignment,Customs valuation,Domain,3,परीक्षक का पद,खेप का वज़न करना,"खेप को तौलना और
बिल से मिलाना"`,
      "Examiner,Cargo examination,,,,,,माल की जाँच,माल की भौतिक जाँच",
    ].join("\r\n");
    const first = await importCsv(csv);
    expect(first.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(first.apply()).toMatchObject({ ok: true });

    const doc = loadDraftDocument({ mdoId: cbic().mdoId })!;
    const byName = (kind: string, name: string) => doc.nodes.find((n) => n.kind === kind && n.name === name)!;
    expect(byName("activity", "Weigh the consignment")).toMatchObject({ nameHi: "खेप का वज़न करना".normalize("NFC"), descriptionHi: "खेप को तौलना और\nबिल से मिलाना" });
    expect(byName("role", "Cargo examination")).toMatchObject({ nameHi: "माल की जाँच", descriptionHi: "माल की भौतिक जाँच" });
    expect(byName("position", "Examiner")).toMatchObject({ descriptionHi: "परीक्षक का पद" });

    const again = await importCsv(csv);
    expect(again.apply()).toMatchObject({ ok: true, unchanged: true });
  });

  it("refuses an over-long Hindi description with a finding naming row and column, and writes nothing", async () => {
    const csv = [HEADER, `Examiner,Cargo examination,Weigh the consignment,Customs valuation,Domain,3,,,${"न".repeat(LIMITS.DESCRIPTION_HI_MAX + 1)}`].join("\r\n");
    const { plan, findings, apply } = await importCsv(csv);
    expect(plan.ok).toBe(false);
    expect(findings.find((f) => f.severity === "error")).toMatchObject({ row: 2, column: "Hindi description", code: "text_too_long" });
    await unchangedBy(() => expect(apply()).toMatchObject({ ok: false, status: 400 }));
  });
});

describe("exports and search carry the Hindi description", () => {
  it("writes it in JSON, CSV, XLSX and CASE (extensions.descriptionHi), and search finds it", async () => {
    const position = newNode("position", "Appraiser", { fields: { name: "Appraiser", nameHi: "मूल्य निरूपक", descriptionHi: "आयातित वस्तुओं का मूल्य निरूपण करता है" } });
    const role = newNode("role", "Valuation review", { fields: { name: "Valuation review", descriptionHi: "घोषित मूल्य की समीक्षा" } });
    expect(save([position, role, newLink("position_role", position.id, role.id)])).toMatchObject({ ok: true });
    const doc = loadDraftDocument({ mdoId: cbic().mdoId })!;

    expect(JSON.stringify(doc)).toContain('"descriptionHi":"आयातित वस्तुओं का मूल्य निरूपण करता है"');
    const csv = toCsvText(doc);
    expect(csv.split("\r\n")[0]).toContain("Position Hindi description");
    expect(csv).toContain("आयातित वस्तुओं का मूल्य निरूपण करता है");
    expect(csv).toContain("घोषित मूल्य की समीक्षा");

    const workbook = new ExcelJS.Workbook();
    // why the cast: exceljs types its Buffer before Node 20 made Buffer generic.
    await workbook.xlsx.load((await toXlsxBuffer(doc)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const sheet = workbook.getWorksheet("Positions")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === position.id)!;
    expect(row.getCell(headers.indexOf("Hindi description") + 1).value).toBe("आयातित वस्तुओं का मूल्य निरूपण करता है");
    expect(row.getCell(headers.indexOf("Hindi name") + 1).value).toBe("मूल्य निरूपक");

    const item = buildCasePackage(doc).CFItems.find((i) => i.identifier === position.id)!;
    expect(item.language).toBe("en");
    expect(item.extensions).toMatchObject({ nameHi: "मूल्य निरूपक", descriptionHi: "आयातित वस्तुओं का मूल्य निरूपण करता है" });

    const viewer = { mdoIds: [cbic().mdoId], allMdos: false };
    expect(searchNodes({ query: "निरूपण", viewer }).map((h) => h.id)).toContain(position.id);
    expect(searchNodes({ query: "घोषित मूल्य", viewer }).map((h) => h.id)).toContain(role.id);
  });

  it("search finds a dictionary entry by its Hindi description, and follows a change of it", () => {
    const entry = getDb().select().from(competencies).where(eq(competencies.name, "Decision Making")).get()!;
    const viewer = { mdoIds: [cbic().mdoId], allMdos: false };
    expect(searchEntries({ query: "विवेकपूर्ण", viewer })).toEqual([]);
    getDb().update(competencies).set({ descriptionHi: "विवेकपूर्ण और समयबद्ध निर्णय लेना" }).where(eq(competencies.id, entry.id)).run();
    expect(searchEntries({ query: "विवेकपूर्ण", viewer }).map((h) => h.id)).toContain(entry.id);
    getDb().update(competencies).set({ descriptionHi: null }).where(eq(competencies.id, entry.id)).run();
    expect(searchEntries({ query: "विवेकपूर्ण", viewer })).toEqual([]);
  });
});
