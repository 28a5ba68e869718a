// Curators map outside entries to KCM entries; the mappings are audited, listed on both entries'
// pages, and served as CASE associations with the source's package.
import crypto from "node:crypto";
import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getClient } from "@db/client";
import { readCasePackage } from "@import/case-package";
import { importCaseSource } from "~/models/dictionary/sources.server";
import { createToken } from "~/models/access/tokens.server";
import { action as mappingAction } from "~/routes/dictionary.mappings";
import { loader as entryLoader } from "~/routes/dictionary.$id";
import { action as uploadAction } from "~/routes/dictionary.sources._index";
import { loader as associationLoader } from "~/routes/ims.case.v1p1.CFAssociations.$id";
import { loader as itemLoader } from "~/routes/ims.case.v1p1.CFItems.$id";
import { loader as packageLoader } from "~/routes/ims.case.v1p1.CFPackages.$id";
import { expectCaseValid } from "../support/case-schemas";
import { databaseRows } from "../support/db-state";
import { requestAs, thrownResponse } from "../support/request";

const ids = { doc: crypto.randomUUID(), parent: crypto.randomUUID(), child: crypto.randomUUID() };
const pkg = {
  CFDocument: { identifier: ids.doc, uri: `https://outside.test/${ids.doc}`, title: "Outside public-service framework", creator: "Outside body", caseVersion: "1.1", lastChangeDateTime: "2026-01-01T00:00:00Z" },
  CFItems: [
    { identifier: ids.parent, fullStatement: "Working with people", humanCodingScheme: "OUT.1", lastChangeDateTime: "2026-01-01T00:00:00Z" },
    { identifier: ids.child, fullStatement: "Listens actively and checks understanding", humanCodingScheme: "OUT.1.1", lastChangeDateTime: "2026-01-01T00:00:00Z" },
  ],
  CFAssociations: [{ identifier: crypto.randomUUID(), associationType: "isChildOf", originNodeURI: { identifier: ids.child }, destinationNodeURI: { identifier: ids.parent } }],
};
const imported = importCaseSource({ read: readCasePackage(Buffer.from(JSON.stringify(pkg))), userId: null });
if (!imported.ok) throw new Error(imported.message);

const { sqlite } = getClient();
const kcm = (code: string) => sqlite.prepare("select id, name from competencies where code = ?").get(code) as { id: string; name: string };
const domainId = sqlite.prepare("select id from competencies where type = 'Domain' limit 1").pluck().get() as string | undefined;

