import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./support/fixtures";

test("an author reads the completeness on the outline, opens a position's profile and prints it", async ({ page }) => {
  test.slow(); // why: two axe scans and a print emulation on a shared 2-core machine.
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC");
  const panel = page.locator("details.completeness");
  await expect(panel.locator("summary")).toContainText(/Completeness \d{1,3}\/100/);
  await panel.locator("summary").click();
  await expect(panel.getByRole("rowheader", { name: "Positions with roles" })).toBeVisible();

  await page.getByRole("link", { name: "Position profiles" }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/positions$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Position profiles: Central Board/ })).toBeVisible();
  await page.getByRole("link", { name: /^Chief Commissioner/ }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/positions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /Chief Commissioner/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Roles and activities \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Competencies needed \(\d+\)$/ })).toBeVisible();
  const card = page.locator("article.profile-competency").first();
  await expect(card).toContainText(/Required level\s*[1-5] of [3-5] · \w+/);
  await expect(card.locator(".profile-indicators li").first()).not.toBeEmpty();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Printed: no site header, menu or buttons; the profile itself stays.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: /Chief Commissioner/ })).toBeVisible();
});

test("a profile reads in Hindi, and a published version's profile is open to another ministry's author", async ({ page }) => {
  test.slow(); // why: as above.
  await signIn(page, "other-author@frac.test");
  await page.goto("/frameworks/CBIC/versions/1/positions?lang=hi");
  await expect(page.getByRole("heading", { level: 1, name: /^पद प्रोफ़ाइल:/ })).toBeVisible();
  await page.getByRole("link", { name: /मुख्य आयुक्त/ }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/versions\/1\/positions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /मुख्य आयुक्त/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^भूमिकाएँ और गतिविधियाँ/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^अपेक्षित दक्षताएँ/ })).toBeVisible();
  await expect(page.getByText(/संस्करण 1, .+ को प्रकाशित/).first()).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The same author's view of CBIC's draft profiles does not exist.
  const response = await page.goto("/frameworks/CBIC/positions");
  expect(response?.status()).toBe(404);
});
