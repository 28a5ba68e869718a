// API tokens: the model, the `frac token` CLI and the /admin/tokens page, on a real database.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { apiTokens } from "@db/schema";
import { createToken, listTokens, revokeToken, verifyToken } from "~/models/access/tokens.server";
import { action, loader } from "~/routes/admin.tokens";
import { frac } from "../support/cli";
import { requestAs, thrownResponse } from "../support/request";

const post = (email: string, fields: Record<string, string>) => requestAs(email, "/admin/tokens", { method: "POST", body: new URLSearchParams(fields) });
const args = (request: Request) => ({ request, params: {}, context: {} });
const rowOf = (name: string) => getDb().select().from(apiTokens).where(eq(apiTokens.name, name)).get()!;

describe("token model", () => {
  it("creates a token shown once and stores only its sha256", () => {
    const created = createToken({ name: "  HRMS  ", createdBy: null });
    if (!created.ok) throw new Error(created.message);
    expect(created.name).toBe("HRMS");
    expect(created.token).toMatch(/^frac_[A-Za-z0-9_-]{43}$/);
    const row = rowOf("HRMS");
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(5));
    expect(createToken({ name: "HRMS", createdBy: null })).toMatchObject({ ok: false, message: expect.stringContaining("already exists") });
    expect(listTokens().find((t) => t.name === "HRMS")).not.toHaveProperty("tokenHash");
  });

  it("verifies a live token, records its use, and refuses wrong and revoked ones", () => {
    const created = createToken({ name: "LMS", createdBy: null });
    if (!created.ok) throw new Error(created.message);
    expect(rowOf("LMS").lastUsedAt).toBeNull();
    expect(verifyToken(created.token)?.name).toBe("LMS");
    const used = rowOf("LMS").lastUsedAt;
    expect(used).toMatch(/^\d{4}-\d\d-\d\dT/);
    verifyToken(created.token);
    expect(rowOf("LMS").lastUsedAt).toBe(used);
    expect(verifyToken(created.token + "x")).toBeNull();
    expect(verifyToken("not-a-token")).toBeNull();
    expect(revokeToken({ name: "LMS" })).toBe(true);
    expect(revokeToken({ name: "LMS" })).toBe(false);
    expect(verifyToken(created.token)).toBeNull();
    expect(revokeToken({ name: "nobody" })).toBe(false);
  });
});

