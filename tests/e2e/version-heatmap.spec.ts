import type { Locator } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";

/** Every drawn tile as "row,column,level" (from its place in the grid) and every tile's tooltip, sorted. */
async function tilesOfChart(section: Locator) {
  return section.locator(".heat-cells").evaluate((svg) => {
    const cells: string[] = [];
    const titles: string[] = [];
    for (const g of Array.from(svg.querySelectorAll("g.heat-level"))) {
      const level = /heat-(\d)/.exec(g.getAttribute("class") ?? "")![1];
      for (const rect of Array.from(g.querySelectorAll("rect"))) {
        // Tiles are 24 px apart, each starting after a 2 px gap.
        const column = (Number(rect.getAttribute("x")) - 2) / 24;
        const row = (Number(rect.getAttribute("y")) - 2) / 24;
        cells.push(`${row},${column},${level}`);
        titles.push(rect.querySelector("title")?.textContent ?? "");
      }
    }
    return { cells: cells.sort(), titles: titles.sort() };
  });
}

/** The same from the table alternative: each filled cell's place and level, and "position, competency: level N". */
async function cellsOfTable(section: Locator) {
  return section.locator("table.heatmap").evaluate((table) => {
    const names = Array.from(table.querySelectorAll("thead th")).slice(1).map((th) => th.textContent ?? "");
    const cells: string[] = [];
    const titles: string[] = [];
    Array.from(table.querySelectorAll("tbody tr")).forEach((tr, row) => {
      const position = tr.querySelector("th")?.textContent ?? "";
      Array.from(tr.querySelectorAll("td")).forEach((td, column) => {
        if (!td.textContent) return;
        cells.push(`${row},${column},${Math.min(5, Number(td.textContent))}`);
        titles.push(`${position}, ${names[column]}: level ${td.textContent}`);
      });
    });
    return { cells: cells.sort(), titles: titles.sort() };
  });
}

test("a published version's page draws its heat map as a chart with one tile per requirement, the table behind a toggle, and scrolls in its box at 390 px", async ({ page }) => {
  // why longer: a page of about a thousand cells, on a machine shared by several test runs.
  test.setTimeout(90_000);
  // Another ministry's author: a published version is for every signed-in user.
  await signIn(page, "other-author@frac.test");
  await page.goto("/frameworks/CBIC/versions/1");
  const section = page.getByRole("region", { name: "Heat map of required levels" });
  await expect(section).toBeVisible();

  // The chart is one picture, summarised in its label: the demo's CBIC has 15 positions.
  const chart = section.getByRole("img", { name: /^Heat map of 15 positions × \d+ competencies: \d+ required levels \(level 1: \d+, / });
  await expect(chart).toBeVisible();
  const label = (await chart.getAttribute("aria-label")) ?? "";
  const [, competencies, requirements] = /15 positions × (\d+) competencies: (\d+) required levels/.exec(label)!;

  // One tile per (position, competency) requirement, in the place and colour of the table's cell.
  const chartTiles = await tilesOfChart(section);
  const tableCells = await cellsOfTable(section);
  expect(chartTiles.cells.length).toBeGreaterThan(15);
  expect(chartTiles.cells).toEqual(tableCells.cells);
  expect(chartTiles.titles).toEqual(tableCells.titles);
  expect(chartTiles.cells).toHaveLength(Number(requirements));
  // A name per row and per column, the whole name in its tooltip.
  await expect(section.locator(".heat-rows text")).toHaveCount(15);
  await expect(section.locator(".heat-columns text")).toHaveCount(Number(competencies));
  await expect(section.locator(".heat-rows text").first().locator("title")).toHaveText("Chief Commissioner मुख्य आयुक्त");

  // The table alternative is one click away, for everyone.
  const table = section.getByRole("table", { name: /Required level of each competency/ });
  await expect(table).toBeHidden();
  await section.getByText("Show as a table").click();
  await expect(table.locator("tbody tr")).toHaveCount(15);
  await expect(table.getByRole("rowheader", { name: "Chief Commissioner" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const box = section.getByRole("region", { name: /Heat map chart: scroll inside this box/ });
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // Scrolled sideways, the position names stay at the box's left edge.
  await box.evaluate((el) => el.scrollTo({ left: 600 }));
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(500);
  const [boxLeft, namesLeft] = await box.evaluate((el) => [el.getBoundingClientRect().left, el.querySelector(".heat-rows")!.getBoundingClientRect().left]);
  expect(Math.abs(namesLeft! - boxLeft!)).toBeLessThanOrEqual(2);

  await section.getByRole("link", { name: /Open the heat map on its own page/ }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/heatmap\?version=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Heat map of required levels" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Heat map of 15 positions/ })).toBeVisible();
  await page.getByRole("link", { name: /Back to version 1/ }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/versions\/1$/);
  await expect(page.getByRole("link", { name: "Heat map", exact: true })).toHaveAttribute("href", "/frameworks/CBIC/heatmap?version=1");

  // In Hindi the rows and columns carry the Hindi names the authors wrote, in the chart and in the table.
  await page.goto("/frameworks/CBIC/versions/1?lang=hi");
  const hindi = page.getByRole("region", { name: "अपेक्षित स्तरों का हीट मैप" });
  await expect(hindi.getByRole("img", { name: /^15 पद × \d+ दक्षताओं का हीट मैप/ })).toBeVisible();
  await expect(hindi.locator(".heat-rows text").first()).toHaveAttribute("lang", "hi");
  await expect(hindi.locator(".heat-rows text").first()).toContainText("मुख्य आयुक्त");
  await hindi.getByText("तालिका के रूप में दिखाएँ").click();
  await expect(hindi.getByRole("rowheader", { name: "मुख्य आयुक्त" })).toBeVisible();
});

// The whole version page is scanned by a11y-every-page.spec.ts; this scans the heat map alone, quickly,
// with its table open so that both are scanned.
test("the version page's heat map has no serious accessibility violations, in English and Hindi", async ({ page }) => {
  test.setTimeout(120_000);
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  await signIn(page, "reviewer@frac.test");
  for (const lang of ["en", "hi"]) {
    await page.goto(`/frameworks/CBIC/versions/1?lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await page.locator(".heat-table-toggle summary").click();
    await expect(page.locator(".version-heatmap table.heatmap")).toBeVisible();
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
