import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

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

type Watched = {
  /** Console errors, uncaught page errors and Content-Security-Policy violations seen so far. */
  consoleErrors: string[];
  /** A second browser context (another person), watched like the first and closed after the test. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
};

// A browser console error, an uncaught page error or a CSP violation, in any page of any context
// the test opens (or in a page's Web Worker), fails the test that caused it.
export const test = base.extend<Watched>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      await watchContext(context, errors);
      await use(errors);
      expect(errors, "console errors and CSP violations during the test").toEqual([]);
    },
    { auto: true },
  ],
  // why not `use`: the React hooks lint rule takes any `use(...)` call for a hook.
  newContext: async ({ browser, baseURL, consoleErrors }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (options) => {
      const context = await browser.newContext({ baseURL, ...options });
      await watchContext(context, consoleErrors);
      opened.push(context);
      return context;
    });
    await Promise.all(opened.map((c) => c.close()));
  },
});

async function watchContext(context: BrowserContext, errors: string[]): Promise<void> {
  // why: Chromium logs a blocked script or style as a console error, but a violation the page
  // reports only through the event (or one in a report-only policy) would otherwise go unseen.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const watchPage = (page: Page) => {
    page.on("console", (msg) => {
      if (msg.type() === "error" && !expectedConsoleError(msg.text())) errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(err.message));
    page.on("worker", (worker) =>
      worker.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`worker ${worker.url()}: ${msg.text()}`);
      }),
    );
  };
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
}

// why: the browser logs every 4xx response a test provokes on purpose as a console error.
function expectedConsoleError(text: string): boolean {
  return /Failed to load resource: the server responded with a status of (401|403|404|409|413|400)/.test(text);
}

export { expect };
