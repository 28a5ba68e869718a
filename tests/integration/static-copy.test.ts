// `frac publish-static DIR` and STATIC_DIR: the published versions as static files, served here by
// a plain node:http server and compared byte for byte with what the read API answers.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userId } from "@db/ids";
import { getClient } from "@db/client";
import { listCaseDocuments } from "~/models/read-api/case-binding.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { scheduleStaticCopy, writeStaticCopy } from "~/models/publication/static-copy.server";
import { createToken } from "~/models/access/tokens.server";
import { loader as frameworksLoader } from "~/routes/api.v1.frameworks._index";
import { loader as fileLoader } from "~/routes/api.v1.frameworks.$mdo.versions.$file";
import { loader as versionsLoader } from "~/routes/api.v1.frameworks.$mdo.versions._index";
import { loader as packageLoader } from "~/routes/ims.case.v1p1.CFPackages.$id";
import { ministry, OTHER_AUTHOR } from "../factories/edit-ops";
import { frac } from "../support/cli";

const PORT = Number(process.env.STATIC_TEST_PORT ?? 4162);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frac-static-"));
const created = createToken({ name: "static-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const TOKEN = created.token;

// A static file server as nginx's gzip_static/brotli_static would be: the .br or .gz sibling when the client accepts it.
const server = http.createServer((req, res) => {
  const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  const accept = String(req.headers["accept-encoding"] ?? "");
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]] as const) {
    if (accept.includes(encoding) && fs.existsSync(file + suffix)) {
      res.writeHead(200, { "Content-Encoding": encoding, Vary: "Accept-Encoding" });
      return res.end(fs.readFileSync(file + suffix));
    }
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
  res.writeHead(200).end(fs.readFileSync(file));
});

/** The raw bytes (not decoded) the static server sends for a path with this Accept-Encoding. */
function staticGet(urlPath: string, acceptEncoding: string): Promise<{ status: number; encoding: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path: urlPath, headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (p: Buffer) => parts.push(p));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], bytes: Buffer.concat(parts) }));
      })
      .on("error", reject);
  });
}

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
async function apiGet(loader: Loader, urlPath: string, params: Record<string, string>, acceptEncoding: string) {
  const request = new Request(`http://localhost${urlPath}`, { headers: { Authorization: `Bearer ${TOKEN}`, "Accept-Encoding": acceptEncoding } });
  const res = await loader({ request, params, context: {} });
  expect(res.status, urlPath).toBe(200);
  return { encoding: res.headers.get("Content-Encoding") ?? undefined, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every file the static copy should hold for what is published now: [static path, API loader, API path, params]. */
async function publishedPaths(): Promise<[string, Loader, string, Record<string, string>][]> {
  const out: [string, Loader, string, Record<string, string>][] = [["/api/v1/frameworks/index.json", frameworksLoader, "/api/v1/frameworks", {}]];
  const { sqlite } = getClient();
  const rows = sqlite.prepare("select m.code, v.number from versions v join mdos m on m.id = v.mdo_id order by m.code, v.number").all() as { code: string; number: number }[];
  for (const code of new Set(rows.map((r) => r.code))) {
    out.push([`/api/v1/frameworks/${code}/versions/index.json`, versionsLoader, `/api/v1/frameworks/${code}/versions`, { mdo: code }]);
  }
  for (const { code, number } of rows) {
    for (const ext of [".json", ".csv", ".xlsx", ".case.json"]) {
      const urlPath = `/api/v1/frameworks/${code}/versions/${number}${ext}`;
      out.push([urlPath, fileLoader, urlPath, { mdo: code, file: `${number}${ext}` }]);
    }
  }
  for (const doc of await listCaseDocuments()) {
    out.push([`/ims/case/v1p1/CFPackages/${doc.identifier}.json`, packageLoader, `/ims/case/v1p1/CFPackages/${doc.identifier}`, { id: doc.identifier }]);
  }
  return out;
}

async function expectSameAsApi() {
  const paths = await publishedPaths();
  for (const [staticPath, loader, apiPath, params] of paths) {
    for (const accept of ["identity", "br", "gzip"]) {
      const fromApi = await apiGet(loader, apiPath, params, accept);
      const fromStatic = await staticGet(staticPath, accept);
      expect(fromStatic.status, staticPath).toBe(200);
      expect(fromStatic.encoding, `${staticPath} ${accept}`).toBe(fromApi.encoding);
      expect(fromStatic.bytes.equals(fromApi.bytes), `${staticPath} ${accept}: same bytes as ${apiPath}`).toBe(true);
    }
  }
  return paths.length;
}

const mtimes = () => new Map(listFiles(dir).map((f) => [f, fs.statSync(f).mtimeMs]));
function listFiles(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(root, e.name)) : [path.join(root, e.name)]));
}

