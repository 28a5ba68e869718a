import crypto from "node:crypto";
import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { auditLog, frameworks, links, nodes } from "@db/schema";
import { analyseForMdo, applyImportPlan, sha256Hex } from "~/models/import/import.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { frac } from "../support/cli";

const FIXTURE = "tests/fixtures/import/cbic-flat-utf8-bom.csv";
const HEADER = "Position,Role,Activity,Competency,Competency type,Required level\r\n";
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

async function plan(code: string, bytes: Uint8Array, mode: "merge" | "replace" = "merge") {
  const mdo = getMdoByCode({ code })!;
  const result = (await analyseForMdo({ mdoId: mdo.id, mdoCode: mdo.code, fileName: "test.csv", bytes, mode }))!;
  return { mdo, ...result };
}
const counts = (frameworkId: string) => ({
  nodes: getDb().select({ n: count() }).from(nodes).where(eq(nodes.frameworkId, frameworkId)).get()!.n,
  links: getDb().select({ n: count() }).from(links).where(eq(links.frameworkId, frameworkId)).get()!.n,
  audit: getDb().select({ n: count() }).from(auditLog).get()!.n,
});
const frameworkOf = (mdoId: string) => getDb().select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get()!;

describe("applying an import", () => {
  it("writes everything in one transaction with a summary audit entry naming the file, its sha256 and the counts", async () => {
    const bytes = new Uint8Array(fs.readFileSync(FIXTURE));
    const { mdo, analysis, revision } = await plan("DOR", bytes);
    const fw = frameworkOf(mdo.id);
    const before = counts(fw.id);
    const result = applyImportPlan({ mdoId: mdo.id, userId: null, plan: analysis.plan!, fileName: "cbic.csv", sha256: sha256Hex(bytes), baseRevision: revision });
    expect(result).toMatchObject({ ok: true, revision: revision + 1, unchanged: false });
    const after = counts(fw.id);
    expect(after.nodes).toBeGreaterThan(before.nodes);
    // One summary entry, and one row per node, competency and link the import created.
    const made = result.ok ? Object.values(result.counts.created).reduce((x, y) => x + y, 0) : 0;
    expect(after.audit).toBe(before.audit + 1 + made);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.entity, "import")).get()!;
    const recorded = JSON.parse(entry.after!);
    expect(recorded).toMatchObject({ fileName: "cbic.csv", sha256: crypto.createHash("sha256").update(bytes).digest("hex"), mode: "merge" });
    expect(recorded.created.position).toBe(2);

    // Re-importing the same file changes nothing: not the content, the revision, nor the audit log.
    const again = await plan("DOR", bytes);
    const second = applyImportPlan({ mdoId: mdo.id, userId: null, plan: again.analysis.plan!, fileName: "cbic.csv", sha256: sha256Hex(bytes), baseRevision: again.revision });
    expect(second).toMatchObject({ ok: true, unchanged: true, revision: revision + 1 });
    expect(counts(fw.id)).toEqual(after);
  });

  it("writes nothing when any row has an error", async () => {
    const text = `${HEADER}Under Secretary,Budget,Consolidate demands,Financial Management,Functional,3\r\nUnder Secretary,Budget,Consolidate demands,Financial Managment,Functional,3\r\n`;
    const { mdo, analysis } = await plan("MOF", bytesOf(text));
    expect(analysis.plan!.ok).toBe(false);
    const before = counts(frameworkOf(mdo.id).id);
    const result = applyImportPlan({ mdoId: mdo.id, userId: null, plan: analysis.plan!, fileName: "bad.csv", sha256: "x" });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(counts(frameworkOf(mdo.id).id)).toEqual(before);
  });

  it("refuses a stale preview and a frozen draft with 409, writing nothing", async () => {
    const text = `${HEADER}Director,Budget,Prepare budget,Financial Management,Functional,3\r\n`;
    const { mdo, analysis, revision } = await plan("MOF", bytesOf(text));
    const before = counts(frameworkOf(mdo.id).id);
    expect(applyImportPlan({ mdoId: mdo.id, userId: null, plan: analysis.plan!, fileName: "a.csv", sha256: "x", baseRevision: revision + 5 })).toMatchObject({ ok: false, status: 409 });
    getDb().update(frameworks).set({ status: "UNVERIFIED" }).where(eq(frameworks.mdoId, mdo.id)).run();
    expect(applyImportPlan({ mdoId: mdo.id, userId: null, plan: analysis.plan!, fileName: "a.csv", sha256: "x" })).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("frozen") });
    getDb().update(frameworks).set({ status: "DRAFT" }).where(eq(frameworks.mdoId, mdo.id)).run();
    expect(counts(frameworkOf(mdo.id).id)).toEqual(before);
  });

  it("refuses ids that belong to another ministry's framework", async () => {
    const foreign = getDb().select().from(nodes).where(eq(nodes.kind, "position")).get()!; // a CBIC or MOHFW position
    const text = `Position id,${HEADER}${foreign.id},Stolen position,Budget,Prepare budget,Financial Management,Functional,3\r\n`;
    const { mdo, analysis } = await plan("MOF", bytesOf(text));
    expect(analysis.findings).toContainEqual(expect.objectContaining({ row: 2, column: "Position id", code: "id_taken" }));
    expect(analysis.plan!.ok).toBe(false);
    const before = counts(frameworkOf(mdo.id).id);
    // why force ok: the apply must refuse on its own too, for an id taken between preview and apply.
    const result = applyImportPlan({ mdoId: mdo.id, userId: null, plan: { ...analysis.plan!, ok: true }, fileName: "x.csv", sha256: "x" });
    expect(result).toMatchObject({ ok: false, status: 400, message: expect.stringContaining(foreign.id) });
    expect(counts(frameworkOf(mdo.id).id)).toEqual(before);
    expect(getDb().select().from(nodes).where(eq(nodes.id, foreign.id)).get()!.name).toBe(foreign.name);
  });

  it("in replace mode removes what the file does not mention, and merge mode never does", async () => {
    const first = `${HEADER}Director,Budget,Prepare budget,Financial Management,Functional,3\r\nDirector,Audit,Check accounts,Financial Management,Functional,2\r\n`;
    const p1 = await plan("MOF", bytesOf(first));
    applyImportPlan({ mdoId: p1.mdo.id, userId: null, plan: p1.analysis.plan!, fileName: "1.csv", sha256: "1" });
    const second = `${HEADER}Director,Budget,Prepare budget,Financial Management,Functional,3\r\n`;
    const merge = await plan("MOF", bytesOf(second), "merge");
    expect(merge.analysis.plan!.removed.role).toBe(0);
    const replace = await plan("MOF", bytesOf(second), "replace");
    expect(replace.analysis.plan!.nodes.role.remove.map((r) => r.name)).toContain("Audit");
    expect(applyImportPlan({ mdoId: replace.mdo.id, userId: null, plan: replace.analysis.plan!, fileName: "2.csv", sha256: "2" })).toMatchObject({ ok: true });
    const roles = getDb().select().from(nodes).where(eq(nodes.frameworkId, frameworkOf(replace.mdo.id).id)).all().filter((n) => n.kind === "role").map((n) => n.name);
    expect(roles).not.toContain("Audit");
    expect(roles).toContain("Budget");
  });
});

describe("frac import", () => {
  it("previews with --dry-run, imports, and exits 1 on a file with errors (nothing written)", () => {
    const dry = frac(["import", FIXTURE, "--mdo", "MOHFW", "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report).toMatchObject({ ok: true, applied: false, unchanged: { position: 0 } });
    expect(report.created.position).toBeGreaterThan(0);
    expect(Array.isArray(report.findings)).toBe(true);
    const bad = fs.mkdtempSync("/tmp/frac-import-");
    fs.writeFileSync(`${bad}/bad.csv`, `${HEADER}X,Y,Z,Nonexistent competency,Behavioural,3\r\n`);
    const out = frac(["import", `${bad}/bad.csv`, "--mdo", "MOHFW"]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/error\s+row 2, column Competency/);
    expect(out.stdout).toContain("Nothing was imported");
    expect(frac(["import", `${bad}/missing.csv`, "--mdo", "MOHFW"]).code).toBe(2);
    fs.writeFileSync(`${bad}/binary.csv`, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0xdc, 0xc3, 0x28, 0x00]));
    expect(frac(["import", `${bad}/binary.csv`, "--mdo", "MOHFW"]).code).toBe(2);
  });
});
