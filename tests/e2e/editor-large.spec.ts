import { BIG_FRAMEWORK_CODE, createAuthor } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";

test("a large imported draft is usable while it is laid out, and the canvas holds the part around the view", async ({ page }) => {
  test.setTimeout(90_000);
  const { email, password } = createAuthor(BIG_FRAMEWORK_CODE);
  await signIn(page, email, password);
  await page.goto(`/frameworks/${BIG_FRAMEWORK_CODE}/edit`);
  const editor = page.locator(".editor");
  await expect(editor).toHaveAttribute("data-nodes", /^\d{4}$/);
  const total = Number(await editor.getAttribute("data-nodes"));
  expect(total).toBeGreaterThan(1_900);
  await expect(page.getByRole("status").filter({ hasText: "the canvas shows the part around the view" })).toBeVisible();

  // The first position answers a click before the automatic layout is done.
  await page.locator(".react-flow__node-position").first().click();
  await expect(page.getByRole("heading", { name: "Position 1 (पद 1)", level: 2 })).toBeVisible();
  await expect(editor).toHaveAttribute("data-layout", "done", { timeout: 60_000 });

  const nodesDrawn = await page.locator(".react-flow__node").count();
  const edgesDrawn = await page.locator(".react-flow__edge").count();
  expect(nodesDrawn).toBeGreaterThan(0);
  expect(nodesDrawn).toBeLessThan(total / 4);
  expect(edgesDrawn).toBeGreaterThan(0);
  expect(edgesDrawn).toBeLessThan(1_000);

  // A node found by name is centred with all its links, even those to competencies far up the canvas.
  const find = page.getByRole("combobox", { name: "Find" });
  await find.fill("Activity 140.2.5");
  await page.getByRole("option", { name: /Activity 140\.2\.5/ }).first().click();
  await expect(page.getByRole("heading", { name: "Activity 140.2.5", level: 2 })).toBeVisible();
  await expect(page.locator('.react-flow__edge[aria-label^="Activity 140.2.5 → "]')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge[aria-label$=" → Activity 140.2.5"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[aria-label^="Activity 140.2.5 → "]').first()).toHaveAttribute("aria-label", /, level [1-5]$/);

  // Fitting shows the whole framework, not just the part React Flow holds.
  await page.getByRole("button", { name: "Fit the whole framework" }).click();
  await expect
    .poll(() => page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a))
    .toBeLessThan(0.2);
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 30_000 });
});
