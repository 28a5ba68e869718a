import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import type { FracDocument } from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";
import { toXlsxBuffer } from "../../export/index";
import { makeActivity, makeCompetency, makeLink, makePosition, makeRole } from "../unit/schemas/doc-factory";
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
  // The position's own section (a later position holding one of its roles links back to it by name).
  await expect(page.getByRole("region", { name: /^Position Examiner\b/u })).toBeVisible();
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

test("a sheet with its own headers is mapped to the fields, previewed and applied with that mapping", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await page.goto("/frameworks/MOF/import");
  const csv = "Designation name,Job role,Task,Skill,Skill kind,Proficiency needed\r\nUnder Secretary,Budget preparation,Consolidate demands for grants,Financial Management,Functional,3\r\n";
  await page.locator('input[type="file"]').setInputFiles({ name: "own-headers.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByText("Not recognised: map the columns below")).toBeVisible();
  const fields = { "Designation name": "Position", "Job role": "Role", Task: "Activity", Skill: "Competency", "Skill kind": "Competency type", "Proficiency needed": "Required level" };
  for (const [header, field] of Object.entries(fields)) await page.getByLabel(`Column “${header}”`).selectOption({ label: field });
  await page.getByRole("button", { name: "Preview with this mapping" }).click();
  await expect(page.getByText("Flat layout (one row per chain)")).toBeVisible();
  await page.getByRole("button", { name: "Apply the import" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Imported own-headers\.csv: created \d+/ })).toBeVisible();
});

test("markup in a name is shown as text in the preview and in the framework, never run", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/frameworks/MOF/import");
  const name = `<script>alert("xss")</script><img src=x onerror="alert('img')"> Section Officer`;
  const csv = `${HEADER}\r\n"${name.replaceAll('"', '""')}",Budget preparation,Consolidate demands,Financial Management,Functional,3\r\n`;
  await page.locator('input[type="file"]').setInputFiles({ name: "markup.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await expect(page.getByRole("table", { name: "The first rows, as they will be read" }).getByRole("cell", { name, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Apply the import" }).click();
  await page.getByRole("link", { name: "Open the framework" }).click();
  await expect(page.locator("section.outline-position", { hasText: name })).toBeVisible();
  expect(await page.locator("section.outline-position img").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("a file that cannot be read says what it is and how to save it, and offers nothing to apply", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await page.goto("/frameworks/MOF/import");
  await page.locator('input[type="file"]').setInputFiles(path.resolve("tests/fixtures/import/cbic-messy.ods"));
  await expect(page.getByRole("alert")).toHaveText(/This is an OpenDocument spreadsheet \(\.ods\).*save it as \.xlsx or CSV UTF-8/);
  await expect(page.getByRole("button", { name: "Apply the import" })).toHaveCount(0);
});

test("rows whose Competency type contradicts the dictionary are fixed in one click, then applied", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await page.goto("/frameworks/MOF/import");
  await page.locator('input[type="file"]').setInputFiles(path.resolve("tests/fixtures/onet/onet-public-service-domain-types.csv"));
  await expect(page.getByRole("heading", { name: /Findings: 42 errors, 2 warnings/ })).toBeVisible();
  const table = page.locator("table.findings-table");
  await expect(table.getByRole("row").filter({ hasText: "Active Listening" }).first()).toContainText("write Behavioural in Competency type");
  await expect(page.getByRole("button", { name: "Apply the import" })).toHaveCount(0);

  await page.getByRole("button", { name: "Take the dictionary’s type for all 42 rows" }).click();
  await expect(page.getByRole("heading", { name: /Findings: 0 errors, 3 warnings/ })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "taken as Behavioural" })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Competency types that differ from the dictionary" })).toHaveCount(0);
  await page.getByRole("button", { name: "Apply the import" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Imported onet-public-service-domain-types\.csv: created \d+/ })).toBeVisible();
});

test("FRAC Studio's own Excel export is recognised, previewed without a sheet choice and applied", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  const position = makePosition({ name: "Deputy Secretary (Workbook)" });
  const role = makeRole({ name: "Budget scrutiny" });
  const activity = makeActivity({ name: "Scrutinise supplementary demands" });
  const competency = makeCompetency({ name: "Supplementary demand scrutiny", competencyType: "Domain", mdoCode: "MOF", scale: defaultScale(5) });
  const doc: FracDocument = {
    schemaVersion: "1.0",
    mdo: { code: "MOF", name: "Ministry of Finance" },
    version: null,
    status: "DRAFT",
    nodes: [position, role, activity, competency],
    links: [makeLink(position, role), makeLink(role, activity), makeLink(activity, competency, { level: 2 })],
  };
  await page.goto("/frameworks/MOF/import");
  await page.locator('input[type="file"]').setInputFiles({ name: "MOF-draft.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await toXlsxBuffer(doc) });
  await expect(page.getByText("FRAC Studio Excel export (a sheet per kind)")).toBeVisible();
  await expect(page.getByLabel("Worksheet")).toHaveCount(0);
  await page.getByRole("button", { name: "Apply the import" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Imported MOF-draft\.xlsx: created \d+/ })).toBeVisible();
  await page.getByRole("link", { name: "Open the framework" }).click();
  await expect(page.locator("section.outline-position", { hasText: "Deputy Secretary (Workbook)" })).toBeVisible();
});
