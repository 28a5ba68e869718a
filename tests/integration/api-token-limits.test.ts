// API tokens under attack: expired tokens, tokens scoped to another ministry, tokens over their
// rate limit; each refusal is in the audit log, as are token creation and revocation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { apiTokens, auditLog } from "@db/schema";
import { resetRefusalThrottle } from "~/models/audit/access-log.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { createToken, expiryOf, revokeToken } from "~/models/access/tokens.server";
import { loader as changesLoader } from "~/routes/api.v1.changes";
import { loader as frameworksLoader } from "~/routes/api.v1.frameworks._index";
import { loader as fileLoader } from "~/routes/api.v1.frameworks.$mdo.versions.$file";
import { loader as versionsLoader } from "~/routes/api.v1.frameworks.$mdo.versions._index";
import { loader as documentLoader } from "~/routes/ims.case.v1p1.CFDocuments.$id";
import { loader as documentsLoader } from "~/routes/ims.case.v1p1.CFDocuments._index";
import { loader as itemLoader } from "~/routes/ims.case.v1p1.CFItems.$id";
import { resetApiRateLimits } from "~/http/api-rate-limit.server";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
async function call(loader: Loader, path: string, token: string | null, params: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers: token ? { Authorization: `Bearer ${token}`, "User-Agent": "test-client" } : {} });
  try {
    return await loader({ request, params, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
function made(input: Parameters<typeof createToken>[0]) {
  const result = createToken(input);
  if (!result.ok) throw new Error(result.message);
  return result;
}
const cbic = () => getMdoByCode({ code: "CBIC" })!;
const mohfw = () => getMdoByCode({ code: "MOHFW" })!;
const refusals = (tokenId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "access"), eq(auditLog.entityId, tokenId)))
    .orderBy(desc(auditLog.id))
    .all();

afterEach(() => {
  delete process.env.API_RATE_LIMIT;
  delete process.env.API_RATE_WINDOW;
  resetApiRateLimits();
  resetRefusalThrottle();
});

describe("token expiry", () => {
  it("reads the expiry date as the end of that day in India, and refuses malformed, impossible and past dates", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(expiryOf("2026-12-31", now)).toEqual({ ok: true, expiresAt: "2026-12-31T18:29:59.999Z" });
    expect(expiryOf("2026-12-06", now)).toEqual({ ok: true, expiresAt: "2026-12-06T18:29:59.999Z" });
    for (const bad of ["31-12-2026", "2026-02-30", "2026-13-01", "tomorrow", "", "2026-12-06T00:00"]) {
      expect(expiryOf(bad, now)).toMatchObject({ ok: false, message: expect.stringContaining("YYYY-MM-DD") });
    }
    expect(expiryOf("2026-12-05", now)).toMatchObject({ ok: false, message: expect.stringContaining("already passed") });
  });

  it("answers an expired token with 401 and says so, on /api and /ims alike, and audits the refusal", async () => {
    const token = made({ name: "expiring", createdBy: null, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await call(frameworksLoader, "/api/v1/frameworks", token.token)).status).toBe(200);
    getDb().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(eq(apiTokens.id, token.id)).run();
    const refused = await call(frameworksLoader, "/api/v1/frameworks", token.token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("WWW-Authenticate")).toContain('error="invalid_token"');
    expect((await refused.json()).error).toMatch(/expired/);
    expect((await call(documentsLoader, "/ims/case/v1p1/CFDocuments", token.token)).status).toBe(401);
    const [row] = refusals(token.id);
    expect(row).toMatchObject({ action: "refused", userId: null });
    expect(JSON.parse(row.after!)).toMatchObject({ status: 401, reason: "expired token", path: "/ims/case/v1p1/CFDocuments", method: "GET", userAgent: "test-client" });
  });
});

