// Open reading of what is published: PUBLIC_READ=1 and per-ministry opening on /admin/mdos let the
// read API and the CASE binding answer without a token (drafts never), with per-IP limits.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { auditLog, mdos } from "@db/schema";
import { caseObjectMinistries, listCaseDocuments } from "~/models/read-api/case-binding.server";
import { setPublicRead } from "~/models/read-api/public-read.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { createToken } from "~/models/access/tokens.server";
import { action as mdosAction } from "~/routes/admin.mdos";
import { loader as changesLoader } from "~/routes/api.v1.changes";
import { loader as frameworksLoader } from "~/routes/api.v1.frameworks._index";
import { loader as fileLoader } from "~/routes/api.v1.frameworks.$mdo.versions.$file";
import { loader as versionsLoader } from "~/routes/api.v1.frameworks.$mdo.versions._index";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";
import { loader as documentsLoader } from "~/routes/ims.case.v1p1.CFDocuments._index";
import { loader as itemLoader } from "~/routes/ims.case.v1p1.CFItems.$id";
import { loader as packageLoader } from "~/routes/ims.case.v1p1.CFPackages.$id";
import { ministry, OTHER_AUTHOR } from "../factories/edit-ops";
import { requestAs } from "../support/request";

const created = createToken({ name: "public-read-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const TOKEN = created.token;

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
let ipCounter = 0;
/** Calls a loader as a client at `ip` (a fresh address each call unless given), with or without a token. */
async function call(loader: Loader, path: string, params: Record<string, string> = {}, { token = null as string | null, ip = `10.0.0.${++ipCounter}` } = {}) {
  const request = new Request(`http://localhost${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  try {
    return await loader({ request, params, context: { clientIp: ip } });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
const versionFile = (mdo: string, file: string, opts?: { token?: string | null; ip?: string }) =>
  call(fileLoader, `/api/v1/frameworks/${mdo}/versions/${file}`, { mdo, file }, opts);

function publishMohfw() {
  const mdoId = ministry("MOHFW").mdoId;
  expect(submitFramework({ mdoId, userId: userId(OTHER_AUTHOR) }).ok).toBe(true);
  expect(verifyFramework({ mdoId, userId: userId("reviewer@frac.test") }).ok).toBe(true);
  expect(approveFramework({ mdoId, userId: userId("board@frac.test") }).ok).toBe(true);
}

afterEach(() => {
  delete process.env.PUBLIC_READ;
  delete process.env.PUBLIC_READ_RATE;
  getDb().update(mdos).set({ publicRead: false }).run();
});

describe("reading without a token", () => {
  it("is refused (401) while nothing is open", async () => {
    expect((await versionFile("CBIC", "1.json")).status).toBe(401);
    expect((await call(frameworksLoader, "/api/v1/frameworks")).status).toBe(401);
    expect((await call(documentsLoader, "/ims/case/v1p1/CFDocuments")).status).toBe(401);
  });

  it("with PUBLIC_READ=1 serves every published version and the CASE binding, never a draft; tokens still work and a bad one is still 401", async () => {
    process.env.PUBLIC_READ = "1";
    const file = await versionFile("CBIC", "1.json");
    expect(file.status).toBe(200);
    const withToken = await versionFile("CBIC", "1.json", { token: TOKEN });
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(await withToken.arrayBuffer()))).toBe(true);
    expect((await versionFile("CBIC", "draft.json")).status).toBe(404);
    expect((await versionFile("CBIC", "1.json", { token: "frac_not-a-real-token" })).status).toBe(401);
    const list = await (await call(frameworksLoader, "/api/v1/frameworks")).json();
    expect(list.frameworks.map((f: { code: string }) => f.code)).toEqual(["CBIC"]);
    const docs = await (await call(documentsLoader, "/ims/case/v1p1/CFDocuments")).json();
    expect(docs.CFDocuments).toHaveLength(1);
    const id = docs.CFDocuments[0].identifier as string;
    expect((await call(packageLoader, `/ims/case/v1p1/CFPackages/${id}`, { id })).status).toBe(200);
  });

  it("per ministry: only the opened ministry's versions, lists and CASE objects, until it is closed", async () => {
    publishMohfw();
    const cbic = ministry("CBIC").mdoId;
    const mohfw = ministry("MOHFW").mdoId;
    expect(setPublicRead({ mdoId: cbic, open: true, actorId: userId("admin@frac.test") })).toBe(true);

    expect((await versionFile("CBIC", "1.csv")).status).toBe(200);
    const refused = await versionFile("MOHFW", "1.json");
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toContain("need a token");
    expect((await versionFile("MOHFW", "1.json", { token: TOKEN })).status).toBe(200);
    expect((await call(versionsLoader, "/api/v1/frameworks/MOHFW/versions", { mdo: "MOHFW" })).status).toBe(401);
    expect((await call(versionsLoader, "/api/v1/frameworks/CBIC/versions", { mdo: "CBIC" })).status).toBe(200);

    const list = await (await call(frameworksLoader, "/api/v1/frameworks")).json();
    expect(list.frameworks.map((f: { code: string }) => f.code)).toEqual(["CBIC"]);
    const changes = await (await call(changesLoader, "/api/v1/changes?since=2000-01-01", {})).json();
    expect(new Set(changes.publications.map((p: { code: string }) => p.code))).toEqual(new Set(["CBIC"]));
    const tokenChanges = await (await call(changesLoader, "/api/v1/changes?since=2000-01-01", {}, { token: TOKEN })).json();
    expect(new Set(tokenChanges.publications.map((p: { code: string }) => p.code))).toEqual(new Set(["CBIC", "MOHFW"]));

    const all = await listCaseDocuments();
    const owner = async (d: { identifier: string }) => [...(await caseObjectMinistries(d.identifier))][0];
    const mohfwDoc = (await Promise.all(all.map(async (d) => ((await owner(d)) === mohfw ? d : null)))).find(Boolean)!;
    const anonymousDocs = await (await call(documentsLoader, "/ims/case/v1p1/CFDocuments")).json();
    expect(anonymousDocs.CFDocuments.map((d: { identifier: string }) => d.identifier)).not.toContain(mohfwDoc.identifier);
    expect(anonymousDocs.CFDocuments).toHaveLength(1);
    const pkg = await call(packageLoader, `/ims/case/v1p1/CFPackages/${mohfwDoc.identifier}`, { id: mohfwDoc.identifier });
    expect(pkg.status).toBe(401);
    const full = await (await call(packageLoader, `/ims/case/v1p1/CFPackages/${mohfwDoc.identifier}`, { id: mohfwDoc.identifier }, { token: TOKEN })).json();
    const items = full.CFItems as { identifier: string }[];
    const owned = await Promise.all(items.map(async (i) => ((await caseObjectMinistries(i.identifier)).has(cbic) ? null : i)));
    const onlyMohfw = owned.find(Boolean)!;
    expect(onlyMohfw).toBeTruthy();
    expect((await call(itemLoader, `/ims/case/v1p1/CFItems/${onlyMohfw.identifier}`, { id: onlyMohfw.identifier })).status).toBe(401);
    expect((await call(itemLoader, `/ims/case/v1p1/CFItems/${onlyMohfw.identifier}`, { id: onlyMohfw.identifier }, { token: TOKEN })).status).toBe(200);

    expect(setPublicRead({ mdoId: cbic, open: false, actorId: userId("admin@frac.test") })).toBe(true);
    expect((await versionFile("CBIC", "1.csv")).status).toBe(401);
  });

  it("still holds a scoped token to its ministry when another is open: 404 as for an unknown one, logged; without a token the open one reads", async () => {
    const cbic = ministry("CBIC").mdoId;
    const mohfw = ministry("MOHFW").mdoId;
    expect(setPublicRead({ mdoId: cbic, open: true, actorId: userId("admin@frac.test") })).toBe(true);
    const scoped = createToken({ name: "public-read-scoped", createdBy: null, mdoId: mohfw });
    if (!scoped.ok) throw new Error(scoped.message);
    const refused = await versionFile("CBIC", "1.json", { token: scoped.token });
    expect(refused.status).toBe(404);
    expect((await refused.json()).error).toBe('No ministry with the code "CBIC".');
    const logged = getDb().select().from(auditLog).where(and(eq(auditLog.entity, "access"), eq(auditLog.entityId, scoped.id))).all();
    expect(logged.map((r) => JSON.parse(r.after ?? "{}").status)).toContain(404);
    expect((await versionFile("CBIC", "1.json")).status).toBe(200);
    const list = await (await call(frameworksLoader, "/api/v1/frameworks", {}, { token: scoped.token })).json();
    expect(list.frameworks.map((f: { code: string }) => f.code)).not.toContain("CBIC");
    const documents = await (await call(documentsLoader, "/ims/case/v1p1/CFDocuments", {}, { token: scoped.token })).json();
    const owners = await Promise.all(documents.CFDocuments.map((d: { identifier: string }) => caseObjectMinistries(d.identifier)));
    expect(owners.every((o) => !o.has(cbic))).toBe(true);
  });

  it("limits each address (429 with Retry-After), not token holders nor other addresses", async () => {
    process.env.PUBLIC_READ = "1";
    process.env.PUBLIC_READ_RATE = "3";
    const ip = "192.0.2.7";
    for (let i = 0; i < 3; i++) expect((await versionFile("CBIC", "1.json", { ip })).status).toBe(200);
    const limited = await versionFile("CBIC", "1.json", { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toContain("Too many requests");
    const caseLimited = await call(documentsLoader, "/ims/case/v1p1/CFDocuments", {}, { ip });
    expect(caseLimited.status).toBe(429);
    expect(JSON.stringify(await caseLimited.json())).toContain("server_busy");
    expect((await versionFile("CBIC", "1.json", { ip: "192.0.2.8" })).status).toBe(200);
    expect((await versionFile("CBIC", "1.json", { ip, token: TOKEN })).status).toBe(200);
  });

  it("says in the OpenAPI document which operations may be called without a token", async () => {
    const doc = await (await openApiLoader()).json();
    expect(doc.security).toEqual([{ bearerAuth: [] }, {}]);
    const ops = Object.entries<{ get: Record<string, unknown> }>(doc.paths);
    for (const [p, item] of ops) {
      if (p === "/api/v1/openapi.json") continue;
      expect(item.get["x-public-read"], p).toBe(true);
      expect(Object.keys(item.get.responses as object), p).toContain("429");
    }
  });
});

describe("/admin/mdos: opening a ministry's reading", () => {
  const post = async (email: string, fields: Record<string, string>) => {
    const request = await requestAs(email, "/admin/mdos", { method: "POST", body: new URLSearchParams(fields) });
    try {
      return await mdosAction({ request, params: {}, context: {} });
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
  };

  it("lets an admin open and close it, audited; others get 403; bad input is a 400 that changes nothing", async () => {
    const cbic = ministry("CBIC").mdoId;
    const audited = () => getDb().select().from(auditLog).where(and(eq(auditLog.entityId, cbic), eq(auditLog.action, "open_reading"))).all();
    const before = audited().length;
    const publicRead = () => getDb().select({ v: mdos.publicRead }).from(mdos).where(eq(mdos.id, cbic)).get()!.v;
    expect((await post("author@frac.test", { intent: "public-read", mdoId: cbic, open: "1" })).status).toBe(403);
    expect((await post("admin@frac.test", { intent: "public-read", mdoId: "not-a-uuid", open: "1" })).status).toBe(400);
    expect((await post("admin@frac.test", { intent: "public-read", mdoId: cbic, open: "yes" })).status).toBe(400);
    expect((await post("admin@frac.test", { intent: "explode", mdoId: cbic })).status).toBe(400);
    expect((await post("admin@frac.test", { intent: "public-read", mdoId: crypto.randomUUID(), open: "1" })).status).toBe(404);
    expect(publicRead()).toBe(false);

    const opened = await post("admin@frac.test", { intent: "public-read", mdoId: cbic, open: "1" });
    expect(opened.status).toBe(302);
    expect(publicRead()).toBe(true);
    expect((await versionFile("CBIC", "1.json")).status).toBe(200);
    const rows = audited();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.userId).toBe(userId("admin@frac.test"));
    expect((await post("admin@frac.test", { intent: "public-read", mdoId: cbic, open: "0" })).status).toBe(302);
    expect(publicRead()).toBe(false);
  });
});
