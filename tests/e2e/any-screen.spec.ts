import { createAuthor } from "./support/accounts";
import { expect as baseExpect, signIn, test } from "./support/fixtures";

// why longer waits: eight pages in both widths, each several hundred elements, on a shared CI machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

// The pages people read on a phone: none may scroll sideways at 390 px.
const PAGES = [
  { name: "home", path: "/" },
  { name: "outline", path: "/frameworks/CBIC" },
  { name: "list-editing", path: "/frameworks/CBIC/list" },
  { name: "dictionary", path: "/dictionary" },
  { name: "review", path: "/review" },
  { name: "versions", path: "/frameworks/CBIC/versions" },
  { name: "import", path: "/frameworks/CBIC/import" },
];

// why an opt-in folder: screenshots are for a person to look at, not files the repository keeps.
const shotsDir = process.env.SHOTS_DIR;

for (const width of [390, 1366]) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width, height: 844 });
    await signIn(page, "author@frac.test");
    for (const p of PAGES) {
      await page.goto(p.path);
      await expect(page.locator("h1").first()).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (shotsDir) await page.screenshot({ path: `${shotsDir}/${p.name}-${width}.png`, fullPage: false });
      expect.soft(scrollWidth, `${p.path} is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
    }
  });
}

test("on a narrow screen the header folds into a menu that Escape closes", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "author@frac.test");
  const menu = page.getByRole("navigation", { name: "Main" });
  const button = page.locator("summary.nav-menu-button");
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(menu.getByRole("link", { name: "Dictionary" })).toBeHidden();

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const dictionary = menu.getByRole("link", { name: "Dictionary" });
  await expect(dictionary).toBeVisible();
  // The whole link is inside the window, not cut off at its edge.
  const box = (await dictionary.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  if (shotsDir) await page.screenshot({ path: `${shotsDir}/menu-open-390.png` });

  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(dictionary).toBeHidden();
  await expect(button).toBeFocused();

  // Choosing a section goes there and folds the menu again.
  await page.keyboard.press("Enter");
  await dictionary.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dictionary$/);
  await expect(button).toHaveAttribute("aria-expanded", "false");
});

test("on a wide screen every section is in the header without a menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await signIn(page, "author@frac.test");
  await expect(page.locator("summary.nav-menu-button")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dictionary" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("without JavaScript the menu still opens", async ({ newContext }) => {
  const context = await newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, "author@frac.test");
  const dictionary = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dictionary" });
  await expect(dictionary).toBeHidden();
  await page.locator("summary.nav-menu-button").click();
  await expect(dictionary).toBeVisible();
});

test("the list editing page and the open menu have no serious accessibility violations, in English and Hindi", async ({ page }) => {
  test.setTimeout(120_000);
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  // why a scope for the menu: the page under it was scanned just before; the open menu is what changed.
  const scan = async (what: string, scope?: string) => {
    const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]);
    const results = await (scope ? builder.include(scope) : builder).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  };
  // why a ministry of its own: CBIC's 172-node list takes axe minutes per scan on a small machine; MOHFW's short one has every kind of control.
  const { email, password } = createAuthor("MOHFW");
  await signIn(page, email, password);
  for (const lang of ["en", "hi"]) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/frameworks/MOHFW/list?lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await page.locator("#list-add-position").click();
    await scan(`list (${lang})`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("summary.nav-menu-button").click();
    await scan(`menu (${lang})`, "header");
  }
});
