import crypto from "node:crypto";
import { expect, signIn, test } from "./support/fixtures";

test("an admin creates an API token, sees it once, a system uses it, and revoking it locks the system out", async ({ page, request }) => {
  const name = `hrms-${crypto.randomUUID().slice(0, 8)}`;
  await signIn(page, "admin@frac.test");
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  await page.getByLabel("Name (the system that will use it)").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  const created = page.getByRole("status");
  await expect(created).toContainText(`Created the token ${name}`);
  const token = (await created.locator("code").textContent())?.trim() ?? "";
  expect(token).toMatch(/^frac_[A-Za-z0-9_-]{20,}$/u);

  // Shown once: after a reload the list has the token by name and never its secret.
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(3)).toHaveText("never");
  await expect(page.getByText(token)).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  // A system (no session cookie: the request fixture has its own context) reads the API with it.
  const auth = { Authorization: `Bearer ${token}` };
  const listed = await request.get("/api/v1/frameworks", { headers: auth });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).frameworks.map((f: { code: string }) => f.code)).toContain("CBIC");
  await page.reload();
  // why this shape: times are shown in India time through Intl ("7 Dec 2026, 9:05 am").
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{1,2}:\d{2}\s[ap]m$/u);

  await row.getByRole("button", { name: `Revoke the token ${name}` }).click();
  await expect(page.getByRole("status")).toContainText(`Revoked the token ${name}`);
  await expect(row.getByRole("cell").nth(4)).toHaveText(/^Revoked /u);

  const refused = await request.get("/api/v1/frameworks", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/u);
  expect((await refused.json()).error).toMatch(/revoked/u);
});
