import { expect, signIn, test } from "./support/fixtures";

test("a published version's page carries its heat map, which links to its own page and back, and scrolls in its box at 390 px", async ({ page }) => {
  // why longer: a page of about a thousand cells, on a machine shared by several test runs.
  test.setTimeout(90_000);
  // Another ministry's author: a published version is for every signed-in user.
  await signIn(page, "other-author@frac.test");
  await page.goto("/frameworks/CBIC/versions/1");
  const section = page.getByRole("region", { name: "Heat map of required levels" });
  await expect(section).toBeVisible();
  const map = section.getByRole("table", { name: /Required level of each competency/ });
  // The demo's CBIC has 15 positions; every row is a position with at least one level.
  await expect(map.locator("tbody tr")).toHaveCount(15);
  await expect(map.getByRole("rowheader", { name: "Chief Commissioner" })).toBeVisible();
  expect(await map.locator("tbody td:not(:empty)").count()).toBeGreaterThan(15);

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const box = section.getByRole("region", { name: /scroll inside this box/ });
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await section.getByRole("link", { name: /Open the heat map on its own page/ }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/heatmap\?version=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Heat map of required levels" })).toBeVisible();
  await page.getByRole("link", { name: /Back to version 1/ }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/versions\/1$/);
  await expect(page.getByRole("link", { name: "Heat map", exact: true })).toHaveAttribute("href", "/frameworks/CBIC/heatmap?version=1");

  // In Hindi the rows and columns carry the Hindi names the authors wrote.
  await page.goto("/frameworks/CBIC/versions/1?lang=hi");
  await expect(page.getByRole("region", { name: "अपेक्षित स्तरों का हीट मैप" }).getByRole("rowheader", { name: "मुख्य आयुक्त" })).toBeVisible();
});

// The whole version page is scanned by a11y-every-page.spec.ts; this scans the new section alone, quickly.
test("the version page's heat map has no serious accessibility violations, in English and Hindi", async ({ page }) => {
  test.setTimeout(120_000);
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  await signIn(page, "reviewer@frac.test");
  for (const lang of ["en", "hi"]) {
    await page.goto(`/frameworks/CBIC/versions/1?lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const results = await new AxeBuilder({ page }).include(".version-heatmap").withTags(["wcag2a", "wcag2aa"]).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${lang}: ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
});

test("at 390 px the ACBP's wide table scrolls in its own box and the page does not (its hidden labels stay inside)", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "author@frac.test");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const lang of ["en", "hi"]) {
    await page.goto(`/frameworks/CBIC/acbp?lang=${lang}`);
    await expect(page.locator("table.acbp-table")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator(".acbp-scroll").evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  }
});
