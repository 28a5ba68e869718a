import type { Page } from "@playwright/test";
import { createAuthor } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 10_000 });

// why MOHFW: the editor tests lay out MOF and drag between its nodes; more nodes there would move them under the minimap.
test("an author sets a position's sanctioned posts and rates a requirement, and both are there after a reload", async ({ page }) => {
  const { email, password } = createAuthor("MOHFW");
  await signIn(page, email, password);
  await page.goto("/frameworks/MOHFW/edit");
  await expect(page.getByRole("toolbar", { name: "Editor tools" })).toBeVisible();

  const add = async (name: string, text: string, option?: RegExp) => {
    const box = page.getByRole("combobox", { name });
    await box.fill(text);
    if (option) await page.getByRole("option", { name: option }).first().click();
    else await box.press("Enter");
  };
  await add("Add position", "Assistant Section Officer");
  const posts = page.getByLabel("Sanctioned posts");
  await posts.fill("-4");
  await page.getByRole("button", { name: "Apply changes" }).click();
  await expect(page.getByText("Sanctioned posts cannot be negative.")).toBeVisible();
  await expect(posts).toHaveAttribute("aria-invalid", "true");
  await posts.fill("120");
  await page.getByRole("button", { name: "Apply changes" }).click();

  await add("Add role to this position", "Dak handling");
  await page.locator(".side-panel").getByRole("button", { name: "Dak handling", exact: true }).click();
  await add("Require a competency", "Active Listening", /^Active Listening Behavioural/);
  // The new requirement is selected: the link's panel offers its importance beside its level.
  const importance = page.getByRole("combobox", { name: "Importance", exact: true });
  await expect(importance).toHaveValue("");
  await importance.selectOption("essential");
  await saved(page);

  await page.reload();
  await expect(page.getByRole("toolbar", { name: "Editor tools" })).toBeVisible();
  await page.locator(".react-flow__node", { hasText: "Dak handling" }).click();
  await expect(page.getByRole("combobox", { name: "Importance of Active Listening" })).toHaveValue("essential");
  await page.locator(".react-flow__node", { hasText: "Assistant Section Officer" }).click();
  await expect(page.getByLabel("Sanctioned posts")).toHaveValue("120");
});
