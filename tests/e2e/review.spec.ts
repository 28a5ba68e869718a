import type { BrowserContext, Page } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";

async function as(newContext: () => Promise<BrowserContext>, email: string): Promise<Page> {
  const context = await newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("submit → send back with a reason → resubmit → verify → approve publishes a new version; the diff shows the edit after it", async ({ newContext }) => {
  test.setTimeout(120_000);
  const author = await as(newContext, "author@frac.test");
  const reviewer = await as(newContext, "reviewer@frac.test");
  const board = await as(newContext, "board@frac.test");

  // The author submits; the draft is frozen.
  await author.goto("/frameworks/CBIC/submit");
  await expect(author.getByText("Nothing blocks submission.")).toBeVisible();
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByRole("status").filter({ hasText: "Submitted for technical review" })).toBeVisible();
  await author.goto("/frameworks/CBIC/edit");
  await expect(author.getByText("This framework is under review and frozen until a reviewer sends it back. The editor opens read-only.")).toBeVisible();

  // The technical reviewer comments on a node in the (read-only) editor…
  await reviewer.goto("/frameworks/CBIC/edit");
  const rFind = reviewer.getByRole("combobox", { name: "Find" });
  await rFind.fill("Examiner");
  await rFind.press("Enter");
  await reviewer.getByLabel("Comment on this").fill("The Hindi name is missing here.");
  await reviewer.getByRole("button", { name: "Add comment" }).click();
  await expect(reviewer.locator(".comment-body").filter({ hasText: "The Hindi name is missing here." })).toBeVisible();

  // …then finds it in the queue and sends it back with a reason.
  await reviewer.goto("/review");
  await reviewer.getByRole("link", { name: "Central Board of Indirect Taxes and Customs (CBIC)" }).click();
  await reviewer.getByLabel("Reason for sending it back").fill("Please add the Hindi name of the Examiner position.");
  await reviewer.getByRole("button", { name: "Send back to the authors" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Sent back to the authors" })).toBeVisible();

  // The author sees the reason and resubmits.
  await author.goto("/frameworks/CBIC");
  await expect(author.getByRole("note")).toContainText("Please add the Hindi name of the Examiner position.");
  await author.goto("/frameworks/CBIC/edit");
  const aFind = author.getByRole("combobox", { name: "Find" });
  await aFind.fill("Examiner");
  await aFind.press("Enter");
  await expect(author.locator(".fnode.is-selected").getByRole("img", { name: "1 open review comments" })).toBeVisible();
  await expect(author.locator(".comment-body").filter({ hasText: "The Hindi name is missing here." })).toBeVisible();
  await author.goto("/frameworks/CBIC/submit");
  await author.getByRole("button", { name: "Submit for review" }).click();
  await expect(author.getByRole("status").filter({ hasText: "Submitted for technical review" })).toBeVisible();

  // The board cannot approve before verification; the reviewer verifies; the board approves.
  await board.goto("/frameworks/CBIC");
  await expect(board.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
  await reviewer.goto("/frameworks/CBIC");
  await reviewer.getByRole("button", { name: "Verify (technical review)" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Verified" })).toBeVisible();
  await board.goto("/frameworks/CBIC");
  await board.getByRole("button", { name: "Approve and publish" }).click();
  await expect(board.getByRole("status").filter({ hasText: "Approved and published" })).toBeVisible();
  await board.goto("/frameworks/CBIC/versions");
  const newest = board.getByRole("row").nth(1);
  await expect(newest).toContainText("Version 2");
  await expect(newest).toContainText("Bina Das");

  // Editing afterwards starts the next draft; the diff against version 2 shows the change.
  await author.goto("/frameworks/CBIC/edit");
  const find = author.getByRole("combobox", { name: "Find" });
  await find.fill("Examiner");
  await find.press("Enter");
  await author.getByLabel("Hindi name").fill("परीक्षक (संशोधित)");
  await author.getByRole("button", { name: "Apply changes" }).click();
  await expect(author.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 10_000 });
  await author.goto("/frameworks/CBIC/diff?from=2&to=draft");
  await expect(author.getByRole("cell", { name: "परीक्षक (संशोधित)" })).toBeVisible();

  // A published version is readable by any signed-in user, even of another ministry.
  const other = await as(newContext, "other-author@frac.test");
  await other.goto("/frameworks/CBIC/versions/2");
  await expect(other.getByRole("heading", { name: /version 2/ })).toBeVisible();
  expect((await other.goto("/frameworks/CBIC/diff?from=2&to=draft"))?.status()).toBe(404);
  expect((await other.goto("/frameworks/CBIC/versions/99"))?.status()).toBe(404);
});
