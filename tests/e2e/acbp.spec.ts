import ExcelJS from "exceljs";
import type { Locator, Page } from "@playwright/test";
import { currentFinancialYear, financialYearLabel } from "@schemas/acbp";
import { ACBP_HEADER_ROW } from "@export/acbp-xlsx";
import { expect, signIn, test } from "./support/fixtures";

const FY = financialYearLabel(currentFinancialYear());
const rows = (page: Page) => page.locator(".acbp-table tbody tr");

/** Fills one row's choices through its labelled fields. */
async function plan(row: Locator, { lens, mode, officials, quarter }: { lens: string; mode: string; officials: string; quarter: string }) {
  await row.getByLabel(lens).check();
  await row.getByLabel(/^Mode \(70-20-10\):/u).selectOption({ label: mode });
  await row.getByLabel(/^Officials to reach:/u).fill(officials);
  await row.getByLabel(/^Quarter:/u).selectOption({ label: quarter });
}

test("an author fills in two rows of CBIC's ACBP, saves, and downloads the workbook", async ({ page }) => {
  // why a long timeout: the page holds every competency level of CBIC's demand (about a hundred rows of fields).
  test.setTimeout(180_000);
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC");
  await expect(page.getByRole("link", { name: "Capacity building plan (ACBP)" })).toHaveAttribute("href", "/frameworks/CBIC/acbp");
  await page.goto("/frameworks/CBIC/acbp");
  await expect(page.getByRole("heading", { level: 1, name: /^Annual Capacity Building Plan: Central Board of Indirect Taxes/u })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel(/^Financial year/u)).toHaveValue(String(currentFinancialYear()));
  await expect(page.getByText(/Not saved yet/u)).toBeVisible();

  const first = rows(page).nth(0);
  const second = rows(page).nth(1);
  const firstName = (await first.getByRole("rowheader").innerText()).split(" · ")[0];
  const secondName = (await second.getByRole("rowheader").innerText()).split(" · ")[0];
  await plan(first, { lens: "National priorities", mode: "Formal course (10)", officials: "40", quarter: "Q2 (Jul–Sep)" });
  await first.getByLabel("Emerging technology").check();
  await plan(second, { lens: "Citizen centricity", mode: "On the job (70)", officials: "15", quarter: "Q4 (Jan–Mar)" });
  await page.getByRole("button", { name: `Save the plan for ${FY}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved the plan for ${FY}.` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Drawn from version \d+ of the framework, published .+ Saved .+ by /u)).toBeVisible();
  await expect(rows(page).nth(0).getByLabel("National priorities")).toBeChecked();
  await expect(rows(page).nth(1).getByLabel(/^Mode \(70-20-10\):/u)).toHaveValue("on_the_job");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the plan (Excel)" }).click();
  expect((await download).suggestedFilename()).toBe(`CBIC-ACBP-${FY}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await (await download).path())!);
  const sheet = workbook.worksheets[0];
  const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  expect(sheet.getCell(1, 1).value).toBe(`Annual Capacity Building Plan ${FY}`);
  expect(cells(ACBP_HEADER_ROW + 1)).toEqual([1, firstName, expect.anything(), expect.any(String), expect.any(Number), expect.any(String), expect.any(Number), expect.any(Number), expect.any(Number), "Yes", "", "Yes", "Formal course (10)", 40, "Q2 (Jul–Sep)"]);
  expect(cells(ACBP_HEADER_ROW + 2)).toEqual([2, secondName, expect.anything(), expect.any(String), expect.any(Number), expect.any(String), expect.any(Number), expect.any(Number), expect.any(Number), "", "Yes", "", "On the job (70)", 15, "Q4 (Jan–Mar)"]);
});

test("the plan can be read and a year picked without JavaScript, and a viewer sees it without fields", async ({ newContext }) => {
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "viewer@frac.test");
  await page.goto("/frameworks/CBIC/acbp");
  await page.getByLabel(/^Financial year/u).selectOption(String(currentFinancialYear() + 1));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/frameworks/CBIC/acbp\\?year=${currentFinancialYear() + 1}$`, "u"));
  await expect(page.getByText("You can read this plan; the ministry's authors change it.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Save the plan/u })).toHaveCount(0);
  await expect(rows(page).first().getByRole("checkbox")).toHaveCount(0);
});
