import { afterEach, describe, expect, it } from "vitest";
import { userId } from "@db/ids";
import { DEMO_PASSWORD } from "@db/seed";
import { getSessionUser, verifyLogin } from "~/models/access/users.server";
import { getUser, requireMdoAccess, requireUser } from "~/http/auth.server";
import { requestAs, thrownResponse } from "../support/request";

afterEach(() => {
  process.env.FRAC_DEMO = "1";
});

describe("signing in", () => {
  it("accepts a demo account with the demo password", async () => {
    expect(await verifyLogin({ email: "Author@frac.test ", password: DEMO_PASSWORD })).toEqual({
      ok: true,
      userId: userId("author@frac.test"),
    });
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await verifyLogin({ email: "author@frac.test", password: "wrong" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyLogin({ email: "nobody@frac.test", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses demo accounts, and their existing sessions, without FRAC_DEMO", async () => {
    const request = await requestAs("author@frac.test");
    delete process.env.FRAC_DEMO;
    expect(await verifyLogin({ email: "author@frac.test", password: DEMO_PASSWORD })).toEqual({
      ok: false,
      reason: "demo-disabled",
    });
    expect(await getUser(request)).toBeNull();
    expect(getSessionUser({ userId: userId("author@frac.test") })).toBeNull();
  });
});

describe("sessions", () => {
  it("reads the user from a signed cookie", async () => {
    const user = await getUser(await requestAs("viewer@frac.test"));
    expect(user?.email).toBe("viewer@frac.test");
    expect(user?.memberships.map((m) => [m.role, m.mdoCode])).toEqual([["viewer", "CBIC"]]);
  });

  it("treats a tampered cookie as signed out and redirects to /login", async () => {
    const good = await requestAs("author@frac.test", "/frameworks/CBIC");
    const cookie = good.headers.get("Cookie")!;
    const [name, value] = cookie.split("=");
    const decoded = decodeURIComponent(value);
    const [payload, signature] = [decoded.slice(0, decoded.lastIndexOf(".")), decoded.slice(decoded.lastIndexOf(".") + 1)];
    const forged = Buffer.from(JSON.stringify({ userId: userId("admin@frac.test") })).toString("base64");
    expect(payload).not.toBe(forged);
    const tampered = new Request("http://localhost/frameworks/CBIC", {
      headers: { Cookie: `${name}=${encodeURIComponent(`${forged}.${signature}`)}` },
    });
    expect(await getUser(tampered)).toBeNull();
    const response = await thrownResponse(() => requireUser(tampered));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fframeworks%2FCBIC");
  });
});

describe("access to a ministry's draft", () => {
  it("lets members and the CBC read, and only authors edit", async () => {
    for (const email of ["author@frac.test", "viewer@frac.test", "reviewer@frac.test", "board@frac.test", "admin@frac.test"]) {
      const { mdo } = await requireMdoAccess(await requestAs(email), "CBIC", "read");
      expect(mdo.code).toBe("CBIC");
    }
    await expect(requireMdoAccess(await requestAs("author@frac.test"), "cbic", "edit")).resolves.toBeTruthy();
    const viewer = await thrownResponse(async () => requireMdoAccess(await requestAs("viewer@frac.test"), "CBIC", "edit"));
    expect(viewer.status).toBe(403);
    const reviewer = await thrownResponse(async () => requireMdoAccess(await requestAs("reviewer@frac.test"), "CBIC", "edit"));
    expect(reviewer.status).toBe(403);
  });

  it("answers 404, not 403, for another ministry's draft and for unknown codes", async () => {
    const other = await thrownResponse(async () => requireMdoAccess(await requestAs("other-author@frac.test"), "CBIC"));
    expect(other.status).toBe(404);
    const cross = await thrownResponse(async () => requireMdoAccess(await requestAs("author@frac.test"), "MOHFW"));
    expect(cross.status).toBe(404);
    const unknown = await thrownResponse(async () => requireMdoAccess(await requestAs("author@frac.test"), "NOPE"));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'No framework "NOPE" that you can see.', code: "page.noFrameworkYouSee", params: { code: "NOPE" } });
  });
});
