import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { createAuthor } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";

async function openEditor(page: Page, code: string) {
  await page.goto(`/frameworks/${code}/edit`);
  await expect(page.getByRole("toolbar", { name: "Editor tools" })).toBeVisible();
}

async function comboAdd(page: Page, name: string | RegExp, text: string, option?: RegExp) {
  const box = page.getByRole("combobox", { name });
  await box.fill(text);
  if (option) await page.getByRole("option", { name: option }).first().click();
  else await box.press("Enter");
}

/** The element's box once the canvas has stopped moving (fitting a view is animated). */
async function stableBox(locator: Locator) {
  let last = await locator.boundingBox();
  for (let i = 0; i < 40; i++) {
    await locator.page().waitForTimeout(100);
    const next = await locator.boundingBox();
    if (last && next && Math.abs(next.x - last.x) < 0.5 && Math.abs(next.y - last.y) < 0.5) return next;
    last = next;
  }
  return last;
}

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 10_000 });

test("an author builds a small framework from an empty draft, and it is all there after a reload", async ({ page }) => {
  const { email, password } = createAuthor("DOR");
  await signIn(page, email, password);
  await openEditor(page, "DOR");

  await comboAdd(page, "Add position", "Under Secretary, Budget Division");
  await expect(page.getByRole("heading", { name: "Under Secretary, Budget Division", level: 2 })).toBeVisible();
  await comboAdd(page, "Add role to this position", "Budget preparation");
  await page.locator(".side-panel").getByRole("button", { name: "Budget preparation", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Budget preparation", level: 2 })).toBeVisible();
  await comboAdd(page, "Add activity to this role", "Consolidate demands for grants");
  await page.locator(".side-panel").getByRole("button", { name: "Consolidate demands for grants", exact: true }).click();
  await comboAdd(page, "Require a competency", "Financial Management", /^Financial Management Functional(?! ·)/);
  await expect(page.getByRole("status").filter({ hasText: "is now required at level 3" })).toBeVisible();
  await saved(page);

  await page.reload();
  await expect(page.getByRole("toolbar", { name: "Editor tools" })).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await page.goto("/frameworks/DOR");
  const position = page.locator("section.outline-position", { hasText: "Under Secretary, Budget Division" });
  await expect(position.getByText("Budget preparation")).toBeVisible();
  await expect(position.getByText("Consolidate demands for grants")).toBeVisible();
  await expect(position.locator("li.req", { hasText: "Financial Management" })).toContainText("Level 3 · Advanced");
});

test("a connection the model does not allow is refused with a reason", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await openEditor(page, "MOF");
  await comboAdd(page, "Add position", "Director (Connections)");
  await comboAdd(page, "Add role to this position", "Planning cell");
  await comboAdd(page, "Add role to this position", "Audit cell");
  await saved(page);
  await page.getByRole("button", { name: "Fit the whole framework" }).click();
  const planning = page.locator(".react-flow__node-role", { hasText: "Planning cell" });
  const audit = page.locator(".react-flow__node-role", { hasText: "Audit cell" });
  await expect(audit).toBeVisible();
  const from = await stableBox(planning.locator(".react-flow__handle.source"));
  const to = await stableBox(audit.locator(".react-flow__handle.target"));
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByRole("status").filter({ hasText: "Not linked: A role can be linked to activities and competencies, not to a role." })).toBeVisible();
});

test("undo and redo with the keyboard", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await openEditor(page, "MOF");
  await comboAdd(page, "Add position", "Joint Secretary, Budget");
  await comboAdd(page, "Add role to this position", "Expenditure control");
  const role = page.locator(".react-flow__node-role", { hasText: "Expenditure control" });
  await expect(role).toHaveCount(1);
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await expect(role).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(role).toHaveCount(1);
  await saved(page);
});

test("a save based on a stale revision gets the conflict message, and nothing is lost silently", async ({ newContext }) => {
  const { email, password } = createAuthor("MOHFW");
  const a = await (await newContext()).newPage();
  await signIn(a, email, password);
  await openEditor(a, "MOHFW");
  const bContext = await newContext();
  const b2 = await bContext.newPage();
  await signIn(b2, "other-author@frac.test");
  await openEditor(b2, "MOHFW");

  await comboAdd(a, "Add position", "Director, National Health Mission");
  await saved(a);
  await comboAdd(b2, "Add position", "Deputy Secretary, Medical Education");
  await expect(b2.getByRole("alert")).toContainText("Not saved: this draft was changed elsewhere.");
  await expect(b2.getByRole("button", { name: "Reload the draft" })).toBeVisible();
});

test("keyboard only: add a position, find it and add a role to it", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await openEditor(page, "MOF");
  await page.getByRole("combobox", { name: "Add position" }).focus();
  await page.keyboard.type("Section Officer, Coordination");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  const find = page.getByRole("combobox", { name: "Find" });
  await find.focus();
  await page.keyboard.type("Section Officer, Coord");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Section Officer, Coordination", level: 2 })).toBeVisible();
  await page.getByRole("combobox", { name: "Add role to this position" }).focus();
  await page.keyboard.type("Facilitation desk duty");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Added role “Facilitation desk duty”." })).toBeVisible();
  await saved(page);
});

test("node text with HTML is shown as text, and the editor has no serious accessibility violations", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await openEditor(page, "MOF");
  await comboAdd(page, "Add position", "<img src=x onerror=alert(1)> Inspector");
  await expect(page.getByRole("heading", { name: "<img src=x onerror=alert(1)> Inspector", level: 2 })).toBeVisible();
  await expect(page.locator(".react-flow__node img")).toHaveCount(0);
  await saved(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("the competency picker reads a KCM code or a name as the import does, and offers no Domain twin for it", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await signIn(page, email, password);
  await openEditor(page, "MOF");
  await comboAdd(page, "Add position", "Deputy Secretary, Accounts");
  await comboAdd(page, "Add role to this position", "Accounts oversight");
  await page.locator(".side-panel").getByRole("button", { name: "Accounts oversight", exact: true }).click();
  const box = page.getByRole("combobox", { name: "Require a competency" });
  await box.fill("fun-071");
  const options = page.getByRole("listbox").getByRole("option");
  await expect(options.first()).toHaveAccessibleName(/^Financial Management Functional · Financial Management · FUN-071/);
  await expect(options.filter({ hasText: "Create Domain competency" })).toHaveCount(0);
  await box.fill("  self-AWARENESS ");
  await expect(options.first()).toHaveAccessibleName(/^Self-Awareness Behavioural(?! ·)/);
  await expect(options.filter({ hasText: "Create Domain competency" })).toHaveCount(0);
  await box.fill("fun-071");
  await box.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "“Financial Management” is now required at level 3" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Accounts oversight → Financial Management", level: 2 })).toBeVisible();
  // The sub-theme the code names, not the theme of the same name.
  const node = page.locator(".react-flow__node-competency", { hasText: "Financial Management" });
  await page.getByRole("button", { name: "Re-layout" }).click();
  await stableBox(node);
  // why toPass: a click that lands while React Flow is still settling the re-layout selects nothing (seen once in CI).
  await expect(async () => {
    await node.click();
    await expect(page.locator(".competency-facts")).toContainText("KCM code FUN-071", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});