beforeAll(() => new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve)));
afterAll(() => {
  server.close();
  delete process.env.STATIC_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("frac publish-static", () => {
  it("writes every published version at the API's paths, byte-identical to the API in every encoding", async () => {
    const first = frac(["publish-static", dir, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { written: string[]; kept: number; files: number };
    expect(report.written).toEqual(["CBIC/1"]);
    expect(report.files).toBeGreaterThanOrEqual(7);
    expect(fs.existsSync(path.join(dir, "api/v1/frameworks/CBIC/versions/1.xlsx"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "api/v1/frameworks/CBIC/versions/1.xlsx.gz"))).toBe(false);
    expect(await expectSameAsApi()).toBeGreaterThanOrEqual(7);
  });

  it("is idempotent: a second run writes nothing and touches no file", () => {
    const before = mtimes();
    const again = frac(["publish-static", dir, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ written: [], kept: 1, files: 0 });
    expect(mtimes()).toEqual(before);
  });

  it("with STATIC_DIR, a publication writes only the new version (and the lists it changes)", async () => {
    process.env.STATIC_DIR = dir;
    const before = mtimes();
    const mdoId = ministry("MOHFW").mdoId;
    expect(submitFramework({ mdoId, userId: userId(OTHER_AUTHOR) }).ok).toBe(true);
    expect(verifyFramework({ mdoId, userId: userId("reviewer@frac.test") }).ok).toBe(true);
    expect(approveFramework({ mdoId, userId: userId("board@frac.test") }).ok).toBe(true);
    await scheduleStaticCopy();
    const after = mtimes();
    for (const ext of [".json", ".csv", ".xlsx", ".case.json"]) expect(after.has(path.join(dir, `api/v1/frameworks/MOHFW/versions/1${ext}`)), ext).toBe(true);
    const cbicFiles = [...before.keys()].filter((f) => f.includes(`${path.sep}CBIC${path.sep}versions${path.sep}1.`));
    expect(cbicFiles.length).toBe(10);
    for (const f of cbicFiles) expect(after.get(f), f).toBe(before.get(f));
    expect(after.get(path.join(dir, "api/v1/frameworks/index.json"))).not.toBe(before.get(path.join(dir, "api/v1/frameworks/index.json")));
    await expectSameAsApi();
  });

  it("rewrites every version when APP_URL changes (CASE files hold absolute uris)", async () => {
    const previous = process.env.APP_URL;
    process.env.APP_URL = "https://frac.example.gov.in";
    try {
      const report = await writeStaticCopy({ dir });
      expect(report.written.sort()).toEqual(["CBIC/1", "MOHFW/1"]);
      expect(fs.readFileSync(path.join(dir, "api/v1/frameworks/CBIC/versions/1.case.json"), "utf8")).toContain("https://frac.example.gov.in/ims/case/v1p1/");
      await expectSameAsApi();
    } finally {
      if (previous === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = previous;
    }
  });

  it("refuses a DIR that is a file or a wrong call with exit 2, and never writes outside DIR", () => {
    const file = path.join(dir, "not-a-folder");
    fs.writeFileSync(file, "x");
    const refused = frac(["publish-static", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not a folder");
    expect(frac(["publish-static"]).code).toBe(2);
    expect(frac(["publish-static", dir, "--bogus"]).code).toBe(2);

    // why a raw update: the admin screen refuses such codes; the writer must not trust that alone.
    const { sqlite } = getClient();
    sqlite.prepare("update mdos set code = '../../../../escaped' where code = 'CBIC'").run();
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "frac-static-evil-"));
    const out = frac(["publish-static", path.join(fresh, "copy"), "--json"]);
    sqlite.prepare("update mdos set code = 'CBIC' where code = '../../../../escaped'").run();
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).skipped).toEqual(["../../../../escaped"]);
    expect(fs.readdirSync(fresh)).toEqual(["copy"]);
    expect(fs.existsSync(path.join(fresh, "..", "escaped"))).toBe(false);
    fs.rmSync(fresh, { recursive: true, force: true });
  });
});
