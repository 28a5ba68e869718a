// The OpenAPI description and the route files agree both ways: every described path is served
// by a route whose answer is one the description lists, and every api/ims route is described.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createToken } from "~/models/access/tokens.server";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";

const created = createToken({ name: "openapi-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const TOKEN = created.token;
const ROUTES = path.resolve("app/routes");

/** The URL pattern of a Remix flat route file, with parameters as {}: api.v1.frameworks.$mdo.versions._index.ts → /api/v1/frameworks/{}/versions. */
function urlOf(file: string): string {
  const segments = file
    .replace(/\.tsx?$/u, "")
    .replaceAll("[.]", "\u0000")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? "{}" : s.replaceAll("\u0000", ".")));
  return "/" + segments.join("/");
}
const pattern = (openApiPath: string) => openApiPath.replace(/\{[^}]+\}/gu, "{}");

const apiRouteFiles = fs.readdirSync(ROUTES).filter((f) => /^(api|ims)\./u.test(f));
const routeByUrl = new Map(apiRouteFiles.map((f) => [urlOf(f), f]));

// A value for each path parameter, so each described path can be requested for real.
const EXAMPLES: Record<string, string> = { mdo: "CBIC", number: "1", file: "1.json", sourcedId: "00000000-0000-4000-8000-000000000000" };

describe("OpenAPI description", () => {
  it("is served as OpenAPI 3.1 with bearer security", async () => {
    const res = await openApiLoader();
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("describes every api and ims route file", async () => {
    const doc = await (await openApiLoader()).json();
    const described = new Set(Object.keys(doc.paths).map(pattern));
    expect(apiRouteFiles.length).toBeGreaterThan(10);
    for (const [url, file] of routeByUrl) expect(described.has(url), `${file} (${url}) is not in openapi.json`).toBe(true);
  });

  it("serves every described path with a status the description lists", async () => {
    const doc = await (await openApiLoader()).json();
    for (const [openApiPath, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
      const file = routeByUrl.get(pattern(openApiPath));
      expect(file, `no route file serves ${openApiPath}`).toBeDefined();
      const params: Record<string, string> = {};
      const url = openApiPath.replace(/\{([^}]+)\}/gu, (_, name: string) => {
        const value = EXAMPLES[name];
        expect(value, `no example for {${name}}`).toBeDefined();
        params[name === "sourcedId" ? "id" : name] = value;
        return value;
      });
      const request = new Request(`http://localhost${url}?since=2000-01-01T00:00:00Z`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      const mod = (await import(path.join(ROUTES, file!))) as { loader: (args: object) => Promise<Response> };
      let res: Response;
      try {
        res = await mod.loader({ request, params, context: {} });
      } catch (e) {
        if (!(e instanceof Response)) throw e;
        res = e;
      }
      expect(Object.keys(item.get.responses), `${openApiPath} answered ${res.status}`).toContain(String(res.status));
      expect(res.status).toBeLessThan(500);
    }
  });
});
