import { eq, gt } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { DEMO_PASSWORD } from "@db/seed";
import { auditLog, sessions, users } from "@db/schema";
import { createUserWithRole } from "~/models/access/users.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { action as passwordAction, loader as passwordLoader } from "~/routes/account.password";
import { action as usersAction } from "~/routes/admin.users";
import { loader as frameworkLoader } from "~/routes/frameworks.$code._index";
import { getUser, requireUser } from "~/http/auth.server";
import { resetSignInLimits } from "~/http/sign-in-limit.server";
import { databaseRows } from "../support/db-state";
import { thrownResponse } from "../support/request";
import { contextFrom, cookieOf, signInThroughForm, withCookie } from "../support/sign-in";

beforeEach(() => resetSignInLimits());

const NEW_PASSWORD = "tamarind monsoon ledger";

async function newAuthor(tag: string) {
  const email = `hr-${tag}@cbic.gov.in`;
  const { password } = await createUserWithRole({ email, role: "author", mdoId: getMdoByCode({ code: "CBIC" })!.id, actorId: null });
  return { email, password: password! };
}

const postPassword = (cookie: string, fields: Record<string, string>) =>
  passwordAction({ request: new Request("http://localhost/account/password", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) }), params: {}, context: contextFrom() });

async function expectSentToLogin(cookie: string) {
  const response = await thrownResponse(() => requireUser(withCookie(cookie, "/")));
  expect(response.headers.get("Location")).toBe("/login?redirectTo=%2F");
}

describe("a one-time password", () => {
  it("sends its user to /account/password from every page until they choose their own", async () => {
    const { email, password } = await newAuthor("otp");
    const { cookie } = await signInThroughForm(email, password, { redirectTo: "/frameworks/CBIC" });
    const sent = await thrownResponse(() => frameworkLoader({ request: withCookie(cookie!, "/frameworks/CBIC"), params: { code: "CBIC" }, context: {} }));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/account/password?redirectTo=%2Fframeworks%2FCBIC");
    const page = await (await passwordLoader({ request: withCookie(cookie!, "/account/password"), params: {}, context: {} })).json();
    expect(page.mustChange).toBe(true);

    const changed = await postPassword(cookie!, { currentPassword: password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, redirectTo: "/frameworks/CBIC" });
    expect(changed.status).toBe(302);
    expect(changed.headers.get("Location")).toBe("/frameworks/CBIC");
    const fresh = cookieOf(changed)!;
    const ok = await frameworkLoader({ request: withCookie(fresh, "/frameworks/CBIC"), params: { code: "CBIC" }, context: {} });
    expect(ok.status).toBe(200);
    expect(getDb().select().from(users).where(eq(users.email, email)).get()?.mustChangePassword).toBe(false);
    // attack: the cookie from before the change is dead
    await expectSentToLogin(cookie!);
    expect((await signInThroughForm(email, password)).response.status).toBe(401);
    expect((await signInThroughForm(email, NEW_PASSWORD)).response.status).toBe(302);
  });
});

describe("changing your password", () => {
  it.each([
    ["a wrong current password", { currentPassword: "not-it", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "currentPassword", "Your current password is not correct."],
    ["a short one", { currentPassword: DEMO_PASSWORD, newPassword: "tiny-pass", confirmPassword: "tiny-pass" }, "newPassword", "Use at least 12 characters (this one has 9)."],
    ["a breached one", { currentPassword: DEMO_PASSWORD, newPassword: "password1234", confirmPassword: "password1234" }, "newPassword", "Choose a different password: it is a common password with small changes. A few unrelated words make a strong one."],
    ["two that differ", { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD + "x" }, "confirmPassword", "The two new passwords differ."],
    ["the same as now", { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }, "newPassword", "Choose a password different from the current one."],
    ["no current password", { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "currentPassword", "Invalid input: expected string, received undefined"],
  ])("refuses %s with 400 naming the field, changing nothing", async (_, fields, field, message) => {
    const { cookie } = await signInThroughForm("viewer@frac.test", DEMO_PASSWORD);
    const before = databaseRows();
    const response = await postPassword(cookie!, fields);
    expect(response.status).toBe(400);
    const errors: Record<string, string[] | undefined> = (await response.json()).fieldErrors;
    expect(errors[field]).toEqual([message]);
    expect(databaseRows()).toEqual(before);
    expect(await getUser(withCookie(cookie!))).not.toBeNull();
  });

  it("ends every other session of the user and writes password-change to the audit log", async () => {
    const phone = await signInThroughForm("other-author@frac.test", DEMO_PASSWORD);
    const laptop = await signInThroughForm("other-author@frac.test", DEMO_PASSWORD);
    const since = getDb().select({ id: auditLog.id }).from(auditLog).all().reduce((m, r) => Math.max(m, r.id), 0);
    const response = await postPassword(laptop.cookie!, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(response.status).toBe(302);
    await expectSentToLogin(phone.cookie!);
    await expectSentToLogin(laptop.cookie!);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, userId("other-author@frac.test"))).all()).toHaveLength(1);
    const [entry] = getDb().select().from(auditLog).where(gt(auditLog.id, since)).all().filter((e) => e.action === "password-change");
    expect(entry).toMatchObject({ userId: userId("other-author@frac.test"), entity: "user", entityId: userId("other-author@frac.test") });
  });
});