describe("token scope", () => {
  it("lets a token scoped to one ministry read only that ministry's frameworks: every other one is 404", async () => {
    const own = made({ name: "scoped-cbic", createdBy: null, mdoId: cbic().id });
    const other = made({ name: "scoped-mohfw", createdBy: null, mdoId: mohfw().id });

    expect((await call(fileLoader, "/api/v1/frameworks/CBIC/versions/1.json", own.token, { mdo: "CBIC", file: "1.json" })).status).toBe(200);
    const outside = await call(fileLoader, "/api/v1/frameworks/CBIC/versions/1.json", other.token, { mdo: "CBIC", file: "1.json" });
    expect(outside.status).toBe(404);
    // The same answer as a ministry that does not exist, so a scope tells nothing.
    const unknown = await call(fileLoader, "/api/v1/frameworks/NOPE/versions/1.json", other.token, { mdo: "NOPE", file: "1.json" });
    expect((await outside.json()).error).toBe('No ministry with the code "CBIC".');
    expect(unknown.status).toBe(404);
    expect((await call(versionsLoader, "/api/v1/frameworks/CBIC/versions", other.token, { mdo: "CBIC" })).status).toBe(404);
    expect((await call(fileLoader, "/api/v1/frameworks/CBIC/versions/latest.json", other.token, { mdo: "CBIC", file: "latest.json" })).status).toBe(404);

    const listed = async (token: string) => (await (await call(frameworksLoader, "/api/v1/frameworks", token)).json()).frameworks.map((f: { code: string }) => f.code);
    expect(await listed(own.token)).toEqual(["CBIC"]);
    expect(await listed(other.token)).toEqual([]);
    const changes = async (token: string) => (await (await call(changesLoader, "/api/v1/changes?since=2000-01-01", token)).json()).publications.length;
    expect(await changes(own.token)).toBeGreaterThan(0);
    expect(await changes(other.token)).toBe(0);

    const [refusal] = refusals(other.id);
    expect(refusal).toMatchObject({ mdoId: cbic().id });
    expect(JSON.parse(refusal.after!)).toMatchObject({ status: 404, reason: "outside the token's ministry" });
  });

  it("scopes the CASE binding the same way", async () => {
    const own = made({ name: "case-cbic", createdBy: null, mdoId: cbic().id });
    const other = made({ name: "case-mohfw", createdBy: null, mdoId: mohfw().id });
    const docs = async (token: string) => (await (await call(documentsLoader, "/ims/case/v1p1/CFDocuments", token)).json()).CFDocuments as { identifier: string }[];
    const [doc] = await docs(own.token);
    expect(doc).toBeDefined();
    expect(await docs(other.token)).toEqual([]);
    expect((await call(documentLoader, `/ims/case/v1p1/CFDocuments/${doc.identifier}`, own.token, { id: doc.identifier })).status).toBe(200);
    const refused = await call(documentLoader, `/ims/case/v1p1/CFDocuments/${doc.identifier}`, other.token, { id: doc.identifier });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(await refused.json())).toContain("unknownobject");
    const pkg = await (await call(documentLoader, `/ims/case/v1p1/CFDocuments/${doc.identifier}`, own.token, { id: doc.identifier })).json();
    expect(pkg.identifier).toBe(doc.identifier);
    expect(refusals(other.id)).toHaveLength(1);
    // An item of CBIC's package is unknown to the MOHFW token too.
    const whole = (await (await call(frameworksLoader, "/api/v1/frameworks", own.token)).json()).frameworks[0];
    expect(whole.code).toBe("CBIC");
    const v1 = await (await call(fileLoader, "/api/v1/frameworks/CBIC/versions/1.json", own.token, { mdo: "CBIC", file: "1.json" })).json();
    const position = v1.nodes.find((n: { kind: string }) => n.kind === "position");
    expect((await call(itemLoader, `/ims/case/v1p1/CFItems/${position.id}`, own.token, { id: position.id })).status).toBe(200);
    expect((await call(itemLoader, `/ims/case/v1p1/CFItems/${position.id}`, other.token, { id: position.id })).status).toBe(404);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After beyond the limit, per token, and on /ims with server_busy", async () => {
    process.env.API_RATE_LIMIT = "3";
    process.env.API_RATE_WINDOW = "60";
    const busy = made({ name: "busy", createdBy: null });
    const calm = made({ name: "calm", createdBy: null });
    for (let i = 0; i < 3; i++) expect((await call(frameworksLoader, "/api/v1/frameworks", busy.token)).status).toBe(200);
    const over = await call(frameworksLoader, "/api/v1/frameworks", busy.token);
    expect(over.status).toBe(429);
    const retry = Number(over.headers.get("Retry-After"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await over.json()).error).toMatch(/at most 3 every 60 s/);
    const overCase = await call(documentsLoader, "/ims/case/v1p1/CFDocuments", busy.token);
    expect(overCase.status).toBe(429);
    expect(JSON.stringify(await overCase.json())).toContain("server_busy");
    // Another token has its own count.
    expect((await call(frameworksLoader, "/api/v1/frameworks", calm.token)).status).toBe(200);
    expect(JSON.parse(refusals(busy.id)[0].after!)).toMatchObject({ status: 429, reason: "rate limit" });
  });

  it("is off with API_RATE_LIMIT=0, and an unreadable setting names itself", async () => {
    process.env.API_RATE_LIMIT = "0";
    const free = made({ name: "free", createdBy: null });
    for (let i = 0; i < 20; i++) expect((await call(frameworksLoader, "/api/v1/frameworks", free.token)).status).toBe(200);
    process.env.API_RATE_LIMIT = "lots";
    await expect(call(frameworksLoader, "/api/v1/frameworks", free.token)).rejects.toThrow(/API_RATE_LIMIT must be a whole number/);
  });

  it("writes at most 30 refusal rows a minute for one caller, however many refusals", async () => {
    const before = getDb().select().from(auditLog).where(eq(auditLog.entity, "access")).all().length;
    for (let i = 0; i < 40; i++) expect((await call(frameworksLoader, "/api/v1/frameworks", null)).status).toBe(401);
    const after = getDb().select().from(auditLog).where(eq(auditLog.entity, "access")).all().length;
    expect(after - before).toBe(30);
  });
});

describe("token audit", () => {
  it("records who created a token with its scope and expiry, and who revoked it", () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const token = made({ name: "audited", createdBy: null, expiresAt, mdoId: cbic().id });
    const rows = () => getDb().select().from(auditLog).where(and(eq(auditLog.entity, "token"), eq(auditLog.entityId, token.id))).orderBy(auditLog.id).all();
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ action: "create", mdoId: cbic().id, before: null });
    expect(JSON.parse(rows()[0].after!)).toEqual({ name: "audited", expiresAt, scope: "ministry" });
    expect(JSON.stringify(rows())).not.toContain(token.token);
    expect(revokeToken({ name: "audited" })).toBe(true);
    expect(rows()[1]).toMatchObject({ action: "revoke", before: '{"name":"audited"}', after: null });
    expect(revokeToken({ name: "audited" })).toBe(false);
    expect(rows()).toHaveLength(2);
  });
});
