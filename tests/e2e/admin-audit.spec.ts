import crypto from "node:crypto";
import { expect, signIn, test } from "./support/fixtures";

test("an admin makes a token for one ministry with a last day, and finds its creation and its refusals in the audit log", async ({ page, request }) => {
  const name = `cbic-hr-${crypto.randomUUID().slice(0, 8)}`;
  await signIn(page, "admin@frac.test");
  await page.goto("/admin/tokens");
  await page.getByLabel("Name (the system that will use it)").fill(name);
  await page.getByLabel("Last day (optional, India time)").fill("2099-12-31");
  await page.getByLabel("Reads").selectOption("CBIC");
  await page.getByRole("button", { name: "Create" }).click();
  const token = ((await page.getByRole("status").locator("code").textContent()) ?? "").trim();
  expect(token).toMatch(/^frac_/u);
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("only CBIC");
  await expect(row.getByRole("cell").nth(4)).toHaveText("Live until 31 Dec 2099");

  // The token reads CBIC and nothing else.
  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/frameworks/CBIC/versions", { headers: auth })).status()).toBe(200);
  expect((await request.get("/api/v1/frameworks/MOHFW/versions", { headers: auth })).status()).toBe(404);

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await page.getByLabel("Event").selectOption("access:refused");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/event=access%3Arefused/u);
  await expect(page.getByRole("row", { name: new RegExp(`token ${name}`) }).first()).toContainText('"status":404');

  await page.getByLabel("Event").selectOption("token:create");
  await page.getByLabel("Ministry").selectOption("CBIC");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`token ${name}`) })).toContainText("Arjun Mehta");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download CSV/u }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const csv = await readFile(file, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFat,mdo,user,user_email,entity,entity_id,entity_name,action,field,before,after");
  expect(csv).toContain(`token ${name}`);
});

test("the audit log does not exist for anyone but admins", async ({ page }) => {
  await signIn(page, "reviewer@frac.test");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const res = await page.goto("/admin/audit");
  expect(res?.status()).toBe(404);
});
