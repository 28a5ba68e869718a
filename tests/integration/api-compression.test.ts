// Compressed reads: the read API and the CASE binding answer Accept-Encoding br/gzip with the
// same bytes compressed, Vary: Accept-Encoding, and an ETag per encoding.
import zlib from "node:zlib";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createToken } from "~/models/access/tokens.server";
import { loader as frameworksLoader } from "~/routes/api.v1.frameworks._index";
import { loader as fileLoader } from "~/routes/api.v1.frameworks.$mdo.versions.$file";
import { loader as documentsLoader } from "~/routes/ims.case.v1p1.CFDocuments._index";
import { loader as packageLoader } from "~/routes/ims.case.v1p1.CFPackages.$id";

const created = createToken({ name: "compression-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const TOKEN = created.token;

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
const call = (loader: Loader, path: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  loader({ request: new Request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${TOKEN}`, ...headers } }), params, context: {} });
const versionFile = (name: string, headers: Record<string, string> = {}) => call(fileLoader, `/api/v1/frameworks/CBIC/versions/${name}`, { mdo: "CBIC", file: name }, headers);
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const decode = (encoding: string | null, bytes: Buffer) => (encoding === "br" ? zlib.brotliDecompressSync(bytes) : encoding === "gzip" ? zlib.gunzipSync(bytes) : bytes);

describe("compressed reads of a published version", () => {
  it.each(["1.json", "1.csv", "1.case.json"])("%s: br and gzip decompress to the identity bytes, each with its own ETag", async (name) => {
    const plain = await versionFile(name);
    const identity = await bytesOf(plain);
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Vary")).toBe("Accept-Encoding");
    const etag = plain.headers.get("ETag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/u);
    for (const encoding of ["br", "gzip"] as const) {
      const res = await versionFile(name, { "Accept-Encoding": encoding === "br" ? "gzip, deflate, br" : "gzip" });
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Encoding")).toBe(encoding);
      expect(res.headers.get("Vary")).toBe("Accept-Encoding");
      expect(res.headers.get("ETag")).toBe(etag.replace(/"$/u, `-${encoding}"`));
      expect(res.headers.get("Cache-Control")).toBe(plain.headers.get("Cache-Control"));
      expect(res.headers.get("Content-Type")).toBe(plain.headers.get("Content-Type"));
      const body = await bytesOf(res);
      expect(Number(res.headers.get("Content-Length"))).toBe(body.length);
      expect(body.length * 4).toBeLessThan(identity.length);
      expect(decode(encoding, body).equals(identity)).toBe(true);
    }
  });

  it("sends the same kept bytes on every request", async () => {
    const a = await bytesOf(await versionFile("1.json", { "Accept-Encoding": "br" }));
    const b = await bytesOf(await versionFile("1.json", { "Accept-Encoding": "br" }));
    expect(b.equals(a)).toBe(true);
  });

  it("answers 304 only for the ETag of the representation it would send", async () => {
    const etag = (await versionFile("1.json")).headers.get("ETag")!;
    const br = etag.replace(/"$/u, '-br"');
    const notModified = await versionFile("1.json", { "Accept-Encoding": "br", "If-None-Match": br });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("ETag")).toBe(br);
    expect(notModified.headers.get("Vary")).toBe("Accept-Encoding");
    // the client holds the uncompressed bytes but now accepts br: it gets the br representation
    const other = await versionFile("1.json", { "Accept-Encoding": "br", "If-None-Match": etag });
    expect(other.status).toBe(200);
    expect(other.headers.get("Content-Encoding")).toBe("br");
    expect((await versionFile("1.json", { "If-None-Match": etag })).status).toBe(304);
    expect((await versionFile("1.json", { "If-None-Match": br })).status).toBe(200);
  });

  it("refuses nothing for an encoding it does not offer, and sends an XLSX (a zip already) as it is", async () => {
    const deflate = await versionFile("1.json", { "Accept-Encoding": "deflate, br;q=0" });
    expect(deflate.headers.get("Content-Encoding")).toBeNull();
    expect(deflate.status).toBe(200);
    const xlsx = await versionFile("1.xlsx", { "Accept-Encoding": "br, gzip" });
    expect(xlsx.headers.get("Content-Encoding")).toBeNull();
    expect((await bytesOf(xlsx)).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});

describe("compressed reads of lists and the CASE binding", () => {
  it("compresses /api/v1/frameworks and a CFPackage, with per-encoding ETags and 304", async () => {
    const list = await call(frameworksLoader, "/api/v1/frameworks", {}, { "Accept-Encoding": "gzip" });
    expect(list.headers.get("Content-Encoding")).toBe("gzip");
    expect(JSON.parse(decode("gzip", await bytesOf(list)).toString("utf8")).frameworks[0].code).toBe("CBIC");

    const docs = await (await call(documentsLoader, "/ims/case/v1p1/CFDocuments", {})).json();
    const id = docs.CFDocuments[0].identifier as string;
    const path = `/ims/case/v1p1/CFPackages/${id}`;
    const plain = await call(packageLoader, path, { id });
    const identity = await bytesOf(plain);
    const br = await call(packageLoader, path, { id }, { "Accept-Encoding": "br" });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Vary")).toBe("Accept-Encoding");
    expect(br.headers.get("ETag")).toBe(plain.headers.get("ETag")!.replace(/"$/u, '-br"'));
    expect(decode("br", await bytesOf(br)).equals(identity)).toBe(true);
    const again = await call(packageLoader, path, { id }, { "Accept-Encoding": "br", "If-None-Match": br.headers.get("ETag")! });
    expect(again.status).toBe(304);
  });
});
