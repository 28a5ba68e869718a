import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "karmayogi-demo";

/** The password a test user chooses when a one-time password makes them pick their own. */
export const OWN_PASSWORD = "tamarind monsoon ledger";

/**
 * Signs in through the login form, as a person would. A new user's one-time password leads to
 * /account/password first; they choose OWN_PASSWORD there and go on.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  if (new URL(page.url()).pathname === "/account/password") await chooseOwnPassword(page, password);
}

/** Fills the change-password form that a one-time password leads to, and waits to be let through. */
export async function chooseOwnPassword(page: Page, oneTimePassword: string, newPassword = OWN_PASSWORD) {
  await page.getByLabel("One-time password").fill(oneTimePassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/account/password"));
}

// A browser console error or an uncaught page error fails the test that caused it.
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error" && !expectedConsoleError(msg.text())) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors during the test").toEqual([]);
    },
    { auto: true },
  ],
});

// why: the browser logs every 4xx response a test provokes on purpose as a console error.
function expectedConsoleError(text: string): boolean {
  return /Failed to load resource: the server responded with a status of (401|403|404|409|413|400)/.test(text);
}

export { expect };
