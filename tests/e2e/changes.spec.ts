import { expect, signIn, test } from "./support/fixtures";

test("a reviewer sees the draft's changes since the published version highlighted in the graph, and visits each", async ({ page }) => {
  // What the server's own comparison says the demo draft changed since version 1.
  await signIn(page, "reviewer@frac.test");
  await page.goto("/frameworks/CBIC/diff?from=1&to=draft");
  const counts = await page.locator("main p").filter({ hasText: /added, \d+ removed, \d+ changed; / }).innerText();
  const [nodesAdded, , nodesChanged, linksAdded, , linksChanged] = (counts.match(/\d+/g) ?? []).map(Number);

  await page.getByRole("link", { name: "See them highlighted in the graph" }).click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/edit\?changes/);
  await expect(page.getByRole("checkbox", { name: "Changes since version 1" })).toBeChecked();
  const summary = page.locator(".changes-summary");
  await expect(summary).toContainText(`${nodesAdded + linksAdded} added, ${nodesChanged + linksChanged} changed`);

  // Visiting every change in turn selects it on the canvas and says what changed.
  const total = nodesAdded + nodesChanged + linksAdded + linksChanged;
  let sawChangedField = false;
  for (let i = 1; i <= total; i++) {
    await summary.getByRole("button", { name: `Next change (${i} of ${total})` }).click();
    const details = page.getByRole("region", { name: "Changes since version 1" });
    await expect(details).toBeVisible();
    if ((await details.locator("dt").count()) > 0) {
      sawChangedField = true;
      await expect(details.locator("del")).toHaveCount(await details.locator("dt").count());
    }
  }
  expect(sawChangedField).toBe(nodesChanged + linksChanged > 0);
  await expect(page.locator(".react-flow__node .fnode.is-added")).toHaveCount(nodesAdded);
  await expect(page.locator(".react-flow__node .fnode.is-changed")).toHaveCount(nodesChanged);
});

test("an author turns the changes on and off, and they follow the edits live", async ({ page }) => {
  await signIn(page, "author@frac.test");
  await page.goto("/frameworks/CBIC/edit");
  const toggle = page.getByRole("checkbox", { name: "Changes since version 1" });
  await expect(toggle).not.toBeChecked();
  await expect(page.locator(".changes-summary")).toHaveCount(0);
  await toggle.check();
  await expect(page.locator(".changes-summary")).toContainText("Since version 1:");
  const summary = page.locator(".changes-summary");
  const added = async () => Number((await summary.locator(".chg-added").innerText()).match(/\d+/)![0]);
  const before = await added();

  // A new position counts as added at once, and undoing it takes it back out.
  const box = page.getByRole("combobox", { name: "Add position" });
  await box.fill("Temporary post for the changes test");
  await box.press("Enter");
  await expect(page.locator(".fnode.is-added", { hasText: "Temporary post for the changes test" })).toBeVisible();
  expect(await added()).toBe(before + 1);
  await page.locator(".canvas").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await expect(page.locator(".fnode", { hasText: "Temporary post for the changes test" })).toHaveCount(0);
  expect(await added()).toBe(before);
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 10_000 });

  await toggle.uncheck();
  await expect(page.locator(".fnode.is-added, .fnode.is-changed")).toHaveCount(0);
});
