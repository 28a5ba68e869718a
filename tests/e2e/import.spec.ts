import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import { createAuthor } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";

const FIXTURE = path.resolve("tests/fixtures/import/cbic-flat-utf8-bom.csv");
const HEADER = "Position,Role,Activity,Competency,Competency type,Required level";

test("an author previews a spreadsheet, applies it, and the framework shows it", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await page.goto("/frameworks/MOF/import");
  await expect(page.getByRole("heading", { name: /Import into Ministry of Finance/ })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(FIXTURE);
  await expect(page.getByText("Flat layout (one row per chain)")).toBeVisible();
  const counts = page.getByRole("table", { name: "What the import would do" });
  await expect(counts.getByRole("row", { name: /Positions/ })).toContainText("2");
  await expect(page.getByRole("table", { name: "The first rows, as they will be read" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`)).toEqual([]);

  await page.getByRole("button", { name: "Apply the import" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Imported cbic-flat-utf8-bom\.csv: created \d+/ })).toBeVisible();
  await page.getByRole("link", { name: "Open the framework" }).click();
  await expect(page.locator("section.outline-position", { hasText: "Examiner" })).toBeVisible();
});

test("a file with an unknown competency shows row-numbered findings with suggestions and cannot be applied", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await page.goto("/frameworks/MOF/import");
  const csv = `${HEADER}\r\nUnder Secretary,Budget preparation,Consolidate demands,Financial Managment,Functional,3\r\nUnder Secretary,Budget preparation,Consolidate demands,Customs valuation,Domain,9\r\n`;
  await page.locator('input[type="file"]').setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  const findings = page.getByRole("heading", { name: /Findings: 2 errors/ });
  await expect(findings).toBeVisible();
  const table = page.locator("table.findings-table");
  await expect(table.getByRole("row").filter({ hasText: "Financial Managment" })).toContainText('Did you mean "Financial Management"');
  await expect(table.getByRole("row").filter({ hasText: "Required level" })).toContainText("3");
  await expect(page.getByRole("button", { name: "Apply the import" })).toHaveCount(0);
  await expect(page.getByText("The file has errors, so it cannot be applied.")).toBeVisible();
});

test("a viewer cannot open the import page (403) and another ministry's author gets 404", async ({ page }) => {
  await signIn(page, "viewer@frac.test");
  expect((await page.goto("/frameworks/CBIC/import"))?.status()).toBe(403);
  await page.context().clearCookies();
  await signIn(page, "other-author@frac.test");
  expect((await page.goto("/frameworks/CBIC/import"))?.status()).toBe(404);
});
