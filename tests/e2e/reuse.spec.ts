import { expect as baseExpect, signIn, test } from "./support/fixtures";

// why a longer wait: the save also reloads the page's data, which takes seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 45_000 });

test("an author reuses a role from another ministry's published framework and sees on the outline where it came from", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "other-author@frac.test");
  await page.goto("/frameworks/MOHFW/list");
  await page.getByRole("button", { name: /^Add role: position/u }).first().click();
  await page.getByLabel("Name", { exact: true }).fill("Refund sanct");

  // CBIC's published role is offered with where it comes from; CBIC's draft never is.
  const reuse = page.getByRole("button", { name: "Reuse role “Refund sanction” (From CBIC version 1)" });
  await expect(reuse).toBeVisible();
  await expect(page.getByText(/From CBIC draft/u)).toHaveCount(0);

  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/frameworks/MOHFW/edits"));
  await reuse.click();
  const body = (await posted).postDataJSON() as { ops: { op: string; kind: string; derivedFrom?: { mdo: string; version: number | null } }[] };
  const created = body.ops.filter((o) => o.op === "node.create");
  expect(created[0]).toMatchObject({ kind: "role", derivedFrom: { mdo: "CBIC", version: 1 } });
  expect(created.length).toBeGreaterThan(1);
  expect(created.every((o) => o.derivedFrom?.mdo === "CBIC")).toBe(true);
  await expect(page.getByRole("status")).toContainText("Reused “Refund sanction” from CBIC version 1");

  await page.goto("/frameworks/MOHFW");
  const origin = page.getByRole("link", { name: "Reused from CBIC v 1" }).first();
  await expect(origin).toBeVisible();
  await expect(origin).toHaveAttribute("href", "/frameworks/CBIC/versions/1");
  await origin.click();
  await expect(page).toHaveURL(/\/frameworks\/CBIC\/versions\/1$/u);
  await expect(page.getByText("Refund sanction").first()).toBeVisible();
});
