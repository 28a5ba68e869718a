// The published document the editor compares the draft with: readable by every signed-in user,
// byte for byte as stored, cached by its sha256.
import { describe, expect, it } from "vitest";
import { getVersion } from "~/models/publication/versions.server";
import { loader } from "~/routes/frameworks.$code.versions.$number_.document";
import { ministry } from "../factories/edit-ops";
import { requestAs, thrownResponse } from "../support/request";

const call = async (email: string | null, code: string, number: string, headers: HeadersInit = {}) => {
  const request = await requestAs(email, `/frameworks/${code}/versions/${number}/document`, { headers });
  return loader({ request, params: { code, number }, context: {} });
};

describe("GET /frameworks/:code/versions/:number/document", () => {
  it("serves the stored snapshot byte for byte to any signed-in user, including another ministry's", async () => {
    const stored = getVersion({ mdoId: ministry("CBIC").mdoId, number: 1 })!;
    for (const email of ["reviewer@frac.test", "viewer@frac.test", "other-author@frac.test"]) {
      const res = await call(email, "CBIC", "1");
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("ETag")).toBe(`"${stored.sha256}"`);
      expect(await res.text()).toBe(stored.text);
    }
  });

  it("answers 304 to a client that already holds it", async () => {
    const first = await call("author@frac.test", "CBIC", "1");
    const again = await call("author@frac.test", "CBIC", "1", { "If-None-Match": first.headers.get("ETag")! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const res = await thrownResponse(() => call(null, "CBIC", "1"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
  });

  it("answers 404 for a version that does not exist, a malformed number, an unknown ministry and a ministry with none", async () => {
    for (const [code, number] of [["CBIC", "2"], ["CBIC", "0"], ["CBIC", "1.5"], ["CBIC", "latest"], ["NOPE", "1"], ["MOHFW", "1"]]) {
      const res = await thrownResponse(() => call("reviewer@frac.test", code, number));
      expect(res.status, `${code} ${number}`).toBe(404);
    }
  });
});