function post(email: string, body: Record<string, string>) {
  return requestAs(email, "/dictionary/mappings", { method: "POST", body: new URLSearchParams(body) });
}
async function map(email: string, body: Record<string, string>) {
  const request = await post(email, body);
  try {
    return await mappingAction({ request, params: {}, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
async function entryPage(email: string, id: string) {
  const res = await entryLoader({ request: await requestAs(email, `/dictionary/${encodeURIComponent(id)}`), params: { id }, context: {} });
  return (await res.json()) as Record<string, unknown> & { kind: string };
}

const token = createToken({ name: "mapping-case-test", createdBy: null });
if (!token.ok) throw new Error(token.message);
type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
async function caseCall(loader: Loader, id: string, withToken = true) {
  const request = new Request(`http://localhost/ims/case/v1p1/x/${id}`, { headers: withToken && token.ok ? { Authorization: `Bearer ${token.token}` } : {} });
  try {
    return await loader({ request, params: { id }, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

describe("mapping outside entries to the KCM", () => {
  it("lets a curator map, lists the mapping on both pages, and audits it", async () => {
    const listening = kcm("BEH-001");
    const res = await map("curator@frac.test", { intent: "map", sourceEntryId: ids.child, competencyId: listening.id, relation: "exactMatch" });
    expect(res.status).toBe(200);
    const outside = (await entryPage("viewer@frac.test", ids.child)) as unknown as { kind: string; mappings: { competencyId: string; relation: string }[]; choices: unknown };
    expect(outside.kind).toBe("outside");
    expect(outside.mappings).toEqual([expect.objectContaining({ competencyId: listening.id, relation: "exactMatch" })]);
    expect(outside.choices).toBeNull();
    const inside = (await entryPage("viewer@frac.test", listening.id)) as unknown as { kind: string; outside: { sourceEntryId: string; sourceTitle: string }[] };
    expect(inside.kind).toBe("kcm");
    expect(inside.outside).toEqual([expect.objectContaining({ sourceEntryId: ids.child, sourceTitle: "Outside public-service framework" })]);
    const trail = sqlite.prepare("select action, after, user_id from audit_log where entity = 'dictionary_mapping' order by id").all() as { action: string; after: string; user_id: string }[];
    expect(trail.at(-1)).toMatchObject({ action: "create" });
    expect(JSON.parse(trail.at(-1)?.after ?? "{}")).toEqual({ sourceEntryId: ids.child, competencyId: listening.id, relation: "exactMatch" });
  });

  it("refuses authors and viewers (403) and bad input (400/404) with a message, writing nothing", async () => {
    const before = databaseRows();
    const ok = { intent: "map", sourceEntryId: ids.parent, competencyId: kcm("BEH-001").id, relation: "broader" };
    expect((await map("author@frac.test", ok)).status).toBe(403);
    expect((await map("viewer@frac.test", ok)).status).toBe(403);
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ ...ok, intent: "merge" }, 400, /Unknown action/u],
      [{ ...ok, relation: "sameAs" }, 400, /exact match, broader, narrower or related/u],
      [{ ...ok, competencyId: "" }, 400, /Choose the KCM entry/u],
      [{ ...ok, competencyId: crypto.randomUUID() }, 400, /Karmayogi Competency Model/u],
      [{ ...ok, sourceEntryId: "no-such-entry" }, 404, /No outside entry/u],
      [{ intent: "unmap", id: crypto.randomUUID() }, 404, /no longer exists/u],
      ...(domainId ? [[{ ...ok, competencyId: domainId }, 400, /Karmayogi Competency Model/u] as [Record<string, string>, number, RegExp]] : []),
    ];
    for (const [body, status, message] of cases) {
      const res = await map("curator@frac.test", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    // the refused-access rows of the 403s are the only writes (db-state ignores them)
    expect(databaseRows()).toEqual(before);
  });

  it("serves the source as a valid CASE 1.1 package whose mappings are associations (broader as isPartOf from the KCM entry)", async () => {
    const teamwork = kcm("BEH-002");
    expect((await map("admin@frac.test", { intent: "map", sourceEntryId: ids.parent, competencyId: teamwork.id, relation: "broader" })).status).toBe(200);
    const res = await caseCall(packageLoader, ids.doc);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { CFItems: { identifier: string }[]; CFAssociations: { identifier: string; associationType: string; originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string } }[] };
    expectCaseValid("cfpackage", body);
    expect(body.CFItems.map((i) => i.identifier)).toEqual([ids.parent, ids.child]);
    const types = body.CFAssociations.map((a) => [a.associationType, a.originNodeURI.identifier, a.destinationNodeURI.identifier]);
    expect(types).toContainEqual(["isChildOf", ids.child, ids.parent]);
    expect(types).toContainEqual(["isChildOf", ids.parent, ids.doc]);
    expect(types).toContainEqual(["exactMatchOf", ids.child, kcm("BEH-001").id]);
    expect(types).toContainEqual(["isPartOf", teamwork.id, ids.parent]);
    const mapping = body.CFAssociations.find((a) => a.associationType === "isPartOf");
    const one = await caseCall(associationLoader, mapping?.identifier ?? "");
    expect(one.status).toBe(200);
    expect(((await one.json()) as { associationType: string }).associationType).toBe("isPartOf");
    expect((await caseCall(itemLoader, ids.child)).status).toBe(200);
    expect((await caseCall(packageLoader, ids.doc, false)).status).toBe(401);
  });

  it("removes a mapping (audited with what it was)", async () => {
    const held = sqlite.prepare("select id from dictionary_mappings where source_entry_id = ?").pluck().get(ids.parent) as string;
    expect((await map("curator@frac.test", { intent: "unmap", id: held })).status).toBe(200);
    expect(sqlite.prepare("select count(*) from dictionary_mappings where id = ?").pluck().get(held)).toBe(0);
    const row = sqlite.prepare("select before from audit_log where entity = 'dictionary_mapping' and entity_id = ? and action = 'delete'").pluck().get(held) as string;
    expect(JSON.parse(row)).toMatchObject({ sourceEntryId: ids.parent, relation: "broader" });
  });
});

describe("the dictionary page's CASE upload", () => {
  const multipart = (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], name, { type: "application/json" }));
    return form;
  };
  async function upload(email: string, bytes: Uint8Array) {
    const request = await requestAs(email, "/dictionary/sources", { method: "POST", body: multipart("package.json", bytes) });
    try {
      return await uploadAction({ request, params: {}, context: {} });
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
  }
  const fixture = fs.readFileSync("tests/fixtures/case/opensalt_ItemTypeTestFramework.json");

  it("imports for a curator, says what changed, and changes nothing the second time", async () => {
    const first = await upload("curator@frac.test", fixture);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, source: { identifier: "d0000000-0000-0000-0000-000000000000", title: "Item Type Test" }, created: 1 });
    const again = await upload("curator@frac.test", fixture);
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it("refuses other roles (403) and a bad package (400 naming the problem), writing nothing", async () => {
    const before = databaseRows();
    expect((await upload("author@frac.test", fixture)).status).toBe(403);
    expect((await upload("reviewer@frac.test", fixture)).status).toBe(403);
    const bad = await upload("curator@frac.test", Buffer.from('{"CFDocument":{"identifier":"x","title":"T"},"CFItems":[{"identifier":"a","fullStatement":"A"},{"identifier":"a","fullStatement":"B"}]}'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/package\.json: The identifier a is used twice/u);
    expect(databaseRows()).toEqual(before);
    await expect(thrownResponse(async () => entryLoader({ request: await requestAs("viewer@frac.test", "/dictionary/nope"), params: { id: "nope" }, context: {} }))).resolves.toHaveProperty("status", 404);
  });
});
