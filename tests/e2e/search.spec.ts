import { expect, signIn, test } from "./support/fixtures";

test("an author finds a competency by a misspelt word, from the header's suggestions and without them", async ({ page }) => {
  await signIn(page, "author@frac.test");
  const box = page.getByRole("combobox", { name: "Search" });
  await box.fill("decison mak");
  const option = page.getByRole("option", { name: /Decision Making/ }).first();
  await expect(option).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/dictionary\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /Decision Making/ })).toBeVisible();

  // The same search as a plain form submission: the results page, grouped by kind.
  await box.fill("decison making");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=decison\+making/);
  await expect(page.getByRole("status")).toContainText("close spellings");
  const competencies = page.getByRole("region", { name: /Competencies/ });
  await expect(competencies.getByRole("link").first()).toHaveText("Decision Making");
});

test("the search page works without JavaScript and never lists another ministry's draft", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "author@frac.test");
  await page.goto("/search?q=state+programme+implementation");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(page.getByText("MOHFW draft")).toHaveCount(0);
  await page.goto("/dictionary?q=leedership");
  await expect(page.getByRole("status")).toContainText("close spellings");
  await expect(page.locator(".search-results li").first()).toContainText(/Leadership/i);
  await context.close();
});