describe("frac token", () => {
  it("creates a token (--json) that the API accepts, refuses a duplicate, and revokes it", () => {
    const made = frac(["token", "create", "analytics", "--json"]);
    expect(made.code).toBe(0);
    const out = JSON.parse(made.stdout);
    expect(out).toEqual({ name: "analytics", token: expect.stringMatching(/^frac_/), expiresAt: null, mdo: null });
    expect(verifyToken(out.token)?.name).toBe("analytics");

    const again = frac(["token", "create", "analytics"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    expect(frac(["token", "revoke", "analytics"]).code).toBe(0);
    expect(verifyToken(out.token)).toBeNull();
    const unknown = frac(["token", "revoke", "analytics"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no live token named "analytics"');
  });

  it("prints the token in plain text, has --help, and refuses a wrong call with exit 2", () => {
    const made = frac(["token", "create", "plain"]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/shown once[\s\S]*\nfrac_\S+\n$/);
    expect(frac(["token", "--help"]).stdout).toContain("frac token create NAME");
    expect(frac(["token", "destroy", "x"]).code).toBe(2);
    expect(frac(["token", "create"]).code).toBe(2);
  });
});

describe("frac token create --expires --mdo", () => {
  // why the long timeouts: each call starts a Node process, which takes several seconds on a loaded machine.
  it("creates a token scoped to a ministry that ends on a day, and refuses a past day or an unknown ministry (exit 1, nothing written)", () => {
    const made = frac(["token", "create", "cbic-hr", "--mdo", "cbic", "--expires", "2099-12-31", "--json"]);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ name: "cbic-hr", expiresAt: "2099-12-31T18:29:59.999Z", mdo: "CBIC" });
    expect(rowOf("cbic-hr")).toMatchObject({ expiresAt: "2099-12-31T18:29:59.999Z", mdoId: expect.any(String) });
    const past = frac(["token", "create", "old", "--expires", "2001-01-01"]);
    expect(past).toMatchObject({ code: 1, stderr: expect.stringContaining("already passed") });
    const nowhere = frac(["token", "create", "lost", "--mdo", "NOPE"]);
    expect(nowhere).toMatchObject({ code: 1, stderr: expect.stringContaining('no active MDO with code "NOPE"') });
    expect(getDb().select().from(apiTokens).where(eq(apiTokens.name, "old")).get()).toBeUndefined();
    expect(getDb().select().from(apiTokens).where(eq(apiTokens.name, "lost")).get()).toBeUndefined();
  }, 180_000);
});

describe("/admin/tokens", () => {
  it("is refused (403) to everyone but admins", async () => {
    for (const email of ["author@frac.test", "reviewer@frac.test"]) {
      expect((await thrownResponse(async () => loader(args(await requestAs(email, "/admin/tokens"))))).status).toBe(403);
      expect((await thrownResponse(async () => action(args(await post(email, { intent: "create", name: "x" }))))).status).toBe(403);
    }
  });

  it("creates a token shown once, lists it with its last use, and revokes it", async () => {
    const res = await action(args(await post("admin@frac.test", { intent: "create", name: "Data warehouse" })));
    expect(res.status).toBe(200);
    const { created } = await res.json();
    if (!created) throw new Error("expected a created token");
    expect(created).toEqual({ name: "Data warehouse", token: expect.stringMatching(/^frac_/) });
    verifyToken(created.token);

    const listed = await (await loader(args(await requestAs("admin@frac.test", "/admin/tokens")))).json();
    const row = listed.tokens.find((t: { name: string }) => t.name === "Data warehouse");
    expect(row).toMatchObject({ lastUsedAt: expect.any(String), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const duplicate = await action(args(await post("admin@frac.test", { intent: "create", name: "Data warehouse" })));
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).fieldErrors.name[0]).toContain("already exists");

    const revoked = await action(args(await post("admin@frac.test", { intent: "revoke", name: "Data warehouse" })));
    expect((await revoked.json()).revoked).toBe("Data warehouse");
    expect(verifyToken(created.token)).toBeNull();
    expect((await action(args(await post("admin@frac.test", { intent: "revoke", name: "Data warehouse" })))).status).toBe(404);
  });

  it("creates a token with a last day and a ministry, and answers a bad day or ministry with 400 on that field, creating nothing", async () => {
    const res = await action(args(await post("admin@frac.test", { intent: "create", name: "Scoped", expires: "2099-01-31", mdo: "CBIC" })));
    expect(res.status).toBe(200);
    const listed = await (await loader(args(await requestAs("admin@frac.test", "/admin/tokens")))).json();
    expect(listed.tokens.find((t: { name: string }) => t.name === "Scoped")).toMatchObject({ mdoCode: "CBIC", expiresAt: "2099-01-31T18:29:59.999Z" });
    for (const [fields, field, message] of [
      [{ expires: "2000-01-01" }, "expires", /already passed/],
      [{ expires: "2099-02-30" }, "expires", /is not a date/],
      [{ mdo: "NOPE" }, "mdo", /no active ministry with the code "NOPE"/],
    ] as const) {
      const refused = await action(args(await post("admin@frac.test", { intent: "create", name: "Refused", ...fields })));
      expect(refused.status).toBe(400);
      expect((await refused.json()).fieldErrors[field][0]).toMatch(message);
    }
    expect(getDb().select().from(apiTokens).where(eq(apiTokens.name, "Refused")).get()).toBeUndefined();
  });

  it("answers an empty name with 400 and an unknown intent with 400", async () => {
    expect((await action(args(await post("admin@frac.test", { intent: "create", name: "  " })))).status).toBe(400);
    expect((await thrownResponse(async () => action(args(await post("admin@frac.test", { intent: "explode" }))))).status).toBe(400);
  });
});
