// /admin/audit: the whole audit log for admins (404 to everyone else, audited), with rows that
// belong to no ministry, filters in SQL, paging, and a CSV of every matching row, neutralised.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { auditLog } from "@db/schema";
import { resetRefusalThrottle } from "~/models/audit/access-log.server";
import { audit } from "~/models/audit/write.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { createUserWithRole } from "~/models/access/users.server";
import { loader as csvLoader } from "~/routes/admin.audit[.]csv";
import { loader as pageLoader } from "~/routes/admin.audit";
import { loader as frameworkAuditLoader } from "~/routes/frameworks.$code.audit";
import { requestAs, thrownResponse } from "../support/request";

const ADMIN = "admin@frac.test";
type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
const run = async (loader: Loader, email: string | null, path: string) => loader({ request: await requestAs(email, path), params: { code: "CBIC" }, context: {} });
const page = async (query = "") => (await run(pageLoader, ADMIN, `/admin/audit${query}`)).json();
const csvOf = async (query = "") => {
  const res = await run(csvLoader, ADMIN, `/admin/audit.csv${query}`);
  expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="frac-audit-\d{4}-\d\d-\d\d\.csv"$/);
  return res.text();
};
/** Splits CSV text into records (quoted cells may hold CRLF). */
const records = (text: string) => text.replace(/^\uFEFF/, "").split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter((l) => l !== "");

afterEach(() => resetRefusalThrottle());

