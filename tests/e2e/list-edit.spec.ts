import { expect as baseExpect, signIn, test } from "./support/fixtures";

// why a longer wait: each save also reloads the page's data, which takes seconds on a busy CI machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 120_000 });

const LIST = "/frameworks/CBIC/list";

test("an author builds a position, role, activity and requirement from the list, then removes them", async ({ page }) => {
  test.setTimeout(400_000);
  const tag = crypto.randomUUID().slice(0, 6);
  const position = `List position ${tag}`;
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC");
  await page.getByRole("link", { name: "Edit as a list" }).click();
  await expect(page).toHaveURL(LIST);
  const status = page.getByRole("status");

  // Every save is the editor's change set, posted as JSON with the draft's revision.
  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/frameworks/CBIC/edits"));
  await page.getByRole("button", { name: "Add a position" }).click();
  await page.getByLabel("Name", { exact: true }).fill(position);
  await page.getByRole("button", { name: "Add position", exact: true }).click();
  const body = (await posted).postDataJSON() as { intent: string; baseRevision: number; ops: { op: string; kind: string }[] };
  expect(body.intent).toBe("save");
  expect(typeof body.baseRevision).toBe("number");
  expect(body.ops.map((o) => `${o.op}:${o.kind}`)).toEqual(["node.create:position"]);
  await expect(status).toHaveText(`Added position “${position}”.`);

  await page.getByRole("button", { name: `Add role: position “${position}”` }).click();
  await page.getByLabel("Name", { exact: true }).fill(`Role ${tag}`);
  await page.getByLabel("Hindi name (optional)").fill("परीक्षण भूमिका");
  await page.getByRole("button", { name: "Add role", exact: true }).click();
  await expect(status).toHaveText(`Added role “Role ${tag}” to “${position}”.`);

  await page.getByRole("button", { name: `Add activity: role “Role ${tag}”` }).click();
  await page.getByLabel("Name", { exact: true }).fill(`Activity ${tag}`);
  await page.getByRole("button", { name: "Add activity", exact: true }).click();
  await expect(status).toHaveText(`Added activity “Activity ${tag}” to “Role ${tag}”.`);

  await page.getByRole("button", { name: `Add requirement: activity “Activity ${tag}”` }).click();
  // Nothing chosen: the form says so next to the field and sends nothing.
  await page.getByRole("button", { name: "Add requirement", exact: true }).click();
  await expect(page.getByLabel("Competency")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose a competency.")).toBeVisible();
  const competency = page.getByLabel("Competency");
  const firstValue = await competency.locator("option").nth(1).getAttribute("value");
  await competency.selectOption(firstValue!);
  const competencyName = (await competency.locator("option:checked").textContent())!.split(" › ").pop()!;
  await page.getByLabel("Required level").selectOption("2");
  await page.getByRole("button", { name: "Add requirement", exact: true }).click();
  await expect(status).toHaveText(`“Activity ${tag}” now requires “${competencyName}” at level 2.`);

  await page.getByRole("button", { name: `Change level of “${competencyName}” for “Activity ${tag}”` }).click();
  await page.getByLabel("Required level").selectOption("3");
  await page.getByRole("button", { name: "Set level", exact: true }).click();
  await expect(status).toHaveText(`“${competencyName}” is now required at level 3.`);

  await page.getByRole("button", { name: `Rename: activity “Activity ${tag}”` }).click();
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("   ");
  await page.getByRole("button", { name: "Save name", exact: true }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Name cannot be empty." })).toBeVisible();
  await name.fill(`Activity ${tag} renamed`);
  await page.getByRole("button", { name: "Save name", exact: true }).click();
  await expect(status).toHaveText(`Renamed to “Activity ${tag} renamed”.`);

  // The outline page shows what the list saved.
  await page.goto("/frameworks/CBIC");
  const section = page.getByRole("region", { name: new RegExp(position) });
  await expect(section).toContainText(`Role ${tag}`);
  await expect(section).toContainText(`Activity ${tag} renamed`);
  await expect(section.locator("li.req")).toContainText(/Level 3/);

  // Removing the position asks first; its role stays, now attached to nothing, and can be removed too.
  await page.goto(LIST);
  await page.getByRole("button", { name: `Remove: position “${position}”` }).click();
  await expect(page.getByRole("group", { name: `Remove position “${position}”?` })).toBeVisible();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(status).toHaveText(`Removed position “${position}”.`);
  const loose = page.getByRole("region", { name: "Not attached to any position" });
  await expect(loose).toContainText(`Role ${tag}`);
  await loose.getByRole("button", { name: `Remove: role “Role ${tag}”` }).click();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(status).toHaveText(`Removed role “Role ${tag}”.`);
  await loose.getByRole("button", { name: `Remove: activity “Activity ${tag} renamed”` }).click();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByRole("region", { name: "Not attached to any position" })).toHaveCount(0);
});

test("a save over a newer draft is refused, announced, and writes nothing", async ({ page, newContext }) => {
  test.setTimeout(240_000);
  const tag = crypto.randomUUID().slice(0, 6);
  await signIn(page, "author@frac.test");
  await page.goto(LIST);
  const other = await (await newContext()).newPage();
  await signIn(other, "author@frac.test");
  await other.goto(LIST);
  // The other tab saves first, so this page's revision is stale.
  await other.getByRole("button", { name: "Add a position" }).click();
  await other.getByLabel("Name", { exact: true }).fill(`First ${tag}`);
  await other.getByRole("button", { name: "Add position", exact: true }).click();
  await expect(other.getByRole("status")).toHaveText(`Added position “First ${tag}”.`);

  await page.getByRole("button", { name: "Add a position" }).click();
  await page.getByLabel("Name", { exact: true }).fill(`Second ${tag}`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/edits")),
    page.getByRole("button", { name: "Add position", exact: true }).click(),
  ]);
  expect(response.status()).toBe(409);
  await expect(page.getByRole("alert")).toContainText("Nothing was saved: You saved this framework in another tab or window");
  await expect(page.getByRole("alert")).toContainText("Reload the page to see the current draft.");
  await page.reload();
  await expect(page.getByText(`First ${tag}`)).toBeVisible();
  await expect(page.getByText(`Second ${tag}`)).toHaveCount(0);
  // Tidy: the first position goes again, from the tab that made it (reloaded to the current revision).
  await other.reload();
  await other.getByRole("button", { name: `Remove: position “First ${tag}”` }).click();
  await other.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(other.getByRole("status")).toHaveText(`Removed position “First ${tag}”.`);
});

test("a reviewer, who reads every ministry, may not open the list editing (403)", async ({ page }) => {
  await signIn(page, "reviewer@frac.test");
  const asReviewer = await page.goto(LIST);
  expect(asReviewer?.status()).toBe(403);
});

test("another ministry's author gets 404 for the list editing", async ({ page }) => {
  await signIn(page, "author@frac.test");
  const elsewhere = await page.goto("/frameworks/MOHFW/list");
  expect(elsewhere?.status()).toBe(404);
});

test("on a narrow screen the editor opens the list editing with a message", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC/edit");
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/list\?narrow/);
  await expect(page.getByText("The graph editor needs a wider screen")).toBeVisible();
  await expect(page.locator(".react-flow")).toHaveCount(0);
});
