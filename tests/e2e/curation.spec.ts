import crypto from "node:crypto";
import { expect, signIn, test } from "./support/fixtures";

test("an author proposes an entry, a curator accepts it, the author is notified and finds the entry", async ({ page }) => {
  // why: three sign-ins and a dozen page loads on a shared, busy machine.
  test.setTimeout(120_000);
  await signIn(page, "author@frac.test");
  await page.goto("/dictionary");
  await page.getByRole("link", { name: "Propose an entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Propose a dictionary entry");
  await page.getByLabel("Type").selectOption("Behavioural");
  await page.getByLabel("Theme it belongs under").selectOption({ label: "Self-Awareness" });
  await page.getByLabel("Name", { exact: true }).fill("Reflective Practice");
  await page.getByLabel("Description", { exact: true }).fill("Looks back on own work to learn from it.");
  await page.getByLabel("Hindi name (optional)").fill("चिंतनशील अभ्यास");
  await page.getByRole("button", { name: "Send the proposal" }).click();
  await expect(page.getByRole("status")).toHaveText("Your proposal was sent to the curators.");
  await expect(page.getByRole("listitem").filter({ hasText: "Reflective Practice" })).toContainText("Waiting for a curator");
  await page.context().clearCookies();

  await signIn(page, "curator@frac.test");
  await page.goto("/dictionary/proposals");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "New entry “Reflective Practice”" }) });
  await expect(item.getByRole("definition").filter({ hasText: "चिंतनशील अभ्यास" })).toBeVisible();
  await item.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("Accepted: the entry is in the dictionary.");
  await page.context().clearCookies();

  await signIn(page, "author@frac.test");
  await page.goto("/notifications");
  await page.getByRole("link", { name: /“Reflective Practice” was accepted/u }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reflective Practice · चिंतनशील अभ्यास");
  await page.goto("/dictionary?q=reflective+pract");
  await expect(page.getByRole("link", { name: "Reflective Practice" })).toBeVisible();

  // The same notice and entry in Hindi: the Hindi name leads, the notice is in Hindi.
  await page.goto("/notifications?lang=hi");
  await page.getByRole("link", { name: "“Reflective Practice” का आपका प्रस्ताव स्वीकार किया गया: यह अब दक्षता शब्दकोश में है।" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("चिंतनशील अभ्यास · Reflective Practice");
  await page.goto("/search?q=चिंतनशील&lang=hi");
  // On a Hindi page the result leads with the Hindi name (the link), the English after it.
  await expect(page.getByRole("link", { name: "चिंतनशील अभ्यास" })).toBeVisible();
  await expect(page.locator(".search-results li", { hasText: "चिंतनशील अभ्यास" })).toContainText("Reflective Practice");
});

test("a curator adds an entry with its Hindi, then edits the Hindi description; a Hindi reader sees it", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "curator@frac.test");
  await page.goto("/dictionary/new");
  await page.getByLabel("Type").selectOption("Functional");
  const name = `Grievance Redressal ${crypto.randomUUID().slice(0, 6)}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Hindi name (optional)").fill("शिकायत निवारण");
  await page.getByRole("button", { name: "Add the entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} · शिकायत निवारण`);

  const edit = page.getByRole("form", { name: "Name and description" });
  await edit.getByLabel("Hindi description (optional)").fill("नागरिकों की शिकायतों का समय पर निपटारा करता है।");
  await edit.getByRole("button", { name: "Save the name and description" }).click();
  await expect(edit.getByRole("status")).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}?lang=hi`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`शिकायत निवारण · ${name}`);
  await expect(page.getByText("नागरिकों की शिकायतों का समय पर निपटारा करता है।").first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "संपादित की गई" })).toBeVisible();
});
