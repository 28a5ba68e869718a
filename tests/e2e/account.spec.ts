import { createAuthor } from "./support/accounts";
import { chooseOwnPassword, expect, OWN_PASSWORD, signIn, test } from "./support/fixtures";

test("a new user with a one-time password is sent to choose their own, then continues where they were going", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await page.goto("/frameworks/MOF");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fframeworks%2FMOF$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/password\?redirectTo=%2Fframeworks%2FMOF$/);
  await expect(page.getByRole("heading", { name: "Choose your own password" })).toBeVisible();

  // every other page sends them back here
  await page.goto("/dictionary");
  await expect(page).toHaveURL(/\/account\/password\?redirectTo=%2Fdictionary$/);
  await page.goto("/account/password?redirectTo=%2Fframeworks%2FMOF");

  // a breached password is refused next to the field
  await page.getByLabel("One-time password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("Repeat the new password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose a different password: it is a common password with small changes.")).toBeVisible();

  await chooseOwnPassword(page, password);
  await expect(page).toHaveURL(/\/frameworks\/MOF$/);
  await page.goto("/dictionary");
  await expect(page).toHaveURL(/\/dictionary$/);

  // the one-time password no longer works; the chosen one does
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await signIn(page, email, OWN_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
});

test("the account page lists where you are signed in and signs out everywhere; the demo banner is on every page", async ({ page, browser }) => {
  await page.goto("/login");
  await expect(page.getByRole("region", { name: "Demo installation" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Demo accounts" })).toContainText("karmayogi-demo");
  await signIn(page, "viewer@frac.test");
  // why: other specs sign the viewer in too; end those sessions so the table holds only this test's two.
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, "viewer@frac.test");
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, "viewer@frac.test");

  await page.getByRole("link", { name: "Vikram Nair (CBIC)" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Demo installation" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).toContainText("now (this browser)");
  await expect(table).toContainText("127.0.0.1");

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await second.goto("/frameworks/CBIC");
  await expect(second).toHaveURL(/\/login\?redirectTo=%2Fframeworks%2FCBIC$/);
  await other.close();
});
