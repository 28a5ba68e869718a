// The checks the server makes before Remix, on an Express app with the real middleware and a
// stand-in for Remix that records what reached it (the built app is driven in tests/e2e).
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "@schemas/limits";
import { continueOnlyAfterChecks, cspNonce, installSecurity } from "../../../server/security";

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };
/** `declared`: a Content-Length to claim while sending only `body`, then waiting for the answer. */
type Sent = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; declared?: number };

const servers: http.Server[] = [];
let reached: string[] = [];

/** Starts the app with `env` on a port the system picks; the stand-in for Remix reads the whole body. */
async function start(env: Record<string, string | undefined> = {}): Promise<(sent: Sent) => Promise<Reply>> {
  const app = express();
  installSecurity(app, env);
  app.all("*", (req, res) => {
    let bytes = 0;
    req.on("data", (c: Buffer) => (bytes += c.length));
    req.on("end", () => {
      reached.push(`${req.method} ${req.originalUrl} ${bytes}`);
      res.json({ nonce: cspNonce(res), protocol: req.protocol });
    });
  });
  const server = http.createServer(app);
  continueOnlyAfterChecks(server, app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return (sent) =>
    new Promise<Reply>((resolve, reject) => {
      const body = sent.body ?? "";
      const headers = { Host: `127.0.0.1:${port}`, "Content-Type": "application/x-www-form-urlencoded", ...sent.headers };
      const req = http.request({ host: "127.0.0.1", port, method: sent.method ?? "POST", path: sent.path ?? "/notifications", headers });
      if (sent.chunked) req.setHeader("Transfer-Encoding", "chunked");
      else if (sent.method !== "GET") req.setHeader("Content-Length", sent.declared ?? Buffer.byteLength(body));
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
          if (sent.declared !== undefined) req.destroy();
        });
      });
      // why ignored: the server may close the connection on a refused body while it is still being sent.
      req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e)));
      if (sent.declared === undefined) req.end(body);
      else req.write(body);
    });
}

afterAll(() => servers.forEach((s) => s.close()));

describe("a request that changes something", () => {
  let send: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    send = await start();
  });
  const own = () => `http://127.0.0.1:${(servers[0].address() as AddressInfo).port}`;

  it.each([
    ["a page (document) request", "/notifications"],
    ["a data request", "/notifications?_data=routes%2Fnotifications"],
  ])("from another origin is refused with 403 before the app sees it: %s", async (_what, path) => {
    reached = [];
    const reply = await send({ path, headers: { Origin: "https://evil.example" }, body: "intent=read-all" });
    expect(reply.status).toBe(403);
    expect(reply.body).toBe("Refused: this request came from https://evil.example, not from FRAC Studio itself. Open FRAC Studio and try again there.\n");
    expect(reached).toEqual([]);
  });

  it.each(["PUT", "PATCH", "DELETE", "OPTIONS"])("is refused from another origin with the %s method too", async (method) => {
    expect((await send({ method, headers: { Origin: "https://evil.example" } })).status).toBe(403);
  });

  it("from a page with no origin (Origin: null) is refused", async () => {
    expect((await send({ headers: { Origin: "null" } })).body).toMatch(/^Refused: this request came from a page with no origin/);
  });

  it("from the app's own origin reaches the app", async () => {
    reached = [];
    const reply = await send({ headers: { Origin: own() }, body: "intent=read-all" });
    expect(reply.status).toBe(200);
    expect(reached).toEqual(["POST /notifications 15"]);
  });

  it.each([
    ["cross-site", 403],
    ["same-site", 403],
    ["none", 403],
    ["same-origin", 200],
  ])("without Origin, follows Sec-Fetch-Site: %s → %i", async (site, status) => {
    expect((await send({ headers: { "Sec-Fetch-Site": site } })).status).toBe(status);
  });

  it("with neither header (no browser sent it) goes on to the app's own checks", async () => {
    expect((await send({ body: "intent=read-all" })).status).toBe(200);
  });

  it("is judged against the scheme the request came over: https only when a trusted proxy says so", async () => {
    const https = { Origin: own().replace("http:", "https:"), "X-Forwarded-Proto": "https" };
    expect((await send({ headers: https })).status).toBe(200);
    expect((await send({ headers: { ...https, "X-Forwarded-Proto": "http" } })).status).toBe(403);
    const untrusting = await start({ TRUST_PROXY: "false" });
    expect((await untrusting({ headers: { ...https, Host: new URL(own()).host } })).status).toBe(403);
  });

  it("is left alone when it only reads (GET), whatever its origin", async () => {
    expect((await send({ method: "GET", headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } })).status).toBe(200);
  });
});

describe("with APP_URL set", () => {
  it("accepts that origin only, never the address the request came to or a localhost fallback", async () => {
    const send = await start({ APP_URL: "https://frac.example.gov.in/" });
    expect((await send({ headers: { Origin: "https://frac.example.gov.in" } })).status).toBe(200);
    const port = (servers.at(-1)!.address() as AddressInfo).port;
    expect((await send({ headers: { Origin: `http://127.0.0.1:${port}` } })).status).toBe(403);
    expect((await send({ headers: { Origin: `http://localhost:${port}` } })).status).toBe(403);
  });

  it("must be an http(s) address", async () => {
    await expect(start({ APP_URL: "frac.example.gov.in" })).rejects.toThrow(/APP_URL must be an absolute http\(s\) address/);
  });
});

