// An import's per-node audit rows: what it created, changed and removed (with the values before),
// written in the apply's transaction, and nothing when the apply is refused.
import { and, count, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkDatabase } from "@db/check";
import { getClient, getDb } from "@db/client";
import { auditLog, nodes } from "@db/schema";
import { analyseForMdo, applyImportPlan } from "~/models/import/import.server";
import { getMdoByCode } from "~/models/access/mdos.server";

const HEADER = "Position,Role,Activity,Competency,Competency type,Required level,Activity description\r\n";
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const lastId = () => getDb().select({ n: auditLog.id }).from(auditLog).orderBy(auditLog.id).all().at(-1)?.n ?? 0;
const rowsAfter = (id: number) => getDb().select().from(auditLog).where(gt(auditLog.id, id)).all();
const parsed = (text: string | null) => (text === null ? null : JSON.parse(text));

async function importText(code: string, text: string, mode: "merge" | "replace", userId: string | null = null) {
  const mdo = getMdoByCode({ code })!;
  const { analysis, revision } = (await analyseForMdo({ mdoId: mdo.id, mdoCode: mdo.code, fileName: `${mode}.csv`, bytes: bytesOf(text), mode }))!;
  expect(analysis.plan?.ok).toBe(true);
  const before = lastId();
  const result = applyImportPlan({ mdoId: mdo.id, userId, plan: analysis.plan!, fileName: `${mode}.csv`, sha256: mode, baseRevision: revision });
  expect(result).toMatchObject({ ok: true });
  return { mdo, rows: rowsAfter(before) };
}

describe("an import's audit rows", () => {
  it("records each node and link it creates and each field it changes, in the ministry, by the importer", async () => {
    const first = `${HEADER}Director,Budget,Prepare budget,Financial Management,Functional,3,Draft the demands\r\n`;
    const { mdo, rows } = await importText("MOF", first, "merge");
    expect(rows.every((r) => r.mdoId === mdo.id)).toBe(true);
    const created = rows.filter((r) => r.action === "create");
    expect(created.filter((r) => r.entity === "node").map((r) => parsed(r.after).name).sort()).toEqual(["Budget", "Director", "Prepare budget"]);
    expect(created.find((r) => r.entity === "node" && parsed(r.after).name === "Prepare budget")).toMatchObject({ before: null });
    expect(parsed(created.find((r) => parsed(r.after).name === "Prepare budget")!.after)).toMatchObject({ kind: "activity", description: "Draft the demands" });
    expect(created.filter((r) => r.entity === "link")).toHaveLength(3);
    expect(rows.filter((r) => r.entity === "import")).toHaveLength(1);

    const second = `${HEADER}Director,Budget,Prepare budget,Financial Management,Functional,4,Draft and check the demands\r\n`;
    const changed = (await importText("MOF", second, "merge")).rows;
    expect(changed.find((r) => r.entity === "node" && r.action === "update")).toMatchObject({ field: "description", before: '"Draft the demands"', after: '"Draft and check the demands"' });
    expect(changed.find((r) => r.entity === "link" && r.action === "update")).toMatchObject({ field: "level", before: "3", after: "4" });
  });

  it("chains every per-node row into the audit hash chain, in order, so db:check stays clean", async () => {
    const text = `${HEADER}Joint Secretary,Treasury,Reconcile accounts,Financial Management,Functional,2,Monthly\r\n`;
    const before = getDb().select({ hash: auditLog.hash }).from(auditLog).orderBy(auditLog.id).all().at(-1)?.hash ?? "";
    const { rows } = await importText("MOF", text, "merge");
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0].prevHash).toBe(before);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rows.every((r) => typeof r.hash === "string" && r.hash.length === 64)).toBe(true);
    expect(checkDatabase(getClient().sqlite, { full: true })).toMatchObject({ ok: true, problems: [] });
  });

  it("keeps the values before of everything a replace-mode import removes", async () => {
    const first = `${HEADER}Under Secretary,Accounts,Check vouchers,Financial Management,Functional,2,Every voucher above one lakh\r\nUnder Secretary,Budget,Prepare budget,Financial Management,Functional,3,\r\n`;
    const { mdo } = await importText("MOHFW", first, "merge");
    const accounts = getDb().select().from(nodes).where(and(eq(nodes.name, "Accounts"))).all().find((n) => n.kind === "role")!;
    const vouchers = getDb().select().from(nodes).where(eq(nodes.name, "Check vouchers")).get()!;

    const second = `${HEADER}Under Secretary,Budget,Prepare budget,Financial Management,Functional,3,\r\n`;
    const { rows } = await importText("MOHFW", second, "replace", null);
    const deleted = rows.filter((r) => r.action === "delete");
    const role = deleted.find((r) => r.entityId === accounts.id)!;
    expect(role).toMatchObject({ entity: "node", mdoId: mdo.id, after: null });
    expect(parsed(role.before)).toMatchObject({ kind: "role", name: "Accounts" });
    const activity = deleted.find((r) => r.entityId === vouchers.id)!;
    expect(parsed(activity.before)).toMatchObject({ kind: "activity", name: "Check vouchers", description: "Every voucher above one lakh" });
    // The links that went with them: position → Accounts, Accounts → Check vouchers, Check vouchers → competency.
    const links = deleted.filter((r) => r.entity === "link").map((r) => parsed(r.before));
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "role_activity", from: accounts.id, to: vouchers.id }),
        expect.objectContaining({ kind: "activity_competency", from: vouchers.id, level: 2 }),
      ]),
    );
    expect(links.length).toBeGreaterThanOrEqual(3);
    // Everything removed is gone, and each removal has exactly one row.
    expect(getDb().select({ n: count() }).from(nodes).where(eq(nodes.id, vouchers.id)).get()!.n).toBe(0);
    expect(new Set(deleted.map((r) => r.entityId)).size).toBe(deleted.length);
  });

  it("writes no audit row when the apply is refused", async () => {
    const mdo = getMdoByCode({ code: "MOF" })!;
    const text = `${HEADER}Joint Secretary,Policy,Draft notes,Financial Management,Functional,3,\r\n`;
    const { analysis, revision } = (await analyseForMdo({ mdoId: mdo.id, mdoCode: mdo.code, fileName: "x.csv", bytes: bytesOf(text), mode: "merge" }))!;
    const before = lastId();
    expect(applyImportPlan({ mdoId: mdo.id, userId: null, plan: analysis.plan!, fileName: "x.csv", sha256: "x", baseRevision: revision + 1 })).toMatchObject({ ok: false, status: 409 });
    expect(rowsAfter(before)).toEqual([]);
  });
});
