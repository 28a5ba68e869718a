import { expect, signIn, test } from "./support/fixtures";

test("a CBC reviewer opens the dashboard, sorts and filters it, and compares CBIC with MOHFW", async ({ page }) => {
  await signIn(page, "reviewer@frac.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "All ministries" })).toBeVisible();
  const table = page.getByRole("table", { name: /ministries, sorted by/ });
  const firstRow = () => table.locator("tbody tr").first().getByRole("rowheader");
  await expect(table.getByRole("rowheader", { name: /CBIC/ })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: /MOHFW/ })).toBeVisible();
  // CBIC is the only ministry with a version: its row links to it.
  await expect(table.getByRole("row", { name: /CBIC/ }).getByRole("link", { name: "v1" })).toBeVisible();
  await expect(firstRow()).toContainText("Central Board of Indirect Taxes");

  await table.getByRole("link", { name: "Sort by Ministry, descending" }).click();
  await expect(page).toHaveURL(/\/cbc\?dir=desc$/);
  await expect(table).toHaveAccessibleName(/sorted by Ministry \(descending\)/);
  await expect(firstRow()).toContainText("Ministry of Health and Family Welfare");

  await table.getByRole("link", { name: "Sort by Latest version, ascending" }).click();
  await expect(page).toHaveURL(/sort=version/);
  await expect(firstRow()).toContainText("CBIC");

  await page.getByLabel("Name or code").fill("health");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=health/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(firstRow()).toContainText("MOHFW");

  // The charts come with their figures as a table.
  const statusChart = page.getByRole("figure", { name: "Ministries by the state of their framework" });
  await statusChart.getByText("The same figures as a table").click();
  await expect(statusChart.getByRole("row", { name: /Draft/ })).toBeVisible();

  await page.getByRole("link", { name: "Compare two ministries" }).click();
  await page.getByLabel("First ministry").selectOption("CBIC");
  await page.getByLabel("Second ministry").selectOption("MOHFW");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare\?a=CBIC&b=MOHFW/);
  await expect(page.getByText("CBIC: version 1, published")).toBeVisible();
  await expect(page.getByText("MOHFW: the draft (revision")).toBeVisible();
  const shared = page.getByRole("table", { name: /Competencies both need/ });
  await expect(shared.getByRole("columnheader", { name: "Level in CBIC" })).toBeVisible();
  await expect(shared.getByRole("rowheader", { name: /Noting & Drafting/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /with similar names/ }).getByRole("rowheader", { name: "Parliament and references" })).toBeVisible();

  await page.goto("/compare?a=NOPE&b=MOHFW");
  await expect(page.getByRole("alert")).toHaveText("There is no active ministry with the code “NOPE”. Choose one from the list.");
  await expect(page.getByLabel("First ministry")).toHaveAttribute("aria-invalid", "true");
});

test("an author has no dashboard (404) but sees the heat map of their own framework", async ({ page }) => {
  await signIn(page, "other-author@frac.test");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const res = await page.goto("/cbc");
  expect(res?.status()).toBe(404);
  await page.goto("/frameworks/MOHFW");
  await page.getByRole("link", { name: "Heat map" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Heat map of required levels" })).toBeVisible();
  // The chart first, a picture with its summary; the table behind "Show as a table".
  // why not a fixed count: specs that run earlier add positions to MOHFW's draft.
  const chart = page.getByRole("img", { name: /^Heat map of \d+ positions × \d+ competencies/ });
  await expect(chart).toBeVisible();
  const positions = Number(/^Heat map of (\d+) positions/u.exec((await chart.getAttribute("aria-label")) ?? "")?.[1]);
  expect(positions).toBeGreaterThanOrEqual(3);
  const tiles = await page.locator(".heat-cells .heat-level rect").count();
  expect(tiles).toBeGreaterThan(0);
  await page.getByText("Show as a table").click();
  const map = page.getByRole("table", { name: /Required level of each competency/ });
  await expect(map.getByRole("columnheader", { name: "Position" })).toBeVisible();
  await expect(map.locator("tbody tr")).toHaveCount(positions);
  await expect(map.locator("tbody td:not(:empty)")).toHaveCount(tiles);
  // At 390 px the map scrolls inside its own box; the page does not overflow.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the dashboard, the comparison and the heat map have no serious accessibility violations, in English and Hindi", async ({ page }) => {
  test.setTimeout(180_000);
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  const scan = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  };
  await signIn(page, "reviewer@frac.test");
  for (const lang of ["en", "hi"]) {
    await page.goto(`/cbc?lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await scan(`dashboard (${lang})`);
    await page.goto(`/compare?a=CBIC&b=MOHFW&lang=${lang}`);
    await scan(`compare (${lang})`);
    await page.goto(`/frameworks/MOHFW/heatmap?lang=${lang}`);
    await page.locator(".heat-table-toggle summary").click();
    await expect(page.locator("table.heatmap")).toBeVisible();
    await scan(`heat map (${lang})`);
  }
});
