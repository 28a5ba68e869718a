/**
 * Screenshots of every page in Hindi (and English for comparison) at 1366 and 390 px, for a person
 * to look at: clipped or boxed Devanagari, text over text, sideways scrolling. Also prints each
 * page that scrolls sideways. The PNGs go to SHOTS_DIR (default /tmp/shots-hindi-pages), never
 * into the repository.
 *
 * Run against a demo server (the e2e one is the simplest):
 *   npx remix build && node scripts/build-node.mjs
 *   PORT=4231 FRAC_DEMO=1 DATABASE_URL=file:tests/.tmp/shots/frac.db SESSION_SECRET= node --import tsx tests/e2e/support/server.ts &
 *   BASE_URL=http://127.0.0.1:4231 npx tsx scripts/hindi-screenshots.ts [--lang hi|en|both] [--only name,name]
 */
import fs from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { ACCOUNT_EMAIL, PAGES, type Account } from "../tests/e2e/support/pages";

const base = process.env.BASE_URL ?? "http://127.0.0.1:4231";
const dir = process.env.SHOTS_DIR ?? "/tmp/shots-hindi-pages";
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const langs = arg("--lang") === "both" ? ["hi", "en"] : [arg("--lang") ?? "hi"];
const only = arg("--only")?.split(",");
const WIDTHS = [1366, 390];

async function signedIn(browser: Browser, account: Account, width: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width, height: width > 500 ? 900 : 844 } });
  const page = await context.newPage();
  if (account === "signed-out") return page;
  await page.goto("/login");
  await page.locator("#email").fill(ACCOUNT_EMAIL[account]);
  await page.locator("#password").fill("karmayogi-demo");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
fs.mkdirSync(dir, { recursive: true });
const overflowing: string[] = [];
const failed: string[] = [];
try {
  for (const width of WIDTHS) {
    for (const account of [...new Set(PAGES.map((p) => p.as))]) {
      const visits = PAGES.filter((p) => p.as === account && (!only || only.includes(p.name)));
      if (visits.length === 0) continue;
      const page = await signedIn(browser, account, width);
      for (const lang of langs) {
        for (const visit of visits) {
          await page.goto(`${visit.path}${visit.path.includes("?") ? "&" : "?"}lang=${lang}`);
          await page.locator("h1").first().waitFor();
          // why: web fonts swap in after load; a shot before that shows the fallback font.
          await page.evaluate(() => document.fonts.ready);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
          if (scrollWidth > innerWidth) overflowing.push(`${visit.path} (${lang}, ${width} px): ${scrollWidth} px wide`);
          // why a long timeout and carrying on: a full-page shot of a long outline is slow on a busy machine; one slow page should not lose the rest.
          await page.screenshot({ path: `${dir}/${visit.name}-${lang}-${width}.png`, fullPage: true, timeout: 120_000 }).catch((e: Error) => failed.push(`${visit.path} (${lang}, ${width} px): ${e.message.split("\n")[0]}`));
        }
      }
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
console.log(`Screenshots in ${dir}.`);
if (failed.length) console.log(`Not photographed:\n${failed.join("\n")}`);
console.log(overflowing.length ? `Pages that scroll sideways:\n${overflowing.join("\n")}` : "No page scrolls sideways.");
