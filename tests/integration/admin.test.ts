import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { auditLog, memberships, mdos } from "@db/schema";
import { action as mdosAction, loader as mdosLoader } from "~/routes/admin.mdos";
import { action as usersAction, loader as usersLoader } from "~/routes/admin.users";
import { getMdoByCode } from "~/models/access/mdos.server";
import { requestAs, thrownResponse } from "../support/request";

const post = (email: string, path: string, fields: Record<string, string>) =>
  requestAs(email, path, { method: "POST", body: new URLSearchParams(fields) });
const args = (request: Request) => ({ request, params: {}, context: {} });

describe("admin pages", () => {
  it("are refused (403) to everyone but admins", async () => {
    for (const email of ["author@frac.test", "reviewer@frac.test", "curator@frac.test"]) {
      expect((await thrownResponse(async () => usersLoader(args(await requestAs(email, "/admin/users"))))).status).toBe(403);
      const attempt = await post(email, "/admin/users", { intent: "create", email: "x@y.in", role: "admin" });
      expect((await thrownResponse(() => usersAction(args(attempt)))).status).toBe(403);
      expect((await thrownResponse(async () => mdosLoader(args(await requestAs(email, "/admin/mdos"))))).status).toBe(403);
    }
  });

  it("create a user with a ministry role, and refuse one without a ministry", async () => {
    const created = await usersAction(args(await post("admin@frac.test", "/admin/users", { intent: "create", email: "HR@cbic.gov.in", role: "author", mdo: "CBIC" })));
    expect(created.status).toBe(200);
    const body = await created.json();
    expect(body.created).toMatchObject({ email: "hr@cbic.gov.in", role: "author", mdo: "CBIC" });
    expect(body.created?.password).toMatch(/^[a-z2-9]{16}$/);

    const missing = await usersAction(args(await post("admin@frac.test", "/admin/users", { intent: "create", email: "a@b.in", role: "viewer" })));
    expect(missing.status).toBe(400);
    const fieldErrors: Record<string, string[] | undefined> = (await missing.json()).fieldErrors;
    expect(fieldErrors.mdo?.[0]).toContain("needs a ministry");
  });

  it("answers an unknown intent and a malformed membership id with 400", async () => {
    const unknown = await thrownResponse(async () => usersAction(args(await post("admin@frac.test", "/admin/users", { intent: "explode" }))));
    expect(unknown.status).toBe(400);
    const malformed = await usersAction(args(await post("admin@frac.test", "/admin/users", { intent: "revoke", membershipId: "1 OR 1=1" })));
    expect(malformed.status).toBe(400);
  });

  it("revoke a membership and record it in the audit log", async () => {
    const db = getDb();
    const viewer = db.select().from(memberships).where(eq(memberships.role, "viewer")).get()!;
    const res = await usersAction(args(await post("admin@frac.test", "/admin/users", { intent: "revoke", membershipId: viewer.id })));
    expect(res.status).toBe(200);
    expect(db.select().from(memberships).where(eq(memberships.id, viewer.id)).get()).toBeUndefined();
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "revoke")).get();
    expect(entry).toMatchObject({ entity: "membership", entityId: viewer.userId, before: JSON.stringify({ role: "viewer" }) });
  });

  it("activate an organisation under a unique code, and refuse a code in use", async () => {
    const db = getDb();
    const target = db.select().from(mdos).where(eq(mdos.name, "Department of Health and Family Welfare")).get()!;
    const clash = await mdosAction(args(await post("admin@frac.test", "/admin/mdos", { mdoId: target.id, code: "cbic" })));
    expect(clash.status).toBe(400);
    expect((await clash.json()).fieldErrors.code[0]).toContain("already used");
    const badCode = await mdosAction(args(await post("admin@frac.test", "/admin/mdos", { mdoId: target.id, code: "<script>" })));
    expect(badCode.status).toBe(400);

    const ok = await mdosAction(args(await post("admin@frac.test", "/admin/mdos", { mdoId: target.id, code: "DOHFW", parent: "MOHFW" })));
    expect(ok.status).toBe(302);
    expect(getMdoByCode({ code: "DOHFW" })).toMatchObject({ name: "Department of Health and Family Welfare" });
  });
});