describe("a request body", () => {
  let send: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    send = await start();
  });

  it("over 1 MB sent to a form is refused with 413 before it is read", async () => {
    reached = [];
    const reply = await send({ path: "/login", body: Buffer.alloc(2 * 1024 * 1024, "a") });
    expect(reply).toMatchObject({ status: 413, body: "Refused: a form may be at most 1 MB; this one is 2 MB.\n" });
    expect(reached).toEqual([]);
  });

  it("that claims gigabytes is answered 413 at once, before it is sent, and the connection closed", async () => {
    reached = [];
    const reply = await send({ path: "/login", declared: 4 * 1024 ** 3, body: "email=" });
    expect(reply).toMatchObject({ status: 413, body: "Refused: a form may be at most 1 MB; this one is 4096 MB.\n" });
    expect(reply.headers.connection).toBe("close");
    expect(reached).toEqual([]);
  });

  it("of exactly 1 MB reaches the app", async () => {
    expect((await send({ path: "/login", body: Buffer.alloc(LIMITS.FORM_BODY_BYTES_MAX, "a") })).status).toBe(200);
  });

  it("sent to a form without a length is refused with 411", async () => {
    const reply = await send({ path: "/login", body: "email=a", chunked: true });
    expect(reply).toMatchObject({ status: 411, body: "Refused: send the body with a Content-Length.\n" });
  });

  it("to the import and the editor may be larger, up to their own caps", async () => {
    const multipart = { "Content-Type": "multipart/form-data; boundary=x" };
    expect((await send({ path: "/frameworks/CBIC/import", headers: multipart, body: Buffer.alloc(2 * 1024 * 1024) })).status).toBe(200);
    const json = { "Content-Type": "application/json" };
    expect((await send({ path: "/frameworks/CBIC/edit", headers: json, body: Buffer.alloc(2 * 1024 * 1024, " ") })).status).toBe(200);
    expect((await send({ path: "/frameworks/CBIC/edit", headers: json, body: "{}", chunked: true })).status).toBe(200);
    expect((await send({ path: "/frameworks/CBIC/edits", headers: json, body: Buffer.alloc(2 * 1024 * 1024, " ") })).status).toBe(200);
    const overEditor = await send({ path: "/frameworks/CBIC/edit", headers: json, body: Buffer.alloc(LIMITS.EDITOR_SAVE_BYTES_MAX + 1, " ") });
    expect(overEditor).toMatchObject({ status: 413, body: "Refused: an editor save may be at most 10 MB; this one is 10 MB.\n" });
  });

  it.each([
    ["/login", "text/plain", "Refused: a form must be sent as application/x-www-form-urlencoded or multipart/form-data, not text/plain.\n"],
    ["/login", "application/json", "Refused: a form must be sent as application/x-www-form-urlencoded or multipart/form-data, not application/json.\n"],
    ["/frameworks/CBIC/edit?_data=routes%2Fframeworks.%24code.edit", "text/plain", "Refused: an editor save must be sent as application/json, not text/plain.\n"],
    ["/frameworks/CBIC/edit", "application/x-www-form-urlencoded", "Refused: an editor save must be sent as application/json, not application/x-www-form-urlencoded.\n"],
    ["/frameworks/CBIC/edits", "application/x-www-form-urlencoded", "Refused: an editor save must be sent as application/json, not application/x-www-form-urlencoded.\n"],
    ["/frameworks/CBIC/import", "application/x-www-form-urlencoded", "Refused: an import upload must be sent as multipart/form-data, not application/x-www-form-urlencoded.\n"],
  ])("to %s as %s is refused with 415", async (path, type, message) => {
    expect(await send({ path, headers: { "Content-Type": type }, body: "{}" })).toMatchObject({ status: 415, body: message });
  });

  it("with no type at all is refused with 415", async () => {
    expect((await send({ path: "/login", headers: { "Content-Type": "" } })).body).toBe(
      "Refused: a form must be sent as application/x-www-form-urlencoded or multipart/form-data.\n",
    );
  });
});

describe("the response headers", () => {
  let send: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    send = await start();
  });

  it("carry a CSP with a fresh nonce per response, no inline scripts, and no framing", async () => {
    const [a, b] = [await send({ method: "GET", path: "/" }), await send({ method: "GET", path: "/" })];
    const nonce = JSON.parse(a.body).nonce as string;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(JSON.parse(b.body).nonce).not.toBe(nonce);
    const csp = String(a.headers["content-security-policy"]);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self'");
    expect(a.headers["x-frame-options"]).toBe("DENY");
    expect(a.headers["x-content-type-options"]).toBe("nosniff");
    expect(a.headers["x-powered-by"]).toBeUndefined();
  });

  it("include HSTS only when the request came over https through a trusted proxy", async () => {
    expect((await send({ method: "GET", headers: { "X-Forwarded-Proto": "https" } })).headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect((await send({ method: "GET" })).headers["strict-transport-security"]).toBeUndefined();
    const untrusting = await start({ TRUST_PROXY: "false" });
    expect((await untrusting({ method: "GET", headers: { "X-Forwarded-Proto": "https" } })).headers["strict-transport-security"]).toBeUndefined();
  });
});
