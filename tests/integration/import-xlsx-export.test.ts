/**
 * The demo ministry's own XLSX export, uploaded to its import page (through the worker) and in
 * replace mode, changes nothing: the page recognises the workbook and plans no change.
 */
import { describe, expect, it } from "vitest";
import { getMdoByCode } from "~/models/access/mdos.server";
import { draftExport } from "~/models/publication/export.server";
import { databaseRows } from "../support/db-state";
import { AUTHOR, postImport } from "../factories/import";

async function cbicWorkbook(): Promise<Uint8Array> {
  const source = draftExport({ mdoId: getMdoByCode({ code: "CBIC" })!.id, format: "xlsx" })!;
  const parts: Buffer[] = [];
  for await (const chunk of source.chunks) parts.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(parts));
}

const zero = { position: 0, role: 0, activity: 0, competency: 0, link: 0 };

describe("importing the XLSX export of the same draft", () => {
  it("is read as FRAC Studio's workbook and, in replace mode, plans and writes nothing", async () => {
    const bytes = await cbicWorkbook();
    const preview = await postImport(AUTHOR, "CBIC", { name: "CBIC-draft.xlsx", bytes }, { mode: "replace" });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const p = preview.body.preview as { layout: string; findings: { severity: string }[]; plan: { ok: boolean; created: object; updated: object; removed: object } };
    expect(p.layout).toBe("frac-workbook");
    expect(p.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(p.plan).toMatchObject({ ok: true, created: zero, updated: zero, removed: zero });
    const before = databaseRows();
    const applied = await postImport(AUTHOR, "CBIC", { name: "CBIC-draft.xlsx", bytes }, { mode: "replace", intent: "apply" });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toMatchObject({ unchanged: true });
    expect(databaseRows()).toEqual(before);
  });
});
