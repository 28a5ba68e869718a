/**
 * axe on every page, in English and in Hindi: no serious or critical WCAG 2.1 A/AA violation.
 * One signed-in page per account (sign-in costs more than a scan), small ministries, and the
 * pages listed once in support/pages.ts so that a new page is scanned by adding one line there.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ACCOUNT_EMAIL, PAGES, type Account } from "./support/pages";
import { expect as baseExpect, signIn, test } from "./support/fixtures";

// why longer waits: axe on a page of several hundred elements takes seconds on a shared machine.
const expect = baseExpect.configure({ timeout: 20_000 });

const withLang = (path: string, lang: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

/** The serious and critical violations on the page, one line each. */
async function violations(page: Page, what: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

const accounts = [...new Set(PAGES.map((p) => p.as))];

for (const account of accounts) {
  for (const lang of ["en", "hi"]) {
    const who = account === "signed-out" ? "a signed-out visitor" : `the ${account}`;
    test(`every page ${who} opens has no serious accessibility violation (${lang})`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.setViewportSize({ width: 1366, height: 900 });
      if (account !== "signed-out") await signIn(page, ACCOUNT_EMAIL[account as Exclude<Account, "signed-out">]);
      const found: string[] = [];
      for (const visit of PAGES.filter((p) => p.as === account)) {
        await page.goto(withLang(visit.path, lang));
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("h1").first()).toBeVisible();
        found.push(...(await violations(page, `${visit.path} (${lang})`)));
      }
      expect(found).toEqual([]);
    });
  }
}
