import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./support/fixtures";

test("an author signs in, opens the demo framework and reads its outline", async ({ page }) => {
  await signIn(page, "author@frac.test");
  await expect(page.getByRole("heading", { name: "Frameworks", level: 1 })).toBeVisible();
  const row = page.getByRole("row", { name: /Central Board of Indirect Taxes and Customs/ });
  await expect(row).toBeVisible();
  // The author belongs to CBIC only: the other ministry is not listed.
  await expect(page.getByRole("link", { name: "Ministry of Health and Family Welfare" })).toHaveCount(0);

  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC$/);
  await expect(page.getByRole("heading", { level: 1, name: /Central Board of Indirect Taxes and Customs/ })).toBeVisible();
  await expect(page.getByText("The shared validator finds no problems", { exact: false }).or(page.getByText(/0 errors/))).toBeVisible();

  const positions = page.locator("section.outline-position");
  expect(await positions.count()).toBeGreaterThanOrEqual(10);
  // A role several positions hold is shown in full once; later positions link to it.
  const shared = page.locator("li.outline-shared-role").first();
  await expect(shared).toContainText("listed under the first position that holds it");
  const sharedName = (await shared.locator("span[lang]").first().textContent())!;
  await shared.getByRole("link").click();
  await expect(page).toHaveURL(/#role-[0-9a-f-]{36}$/);
  const target = page.locator(`li[id="${new URL(page.url()).hash.slice(1)}"]`);
  await expect(target.locator("summary")).toContainText(sharedName);
  await expect(target.locator("li.req").first()).toBeVisible();
  // A competency requirement shows its required level and links to its dictionary entry.
  const requirement = page.locator("li.req").first();
  await expect(requirement).toContainText(/Level [1-5] · (Basic|Proficient|Advanced|Expert|Ustad)/);
  await requirement.getByRole("link").click();
  await expect(page).toHaveURL(/\/dictionary\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Proficiency levels" })).toBeVisible();
});

test("another ministry's framework is a 404 for the author", async ({ page }) => {
  await signIn(page, "author@frac.test");
  await expect(page.getByRole("heading", { name: "Frameworks", level: 1 })).toBeVisible();
  const response = await page.goto("/frameworks/MOHFW");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a wrong password is refused with a message and status 401", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("author@frac.test");
  await page.getByLabel("Password").fill("not-the-password");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  expect(response.status()).toBe(401);
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
});

test("the sign-in, home, outline and dictionary pages have no serious accessibility violations", async ({ page }) => {
  // why a longer limit: axe checks the contrast of each of the CBIC outline's ~1,800 text elements, 20 s on this machine.
  test.setTimeout(120_000);
  const scan = async () => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  };
  await page.goto("/login");
  await scan();
  await signIn(page, "reviewer@frac.test");
  await expect(page.getByRole("heading", { name: "Frameworks", level: 1 })).toBeVisible();
  await scan();
  await page.goto("/frameworks/CBIC");
  await scan();
  await page.goto("/dictionary");
  await scan();
});