describe("/admin/audit access", () => {
  it("is a 404 to every signed-in user but admins, and each refusal is audited; anonymous users are sent to sign in", async () => {
    for (const email of ["author@frac.test", "reviewer@frac.test", "board@frac.test", "curator@frac.test"]) {
      expect((await thrownResponse(() => run(pageLoader, email, "/admin/audit"))).status).toBe(404);
      expect((await thrownResponse(() => run(csvLoader, email, "/admin/audit.csv"))).status).toBe(404);
    }
    const refused = getDb().select().from(auditLog).where(eq(auditLog.userId, userId("curator@frac.test"))).all().filter((r) => r.entity === "access");
    expect(refused.map((r) => JSON.parse(r.after!).path).sort()).toEqual(["/admin/audit", "/admin/audit.csv"]);
    const anonymous = await thrownResponse(() => run(pageLoader, null, "/admin/audit"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("audits a signed-in user's 404 for another ministry's draft", async () => {
    const res = await thrownResponse(() => run(frameworkAuditLoader, "other-author@frac.test", "/frameworks/CBIC/audit"));
    expect(res.status).toBe(404);
    const [row] = getDb().select().from(auditLog).where(eq(auditLog.userId, userId("other-author@frac.test"))).all().filter((r) => r.entity === "access");
    expect(row).toMatchObject({ action: "refused", mdoId: getMdoByCode({ code: "CBIC" })!.id });
    expect(JSON.parse(row.after!)).toMatchObject({ status: 404, path: "/frameworks/CBIC/audit", reason: "not a member of this ministry" });
  });
});

describe("/admin/audit for an admin", () => {
  it("shows the whole log, rows with no ministry included, and any event name", async () => {
    await createUserWithRole({ email: "new.admin@frac.test", role: "board", mdoId: null, actorId: userId(ADMIN) });
    // An event written by another part of the system, with a name this page has never heard of.
    audit(getDb(), { userId: userId(ADMIN), mdoId: null, entity: "session", entityId: null, action: "sign-in", after: { ip: "10.0.0.1" } });
    const all = await page();
    expect(all.total).toBe(getDb().select().from(auditLog).all().length);
    expect(all.rows.find((r: { entity: string; action: string }) => r.entity === "session" && r.action === "sign-in")).toMatchObject({ mdoId: null, userEmail: ADMIN });
    expect(all.events).toContainEqual({ entity: "session", action: "sign-in" });
    const none = await page("?mdo=-");
    expect(none.rows.length).toBeGreaterThan(0);
    expect(none.rows.every((r: { mdoId: string | null }) => r.mdoId === null)).toBe(true);
    expect(none.rows.map((r: { entity: string }) => r.entity)).toEqual(expect.arrayContaining(["user", "membership", "session"]));
  });

  it("filters by user, event, ministry and dates in SQL, with exact totals and pages", async () => {
    const cbicId = getMdoByCode({ code: "CBIC" })!.id;
    const cbic = await page("?mdo=cbic");
    expect(cbic.total).toBe(getDb().select().from(auditLog).where(eq(auditLog.mdoId, cbicId)).all().length);
    expect(cbic.rows.every((r: { mdoCode: string }) => r.mdoCode === "CBIC")).toBe(true);

    const byAuthor = await page("?user=AUTHOR@frac");
    expect(byAuthor.total).toBeGreaterThan(0);
    expect(byAuthor.rows.every((r: { userEmail: string }) => /author@frac\.test$/.test(r.userEmail))).toBe(true);
    expect((await page("?user=100%25")).total).toBe(0);

    const publishes = await page("?event=version:publish");
    expect(publishes.total).toBeGreaterThan(0);
    expect(publishes.rows.every((r: { entity: string; action: string }) => r.entity === "version" && r.action === "publish")).toBe(true);
    expect((await page("?event=membership")).rows.every((r: { entity: string }) => r.entity === "membership")).toBe(true);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
    expect((await page(`?from=${today}&to=${today}`)).total).toBe((await page()).total);
    expect((await page("?from=2999-01-01")).total).toBe(0);

    const first = await page();
    const second = await page("?offset=100");
    expect(second.offset).toBe(100);
    expect(second.rows[0]?.id).not.toBe(first.rows[0].id);
    expect(first.rows).toHaveLength(Math.min(100, first.total));
  });

  it("answers a malformed filter with 400 naming it", async () => {
    for (const [query, message] of [
      ["?from=2026-02-30", /from: That date does not exist/],
      ["?from=yesterday", /from: Dates look like/],
      ["?from=2026-03-01&to=2026-02-01", /after to/],
      ["?mdo=NOPE", /mdo: there is no active ministry with the code "NOPE"/],
      ["?event=drop%20table", /event: Choose an event/],
      ["?offset=-1", /offset/],
      [`?user=${"x".repeat(321)}`, /user: Search for at most 320/],
    ] as const) {
      const res = await thrownResponse(() => run(pageLoader, ADMIN, `/admin/audit${query}`));
      expect(res.status, query).toBe(400);
      expect((await res.json()).message).toMatch(message);
    }
  });
});

describe("/admin/audit.csv", () => {
  it("streams every matching row, far past 500, newest first", async () => {
    const db = getDb();
    db.transaction((tx) => {
      for (let i = 0; i < 1234; i++) audit(tx, { userId: null, mdoId: null, entity: "bulk", entityId: `row-${i}`, action: "test", after: { i } });
    });
    const lines = records(await csvOf("?event=bulk:test"));
    expect(lines[0]).toBe("at,mdo,user,user_email,entity,entity_id,entity_name,action,field,before,after");
    expect(lines).toHaveLength(1 + 1234);
    const ids = lines.slice(1).map((l) => l.split(",")[5]);
    expect(new Set(ids).size).toBe(1234);
    expect(ids[0]).toBe("row-1233");
    expect(ids.at(-1)).toBe("row-0");
    // Without a filter, the whole log: as many records as rows.
    expect(records(await csvOf())).toHaveLength(1 + db.select().from(auditLog).all().length);
  });

  it("neutralises every cell a spreadsheet would run as a formula", async () => {
    const { userId: evil } = await createUserWithRole({ email: "formula@frac.test", name: "=HYPERLINK(\"http://x\",\"y\")", role: "viewer", mdoId: getMdoByCode({ code: "CBIC" })!.id, actorId: null });
    audit(getDb(), { userId: evil, mdoId: null, entity: "+cmd", entityId: "@id", action: "-run", before: "before", after: "after", field: "\tfield" });
    const lines = records(await csvOf("?user=formula@frac"));
    const row = lines.find((l) => l.includes("+cmd"))!;
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")",formula@frac.test,'+cmd,'@id,,'-run,'\tfield,"""before""","""after"""`);
    for (const cell of row.split(",")) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
