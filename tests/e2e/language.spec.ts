import { expect, signIn, test } from "./support/fixtures";

test("the header switches to Hindi, the page says lang=hi, and the choice is remembered", async ({ page, context }) => {
  await signIn(page, "author@frac.test");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Review" })).toBeVisible();

  await page.getByRole("link", { name: "हिन्दी" }).click();
  await expect(page).toHaveURL(/\?lang=hi$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  const mainHi = page.getByRole("navigation", { name: "मुख्य" });
  await expect(mainHi.getByRole("link", { name: "समीक्षा" })).toBeVisible();
  await expect(page.getByRole("button", { name: "लॉग आउट करें" })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "lang")?.value).toBe("hi");

  // another page, without ?lang=, stays in Hindi (a full load, so the server chose it)
  await page.goto("/dictionary");
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("lang", "en");

  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dictionary" })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "lang")?.value).toBe("en");
});

test("a browser that prefers Hindi gets Hindi without choosing, and ?lang=en overrides it", async ({ newContext }) => {
  const context = await newContext({ locale: "hi-IN" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByRole("link", { name: "मुख्य सामग्री पर जाएँ" })).toBeAttached();
  await page.goto("/login?lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("an error page is in the chosen language", async ({ page }) => {
  await signIn(page, "author@frac.test");
  const response = await page.goto("/frameworks/NO-SUCH-MINISTRY?lang=hi");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "नहीं मिला" })).toBeVisible();
  await expect(page.getByRole("link", { name: "अपने ढांचों पर वापस जाएँ" })).toBeVisible();
});
