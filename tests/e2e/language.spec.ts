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

test("a page's messages come in a script the browser keeps, not inside every page, and a client-side visit needs no other", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/resources/messages/")) scripts.push(`${new URL(r.url()).pathname.split("/").pop()!.split(".")[0]} ${r.status()} ${r.headers()["cache-control"]}`);
  });
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC?lang=hi");
  await expect(page.getByRole("navigation", { name: "मुख्य" }).getByRole("link", { name: "समीक्षा" })).toBeVisible();
  const rootData = await page.evaluate(() => JSON.stringify((window as unknown as { __remixContext: { state: { loaderData: { root: unknown } } } }).__remixContext.state.loaderData.root));
  expect(rootData).toMatch(/"messagesSrc":"\/resources\/messages\/hi\.[0-9a-f]{16}\.js"/u);
  expect(rootData).not.toContain("मुख्य");
  // a client-side visit renders in Hindi with the script already loaded
  await page.getByRole("navigation", { name: "मुख्य" }).getByRole("link", { name: "समीक्षा" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/समीक्षा/u);
  expect(scripts.filter((s) => s.startsWith("hi "))).toEqual(["hi 200 public, max-age=31536000, immutable"]);
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
  // The sentence that says what is missing is in Hindi too, the ministry's code kept as it is.
  await expect(page.getByText("\"NO-SUCH-MINISTRY\" कोड का ऐसा कोई ढांचा नहीं है जिसे आप देख सकें।")).toBeVisible();
  await page.goto("/frameworks/CBIC/versions/99?lang=hi");
  await expect(page.getByText(/का संस्करण 99 नहीं है।$/u)).toBeVisible();
  await page.goto("/frameworks/CBIC/versions/99?lang=en");
  await expect(page.getByText(/has no version 99\.$/u)).toBeVisible();
});

test("the framework outline reads in Hindi: labels, counts, content names and dates", async ({ page }) => {
  // why longer: two full loads of the CBIC outline (about 170 nodes) after signing in.
  test.setTimeout(60_000);
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC?lang=hi");
  await expect(page).toHaveTitle("CBIC ढांचा · FRAC स्टूडियो");
  await expect(page.getByText(/^कार्यशील मसौदा · संशोधन \d+ ·/u)).toBeVisible();
  await expect(page.getByRole("link", { name: "स्प्रेडशीट आयात करें" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /समीक्षा/u, level: 2 })).toBeVisible();
  // the demo's Hindi node names lead, the English follows as the fallback language
  const position = page.getByRole("heading", { level: 2, name: /^पद मुख्य आयुक्त · Chief Commissioner$/u });
  await expect(position).toBeVisible();
  await expect(position.locator("span[lang=en]")).toHaveText(" · Chief Commissioner");

  await page.goto("/frameworks/CBIC/versions");
  await expect(page.getByRole("columnheader", { name: "अनुमोदनकर्ता" })).toBeVisible();
  // dates through Intl hi-IN in India time: "7 दिस॰ 2026, 3:26 am"
  await expect(page.locator("td time").first()).toHaveText(/^\d{1,2} \S+ \d{4}, \d{1,2}:\d{2} (am|pm)$/u);
});
