// The read API under /api/v1 with real tokens on the seeded database (CBIC published version 1
// and has a draft with changes; MOHFW has published nothing).
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getMdoByCode } from "~/models/access/mdos.server";
import { createToken, revokeToken } from "~/models/access/tokens.server";
import { getVersion } from "~/models/publication/versions.server";
import { loader as changesLoader } from "~/routes/api.v1.changes";
import { loader as frameworksLoader } from "~/routes/api.v1.frameworks._index";
import { loader as fileLoader } from "~/routes/api.v1.frameworks.$mdo.versions.$file";
import { loader as versionsLoader } from "~/routes/api.v1.frameworks.$mdo.versions._index";
import { thrownResponse } from "../support/request";

const created = createToken({ name: "api-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const TOKEN = created.token;

const get = (path: string, token: string | null = TOKEN, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });

/** Runs a loader and returns its Response, returned or thrown. */
async function respond(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}
const file = (mdo: string, name: string, token: string | null = TOKEN, headers: Record<string, string> = {}) =>
  respond(() => fileLoader({ request: get(`/api/v1/frameworks/${mdo}/versions/${name}`, token, headers), params: { mdo, file: name }, context: {} }));
const cbicV1 = () => getVersion({ mdoId: getMdoByCode({ code: "CBIC" })!.id, number: 1 })!;
const sha = (bytes: ArrayBuffer | string) => crypto.createHash("sha256").update(typeof bytes === "string" ? bytes : Buffer.from(bytes)).digest("hex");

describe("authentication", () => {
  it("refuses no token, a malformed header, a wrong token and a revoked token with 401 and WWW-Authenticate", async () => {
    const revoked = createToken({ name: "soon-revoked", createdBy: null });
    if (!revoked.ok) throw new Error(revoked.message);
    expect((await file("CBIC", "1.json", revoked.token)).status).toBe(200);
    expect(revokeToken({ name: "soon-revoked" })).toBe(true);

    const attempts: Request[] = [
      get("/api/v1/frameworks", null),
      get("/api/v1/frameworks", null, { Authorization: `Basic ${TOKEN}` }),
      get("/api/v1/frameworks", `frac_${"x".repeat(43)}`),
      get("/api/v1/frameworks", revoked.token),
    ];
    for (const request of attempts) {
      const res = await thrownResponse(() => frameworksLoader({ request, params: {}, context: {} }));
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect((await res.json()).error).toEqual(expect.any(String));
    }
    expect((await file("CBIC", "1.json", revoked.token)).status).toBe(401);
  });
});

describe("GET /api/v1/frameworks and /versions", () => {
  it("lists the published frameworks with their latest version and links", async () => {
    const res = await frameworksLoader({ request: get("/api/v1/frameworks"), params: {}, context: {} });
    expect(res.status).toBe(200);
    const { frameworks } = await res.json();
    expect(frameworks.map((f: { code: string }) => f.code)).toEqual(["CBIC"]);
    expect(frameworks[0]).toMatchObject({ latestVersion: 1, publishedAt: cbicV1().publishedAt, links: { json: "/api/v1/frameworks/CBIC/versions/1.json" } });
  });

  it("lists a ministry's versions, and answers an unknown ministry with 404", async () => {
    const res = await versionsLoader({ request: get("/api/v1/frameworks/cbic/versions"), params: { mdo: "cbic" }, context: {} });
    expect((await res.json()).versions.map((v: { number: number }) => v.number)).toEqual([1]);
    const missing = await thrownResponse(() => versionsLoader({ request: get("/api/v1/frameworks/NOPE/versions"), params: { mdo: "NOPE" }, context: {} }));
    expect(missing.status).toBe(404);
  });
});

describe("GET /api/v1/frameworks/:mdo/versions/:file", () => {
  it("serves N.json as the stored text byte for byte, with its sha256 as a strong ETag, immutable", async () => {
    const res = await file("CBIC", "1.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="CBIC-v1.json"');
    expect(res.headers.get("ETag")).toBe(`"${cbicV1().sha256}"`);
    expect(res.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
    expect(await res.text()).toBe(cbicV1().text);
  });

  it("answers If-None-Match with 304 and no body", async () => {
    const res = await file("CBIC", "1.json", TOKEN, { "If-None-Match": `"${cbicV1().sha256}"` });
    expect(res.status).toBe(304);
    expect(res.headers.get("ETag")).toBe(`"${cbicV1().sha256}"`);
    expect(await res.text()).toBe("");
    expect((await file("CBIC", "1.json", TOKEN, { "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("serves CSV, XLSX and CASE with their types, dispositions and ETags of the bytes sent, identical twice", async () => {
    const cases = [
      ["1.csv", "text/csv; charset=utf-8", "CBIC-v1.csv"],
      ["1.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "CBIC-v1.xlsx"],
      ["1.case.json", "application/json; charset=utf-8", "CBIC-v1.case.json"],
    ] as const;
    for (const [name, type, filename] of cases) {
      const first = await file("CBIC", name);
      const second = await file("CBIC", name);
      expect(first.status).toBe(200);
      expect(first.headers.get("Content-Type")).toBe(type);
      expect(first.headers.get("Content-Disposition")).toBe(`attachment; filename="${filename}"`);
      expect(first.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
      const [a, b] = [await first.arrayBuffer(), await second.arrayBuffer()];
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(first.headers.get("ETag")).toBe(`"${sha(a)}"`);
      expect((await file("CBIC", name, TOKEN, { "If-None-Match": first.headers.get("ETag")! })).status).toBe(304);
    }
    const csv = Buffer.from(await (await file("CBIC", "1.csv")).arrayBuffer());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const pkg = await (await file("CBIC", "1.case.json")).json();
    expect(pkg.CFDocument).toMatchObject({ caseVersion: "1.1", version: "1", adoptionStatus: "Adopted" });
  });

  it("redirects latest.<format> to the numbered file (302, not immutable)", async () => {
    for (const [name, target] of [["latest.json", "1.json"], ["latest.case.json", "1.case.json"], ["latest.csv", "1.csv"], ["latest.xlsx", "1.xlsx"]]) {
      const res = await file("CBIC", name);
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(`/api/v1/frameworks/CBIC/versions/${target}`);
      expect(res.headers.get("Cache-Control")).not.toContain("immutable");
    }
    expect((await file("MOHFW", "latest.json")).status).toBe(404);
  });

  it("answers a missing version, an unknown ministry and the draft with 404", async () => {
    for (const [mdo, name] of [["CBIC", "2.json"], ["CBIC", "99.csv"], ["NOPE", "1.json"], ["CBIC", "draft.json"], ["CBIC", "DRAFT.case.json"], ["MOHFW", "1.json"]]) {
      const res = await file(mdo, name);
      expect(res.status, `${mdo}/${name}`).toBe(404);
      expect((await res.json()).error).toEqual(expect.any(String));
    }
  });

  it("answers an unknown format and a malformed version with 400 and a message", async () => {
    for (const name of ["1.pdf", "1", "1.JSONX", "one.json", "0.json", "1.5.csv", "-1.json", "01.json", "1e3.json", "99999999999.json", ".json"]) {
      const res = await file("CBIC", name);
      expect(res.status, name).toBe(400);
      expect((await res.json()).error).toEqual(expect.any(String));
    }
  });
});

describe("GET /api/v1/changes", () => {
  const changes = (query: string) => respond(() => changesLoader({ request: get(`/api/v1/changes${query}`), params: {}, context: {} }));

  it("lists publications after `since`, and none after the latest", async () => {
    const res = await changes("?since=2000-01-01T00:00:00Z");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.publications).toEqual([
      expect.objectContaining({ code: "CBIC", version: 1, previousVersion: null, publishedAt: cbicV1().publishedAt, retiredNodeIds: [] }),
    ]);
    expect(Date.parse(body.until)).toBeGreaterThan(Date.parse(cbicV1().publishedAt));
    const later = await (await changes(`?since=${encodeURIComponent(body.until)}`)).json();
    expect(later.publications).toEqual([]);
    expect((await (await changes("?since=2000-01-01")).json()).publications).toHaveLength(1);
  });

  it("answers a missing or non-ISO `since` with 400", async () => {
    for (const query of ["", "?since=", "?since=yesterday", "?since=1700000000", "?since=2026-13-45T00:00:00Z"]) {
      const res = await changes(query);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error).toMatch(/since|ISO/);
    }
  });
});
