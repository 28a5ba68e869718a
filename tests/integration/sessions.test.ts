import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { DEMO_PASSWORD } from "@db/seed";
import { auditLog, sessions } from "@db/schema";
import { action as accountAction, loader as accountLoader } from "~/routes/account._index";
import { sessionKey } from "~/models/access/sessions.server";
import { getUser, requireUser } from "~/http/auth.server";
import { resetSignInLimits } from "~/http/sign-in-limit.server";
import { thrownResponse } from "../support/request";
import { contextFrom, signInThroughForm, signOutThroughForm, withCookie } from "../support/sign-in";

beforeEach(() => resetSignInLimits());

const rowsOf = (email: string) => getDb().select().from(sessions).where(eq(sessions.userId, userId(email))).all();

/** The id a cookie carries, read the way Remix writes it (base64 of a JSON string, then a signature). */
function idInCookie(cookie: string): string {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  return JSON.parse(Buffer.from(value.slice(0, value.lastIndexOf(".")), "base64").toString("utf8")) as string;
}

async function expectSentToLogin(cookie: string) {
  expect(await getUser(withCookie(cookie, "/frameworks/CBIC"))).toBeNull();
  const response = await thrownResponse(() => requireUser(withCookie(cookie, "/frameworks/CBIC")));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fframeworks%2FCBIC");
}

describe("server-side sessions", () => {
  it("keep only a random id in the cookie and the rest in a row (hashed id, user agent, IP)", async () => {
    const { response, cookie } = await signInThroughForm("viewer@frac.test", DEMO_PASSWORD, { ip: "198.51.100.4", userAgent: "Firefox/140" });
    expect(response.status).toBe(302);
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const id = idInCookie(cookie!);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).not.toContain(userId("viewer@frac.test"));
    const [row] = rowsOf("viewer@frac.test");
    expect(row).toMatchObject({ idHash: sessionKey(id), ip: "198.51.100.4", userAgent: "Firefox/140", data: "{}" });
    expect(Date.parse(row.expiresAt) - Date.parse(row.createdAt)).toBe(12 * 3_600_000);
    expect((await getUser(withCookie(cookie!)))?.email).toBe("viewer@frac.test");
  });

  it("attack: a cookie copied before sign-out is refused after it, and the row is gone", async () => {
    const { cookie } = await signInThroughForm("author@frac.test", DEMO_PASSWORD);
    const copy = cookie!;
    const out = await signOutThroughForm(cookie!);
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe("/login");
    expect(rowsOf("author@frac.test")).toEqual([]);
    await expectSentToLogin(copy);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "sign-out")).all().at(-1);
    expect(entry).toMatchObject({ userId: userId("author@frac.test"), entity: "user" });
  });

  it("give a new id at every sign-in and end the session the browser came with (no fixation)", async () => {
    const first = await signInThroughForm("board@frac.test", DEMO_PASSWORD);
    const second = await signInThroughForm("board@frac.test", DEMO_PASSWORD, { cookie: first.cookie! });
    expect(idInCookie(second.cookie!)).not.toBe(idInCookie(first.cookie!));
    await expectSentToLogin(first.cookie!);
    expect(rowsOf("board@frac.test")).toHaveLength(1);
  });

  it("end after 30 minutes idle and 12 hours in all, however active", async () => {
    const db = getDb();
    const idle = await signInThroughForm("curator@frac.test", DEMO_PASSWORD);
    const idleKey = sessionKey(idInCookie(idle.cookie!));
    db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000).toISOString() }).where(eq(sessions.idHash, idleKey)).run();
    await expectSentToLogin(idle.cookie!);
    expect(db.select().from(sessions).where(eq(sessions.idHash, idleKey)).get()).toBeUndefined();

    const old = await signInThroughForm("curator@frac.test", DEMO_PASSWORD);
    const oldKey = sessionKey(idInCookie(old.cookie!));
    expect(await getUser(withCookie(old.cookie!))).not.toBeNull();
    db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(eq(sessions.idHash, oldKey)).run();
    await expectSentToLogin(old.cookie!);
  });

  it("move last-seen forward when used after a minute, so an active person stays signed in", async () => {
    const db = getDb();
    const { cookie } = await signInThroughForm("reviewer@frac.test", DEMO_PASSWORD);
    const key = sessionKey(idInCookie(cookie!));
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000).toISOString();
    db.update(sessions).set({ lastSeenAt: twentyMinutesAgo }).where(eq(sessions.idHash, key)).run();
    expect(await getUser(withCookie(cookie!))).not.toBeNull();
    const seen = db.select().from(sessions).where(eq(sessions.idHash, key)).get()!.lastSeenAt;
    expect(Date.parse(seen)).toBeGreaterThan(Date.now() - 5_000);
  });
});

describe("/account", () => {
  it("lists your own sessions only, marks this one, and signs out another", async () => {
    const here = await signInThroughForm("author@frac.test", DEMO_PASSWORD, { userAgent: "Chromium/142", ip: "192.0.2.1" });
    const there = await signInThroughForm("author@frac.test", DEMO_PASSWORD, { userAgent: "Safari/18", ip: "192.0.2.2" });
    await signInThroughForm("viewer@frac.test", DEMO_PASSWORD);
    const data = await (await accountLoader({ request: withCookie(here.cookie!, "/account"), params: {}, context: {} })).json();
    const mine = data.sessions as { key: string; userAgent: string; ip: string; current: boolean }[];
    expect(mine.map((s) => [s.userAgent, s.ip, s.current]).sort()).toEqual([
      ["Chromium/142", "192.0.2.1", true],
      ["Safari/18", "192.0.2.2", false],
    ]);
    const other = mine.find((s) => !s.current)!;
    const post = (cookie: string, fields: Record<string, string>) =>
      accountAction({ request: new Request("http://localhost/account", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) }), params: {}, context: contextFrom() });
    const ended = await post(here.cookie!, { intent: "sign-out-one", session: other.key });
    expect(ended.status).toBe(200);
    await expectSentToLogin(there.cookie!);
    expect(await getUser(withCookie(here.cookie!))).not.toBeNull();

    // attack: another user's session key is not yours to end
    const viewerRows = rowsOf("viewer@frac.test");
    const refused = await post(here.cookie!, { intent: "sign-out-one", session: viewerRows[0].idHash });
    expect(refused.status).toBe(404);
    expect(rowsOf("viewer@frac.test")).toEqual(viewerRows);
    const malformed = await thrownResponse(() => post(here.cookie!, { intent: "sign-out-one", session: "' or 1=1 --" }));
    expect(malformed.status).toBe(400);
  });

  it("signs out everywhere: every copied cookie of that user stops working", async () => {
    const a = await signInThroughForm("other-author@frac.test", DEMO_PASSWORD);
    const b = await signInThroughForm("other-author@frac.test", DEMO_PASSWORD);
    const response = await accountAction({
      request: new Request("http://localhost/account", { method: "POST", headers: { Cookie: a.cookie! }, body: new URLSearchParams({ intent: "sign-out-everywhere" }) }),
      params: {},
      context: contextFrom(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    await expectSentToLogin(a.cookie!);
    await expectSentToLogin(b.cookie!);
    expect(rowsOf("other-author@frac.test")).toEqual([]);
  });
});
