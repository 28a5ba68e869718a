// Browsing the audit trail of a framework (filters, paging, names) and its CSV download.
import { describe, expect, it } from "vitest";
import { stableId, userId } from "@db/ids";
import { applyEditOps } from "~/models/draft-save/save.server";
import { auditCsv, listAudit, type AuditRow } from "~/models/audit/queries.server";
import { createUserWithRole } from "~/models/access/users.server";
import { ministry, updateNode } from "../factories/edit-ops";

const AUTHOR = userId("author@frac.test");
const BOARD = userId("board@frac.test");
const IGST = stableId("demo:CBIC/activity/Resolve IGST refund errors on exports");
const cbic = () => ministry("CBIC");
const page = (filter: Partial<Parameters<typeof listAudit>[0]> = {}) => listAudit({ mdoId: cbic().mdoId, limit: 100, offset: 0, ...filter });

describe("listAudit", () => {
  it("lists a framework's changes newest first, with who made them", () => {
    const { rows, total } = page();
    expect(total).toBeGreaterThanOrEqual(rows.length);
    const ats = rows.map((r) => r.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const status = rows.filter((r) => r.entity === "framework").map((r) => [r.action, r.userName, r.before, r.after]);
    expect(status).toEqual([
      ["approve", "Bina Das (CBC review board)", '"VERIFIED"', '"DRAFT"'],
      ["verify", "Ravi Kumar (CBC technical review)", '"UNVERIFIED"', '"VERIFIED"'],
      ["submit", "Asha Rao (CBIC HR cell)", '"DRAFT"', '"UNVERIFIED"'],
    ]);
    expect(rows.find((r) => r.entity === "version")).toMatchObject({ action: "publish", userId: BOARD });
  });

  it("narrows to one node, with its name and the field that changed", () => {
    const { rows, total } = page({ entityId: IGST });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      entity: "node",
      entityName: "Resolve IGST refund errors on exports",
      action: "update",
      field: "description",
      userName: "Asha Rao (CBIC HR cell)",
      userEmail: "author@frac.test",
    });
    expect(JSON.parse(rows[0].after!)).toContain("ICEGATE refund module");
  });

  it("filters by user, kind and date (a bare date is a day in IST), and pages with a total", () => {
    expect(page({ userId: BOARD }).rows.every((r) => r.userId === BOARD)).toBe(true);
    expect(page({ userId: BOARD }).total).toBe(2);
    expect(page({ entity: "link" }).rows.map((r) => r.action).sort()).toEqual(["create", "create", "update"]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
    expect(page({ from: today, to: today }).total).toBe(page().total);
    expect(page({ from: "2999-01-01" }).total).toBe(0);
    expect(page({ to: "2000-01-01" }).total).toBe(0);
    expect(page({ from: "not a date" }).total).toBe(page().total);

    const all = page().rows;
    const second = page({ limit: 2, offset: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(2, 4).map((r) => r.id));
    expect(second.total).toBe(all.length);
    expect(page({ limit: 0 }).rows).toHaveLength(1);
    expect(page({ limit: 10_000 }).rows.length).toBeLessThanOrEqual(500);
    expect(listAudit({ mdoId: ministry("MOHFW").mdoId, limit: 50, offset: 0 }).total).toBe(0);
  });
});

describe("auditCsv", () => {
  const row = (over: Partial<AuditRow>): AuditRow => ({
    id: 1,
    at: "2025-03-12T14:03:00.000Z",
    userId: AUTHOR,
    userName: "Asha Rao",
    userEmail: "author@frac.test",
    mdoId: null,
    mdoCode: null,
    entity: "node",
    entityId: IGST,
    entityName: "Resolve IGST refund errors",
    action: "update",
    field: "name",
    before: '"Old"',
    after: '"New"',
    ...over,
  });

  it("writes a BOM, a header and CRLF lines, quoting commas, quotes and line breaks", () => {
    const csv = auditCsv([row({ entityName: 'Refunds, "IGST"\nexports' })]);
    expect(csv.startsWith("\uFEFFat,user,user_email,entity,entity_id,entity_name,action,field,before,after\r\n")).toBe(true);
    expect(csv).toContain(`,"Refunds, ""IGST""\nexports",`);
    expect(csv).toContain(`,"""Old""","""New"""\r\n`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("neutralises every cell that a spreadsheet would run as a formula", () => {
    const csv = auditCsv([row({ userName: "=cmd()", entityName: "+SUM(A1)", field: "-2+3", action: "@now", before: "\tx", after: "\ry" })]);
    const line = csv.split("\r\n")[1];
    expect(line).toContain(",'=cmd(),");
    expect(line).toContain(",'+SUM(A1),");
    expect(line).toContain(",'@now,'-2+3,");
    expect(line).toContain(`'\tx,"'\ry"`);
    expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });

  it("neutralises a real row written by a user whose name is a formula", async () => {
    const { userId: evil } = await createUserWithRole({ email: "evil@frac.test", name: "=cmd()", role: "author", mdoId: cbic().mdoId, actorId: null });
    const saved = applyEditOps({ mdoId: cbic().mdoId, userId: evil, baseRevision: cbic().revision, ops: [updateNode(IGST, { name: "=HYPERLINK(\"http://x\")" })] });
    expect(saved.ok).toBe(true);
    const csv = auditCsv(page({ userId: evil }).rows);
    expect(csv).toContain(",'=cmd(),evil@frac.test,node,");
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",update,name,`);
  });
});
