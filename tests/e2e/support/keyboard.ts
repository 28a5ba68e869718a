/** Helpers for tests that use the keyboard only: no mouse, no locator.click(). */
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as someone reading the page by
 * keyboard would; fails naming where the focus ended up.
 */
export async function tabTo(target: Locator, { back = false, max = 120 }: { back?: boolean; max?: number } = {}): Promise<void> {
  const page = target.page();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await target.evaluateAll((els) => els.some((el) => el === document.activeElement))) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} did not reach ${target.toString()}; the focus is on ${at}`);
}

/** The focused element (or, for a canvas node, its face) shows a focus outline. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return "none";
    const face = el.classList.contains("react-flow__node") ? (el.querySelector(".fnode") ?? el) : el;
    const style = getComputedStyle(face);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline, "the focused element's outline").not.toMatch(/^none|^\S+ 0px$/);
}

/** Signs in through the login form by keyboard; a one-time password leads to choosing one's own, by keyboard too. */
export async function keyboardSignIn(page: Page, email: string, password: string, ownPassword = "tamarind monsoon ledger"): Promise<void> {
  await page.goto("/login");
  await tabTo(page.getByLabel("Email"));
  await page.keyboard.type(email);
  await tabTo(page.getByLabel("Password", { exact: true }));
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  if (new URL(page.url()).pathname !== "/account/password") return;
  await tabTo(page.getByLabel("One-time password"));
  await page.keyboard.type(password);
  await tabTo(page.getByLabel("New password", { exact: true }));
  await page.keyboard.type(ownPassword);
  await tabTo(page.getByLabel("Repeat the new password"));
  await page.keyboard.type(ownPassword);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/account/password"));
}
