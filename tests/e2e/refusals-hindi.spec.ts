import { createAuthor } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test("a Hindi reader whose new password is refused reads why in Hindi, next to the field", async ({ page }) => {
  const { email, password } = createAuthor("MOF");
  await page.goto("/login?lang=hi");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "लॉग इन करें" }).click();
  await expect(page).toHaveURL(/\/account\/password/);
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");

  await page.locator("#currentPassword").fill(password);
  await page.locator("#newPassword").fill("password1234");
  await page.locator("#confirmPassword").fill("password1234");
  await page.getByRole("button", { name: "पासवर्ड बदलें" }).click();
  const newPassword = page.locator("#newPassword");
  await expect(newPassword).toHaveAttribute("aria-invalid", "true");
  const error = page.locator("#newPassword-error");
  await expect(error).toHaveText("कोई अन्य पासवर्ड चुनें: यह थोड़े बदलाव वाला एक आम पासवर्ड है। कुछ असंबंधित शब्दों को मिलाकर मज़बूत पासवर्ड बनता है।");

  await page.locator("#currentPassword").fill(password);
  await newPassword.fill("चाय-समय");
  await page.locator("#confirmPassword").fill("चाय-समय");
  await page.getByRole("button", { name: "पासवर्ड बदलें" }).click();
  await expect(error).toHaveText("कम से कम 12 अक्षरों का पासवर्ड रखें (इसमें 7 हैं)।");
});
