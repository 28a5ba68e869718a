import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import { expect, signIn, test } from "./support/fixtures";

const PACKAGE = path.resolve("tests/fixtures/case/multiscript-v1p1.json");
const OUTSIDE = "Outside the BMP: 𝐃𝐚𝐭𝐚 literacy 📊, Gothic 𐍈, CJK 𠀀, Brahmi 𑀓𑀸";

test("a curator imports a CASE package on the dictionary page, maps an entry, and both pages show it", async ({ page }) => {
  // why: an import, a mapping and four page loads on a shared, busy machine.
  test.setTimeout(120_000);
  await signIn(page, "curator@frac.test");
  await page.goto("/dictionary");
  await page.getByLabel("CASE package (.json)").setInputFiles(PACKAGE);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const status = page.getByRole("status").filter({ hasText: "unchanged in" });
  await expect(status).toContainText(/Created 4, updated 0, 0 unchanged|Nothing changed, 4 unchanged/u);
  await status.getByRole("link", { name: /Multiscript test framework/u }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("बहुभाषी दक्षता ढाँचा · Multiscript test framework");
  await page.getByRole("link", { name: OUTSIDE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OUTSIDE);
  await page.getByLabel("This entry").selectOption("narrower");
  await page.getByLabel("KCM entry").selectOption({ label: "BEH-001 Self-Analysis (Behavioural)" });
  await page.getByRole("button", { name: "Map" }).click();
  const mapping = page.getByRole("listitem").filter({ hasText: "is narrower than" });
  await expect(mapping).toContainText("This entry is narrower than Self-Analysis");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await mapping.getByRole("link", { name: "Self-Analysis" }).click();
  await expect(page.getByRole("heading", { name: "In outside frameworks" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: OUTSIDE })).toContainText("is narrower than this entry");
});

test("an author sees outside frameworks but no upload and no mapping form", async ({ page }) => {
  await signIn(page, "author@frac.test");
  await page.goto("/dictionary/sources");
  await expect(page.getByRole("heading", { name: "Outside frameworks", level: 1 })).toBeVisible();
  await expect(page.getByLabel("CASE package (.json)")).toHaveCount(0);
});
