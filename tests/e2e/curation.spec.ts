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
  await page.getByLabel("Name").fill("Reflective Practice");
  await page.getByLabel("Description").fill("Looks back on own work to learn from it.");
  await page.getByRole("button", { name: "Send the proposal" }).click();
  await expect(page.getByRole("status")).toHaveText("Your proposal was sent to the curators.");
  await expect(page.getByRole("listitem").filter({ hasText: "Reflective Practice" })).toContainText("Waiting for a curator");
  await page.context().clearCookies();

  await signIn(page, "curator@frac.test");
  await page.goto("/dictionary/proposals");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "New entry “Reflective Practice”" }) });
  await item.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("Accepted: the entry is in the dictionary.");
  await page.context().clearCookies();

  await signIn(page, "author@frac.test");
  await page.goto("/notifications");
  await page.getByRole("link", { name: /“Reflective Practice” was accepted/u }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reflective Practice");
  await page.goto("/dictionary?q=reflective+pract");
  await expect(page.getByRole("link", { name: "Reflective Practice" })).toBeVisible();
});
