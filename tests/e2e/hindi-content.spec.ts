import { expect as baseExpect, signIn, test } from "./support/fixtures";

// why a longer wait: each save also reloads the page's data, which takes seconds on a busy CI machine.
const expect = baseExpect.configure({ timeout: 45_000 });

test("an author writes a Hindi name and description from the list page; the Hindi outline shows them, the English one keeps English first", async ({ page }) => {
  test.setTimeout(240_000);
  const tag = crypto.randomUUID().slice(0, 6);
  const name = `Hindi content ${tag}`;
  const nameHi = `हिन्दी सामग्री ${tag}`;
  const descriptionHi = "यह पद बजट अनुमानों की जाँच करता है।";
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC/list?lang=hi");
  const status = page.getByRole("status");

  await page.getByRole("button", { name: "पद जोड़ें" }).first().click();
  await page.getByLabel("नाम", { exact: true }).fill(name);
  await page.getByLabel("हिन्दी नाम (वैकल्पिक)").fill(nameHi);
  await page.getByLabel("हिन्दी विवरण (वैकल्पिक)").fill(descriptionHi);
  await page.getByRole("button", { name: "पद जोड़ें", exact: true }).last().click();
  await expect(status).toHaveText(`पद “${name}” को जोड़ा गया।`);

  // In Hindi the Hindi name leads and the English follows.
  await page.goto("/frameworks/CBIC?lang=hi");
  const heading = page.getByRole("heading", { level: 2, name: `पद ${nameHi} · ${name}` });
  await expect(heading).toBeVisible();
  const section = page.locator("section", { has: heading });
  await expect(section.locator("p[lang=hi]")).toHaveText(descriptionHi);

  // In English the English name leads; with no English description, the Hindi one stands in.
  await page.goto("/frameworks/CBIC?lang=en");
  const english = page.getByRole("heading", { level: 2, name: `Position ${name} · ${nameHi}` });
  await expect(english).toBeVisible();
  await expect(page.locator("section", { has: english }).locator("p[lang=hi]")).toHaveText(descriptionHi);

  // Clean up: the shared demo draft keeps its shape for the other tests.
  await page.goto("/frameworks/CBIC/list");
  await page.getByRole("button", { name: `Remove: position “${name}”` }).click();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`Removed position “${name}”.`);
});