describe("admin account actions on /admin/users", () => {
  const post = (cookie: string, fields: Record<string, string>) =>
    usersAction({ request: new Request("http://localhost/admin/users", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) }), params: {}, context: contextFrom() });

  it("disable ends the user's sessions at once (a copied cookie goes back to /login); enable lets them in again", async () => {
    const admin = await signInThroughForm("admin@frac.test", DEMO_PASSWORD);
    const victim = await signInThroughForm("board@frac.test", DEMO_PASSWORD);
    const disabled = await post(admin.cookie!, { intent: "disable", userId: userId("board@frac.test") });
    expect(disabled.status).toBe(200);
    await expectSentToLogin(victim.cookie!);
    expect((await signInThroughForm("board@frac.test", DEMO_PASSWORD)).response.status).toBe(401);
    const again = await post(admin.cookie!, { intent: "disable", userId: userId("board@frac.test") });
    expect(again.status).toBe(409);
    expect((await post(admin.cookie!, { intent: "enable", userId: userId("board@frac.test") })).status).toBe(200);
    expect((await signInThroughForm("board@frac.test", DEMO_PASSWORD)).response.status).toBe(302);
    const actions = getDb().select().from(auditLog).where(eq(auditLog.entityId, userId("board@frac.test"))).all().map((e) => [e.action, e.userId]);
    expect(actions).toContainEqual(["disable", userId("admin@frac.test")]);
    expect(actions).toContainEqual(["enable", userId("admin@frac.test")]);
  });

  it("reset gives a new one-time password shown once, ends sessions, and forces a change", async () => {
    const admin = await signInThroughForm("admin@frac.test", DEMO_PASSWORD);
    const victim = await signInThroughForm("curator@frac.test", DEMO_PASSWORD);
    const reset = await post(admin.cookie!, { intent: "reset-password", userId: userId("curator@frac.test") });
    const password = (await reset.json()).account?.password ?? "";
    expect(password).toMatch(/^[a-z2-9]{16}$/);
    await expectSentToLogin(victim.cookie!);
    const next = await signInThroughForm("curator@frac.test", password);
    const sent = await thrownResponse(() => requireUser(withCookie(next.cookie!, "/dictionary")));
    expect(sent.headers.get("Location")).toBe("/account/password?redirectTo=%2Fdictionary");
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "password-reset")).all().at(-1)).toMatchObject({ userId: userId("admin@frac.test"), entityId: userId("curator@frac.test") });
  });

  it("refuses to disable yourself, unknown users and non-admins, changing nothing", async () => {
    const admin = await signInThroughForm("admin@frac.test", DEMO_PASSWORD);
    const before = databaseRows();
    expect((await post(admin.cookie!, { intent: "disable", userId: userId("admin@frac.test") })).status).toBe(400);
    expect((await post(admin.cookie!, { intent: "reset-password", userId: "no-such-user" })).status).toBe(404);
    const author = await signInThroughForm("author@frac.test", DEMO_PASSWORD);
    const afterSignIns = databaseRows();
    expect(afterSignIns.users).toEqual(before.users);
    expect((await thrownResponse(() => post(author.cookie!, { intent: "disable", userId: userId("viewer@frac.test") }))).status).toBe(403);
    expect(databaseRows().users).toEqual(before.users);
  });
});
