// The two main flows by keyboard only (page.keyboard: Tab, Shift+Tab, Enter, Space, arrows, typing;
// no mouse and no locator.click()), and the graph's nodes operated by keyboard.
import type { Page } from "@playwright/test";
import { createAuthor, KEYBOARD_CANVAS_CODE, KEYBOARD_FRAMEWORK_CODE } from "./support/accounts";
import { DEMO_PASSWORD, expect as baseExpect, test } from "./support/fixtures";
import { expectVisibleFocus, keyboardSignIn, tabTo } from "./support/keyboard";

// why a longer wait: a save is a round trip to a server that other test runs share the machine with.
const expect = baseExpect.configure({ timeout: 15_000 });
// why serial: the reviewer's flow reviews the draft the author's flow submits.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const KEY = KEYBOARD_FRAMEWORK_CODE;
const POSITION = "Under Secretary, Keyboard Cell";
const ROLE = "Correspondence management";
const ACTIVITY = "Draft replies to parliament questions";
const COMMENT = "Say which wing handles these questions.";

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
const panelHeading = (page: Page, name: string) => page.locator(".side-panel").getByRole("heading", { name, level: 2 });

async function openEditor(page: Page, code: string) {
  await page.goto(`/frameworks/${code}/edit`);
  await expect(page.getByRole("toolbar", { name: "Editor tools" })).toBeVisible();
}

/** Tabs to a node on the canvas (named by kind and name), presses Enter and lands on its details. */
async function openNode(page: Page, name: string, heading: string, back = false) {
  const node = page.getByRole("group", { name });
  await tabTo(node, { back });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(panelHeading(page, heading)).toBeFocused();
}

test("keyboard only: an author adds a position, role, activity and a competency requirement with a level, and submits", async ({ page }) => {
  const { email, password } = createAuthor(KEY);
  await keyboardSignIn(page, email, password);
  await openEditor(page, KEY);

  // The skip link comes first and takes the keyboard past the header.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);

  await tabTo(page.getByRole("combobox", { name: "Add position" }));
  await expectVisibleFocus(page);
  await page.keyboard.type(POSITION);
  await page.keyboard.press("Enter");
  await expect(panelHeading(page, POSITION)).toBeVisible();

  // The new position is on the canvas, reachable by Tab and announced by kind and name.
  await openNode(page, `Position: ${POSITION}`, POSITION);
  await tabTo(page.getByRole("combobox", { name: "Add role to this position" }));
  await page.keyboard.type(ROLE);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Added role “${ROLE}”.` })).toBeVisible();

  await openNode(page, `Role: ${ROLE}`, ROLE, true);
  await tabTo(page.getByRole("combobox", { name: "Add activity to this role" }));
  await page.keyboard.type(ACTIVITY);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Added activity “${ACTIVITY}”.` })).toBeVisible();

  await openNode(page, `Activity: ${ACTIVITY}`, ACTIVITY, true);
  await tabTo(page.getByRole("combobox", { name: "Require a competency" }));
  await page.keyboard.type("FUN-071");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "“Financial Management” is now required at level 3" })).toBeVisible();
  // The new requirement is selected; its level is a native select, changed with an arrow key.
  const level = page.locator(".side-panel").getByRole("combobox", { name: "Required level" });
  await tabTo(level);
  await expectVisibleFocus(page);
  await page.keyboard.press("ArrowUp");
  await expect(level).toHaveValue("2");
  await saved(page);

  await page.goto(`/frameworks/${KEY}`);
  const position = page.locator("section.outline-position", { hasText: POSITION });
  await expect(position.getByText(ROLE)).toBeVisible();
  await expect(position.getByText(ACTIVITY)).toBeVisible();
  await expect(position.locator("li.req", { hasText: "Financial Management" })).toContainText("Level 2");

  await page.goto(`/frameworks/${KEY}/submit`);
  await tabTo(page.getByRole("button", { name: "Submit for review" }));
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Submitted for technical review" })).toBeVisible();
});

test("keyboard only: a reviewer comments on a node and verifies, and the board approves", async ({ page, newContext }) => {
  await keyboardSignIn(page, "reviewer@frac.test", DEMO_PASSWORD);
  await openEditor(page, KEY);
  await openNode(page, `Activity: ${ACTIVITY}`, ACTIVITY);
  await tabTo(page.getByLabel("Comment on this"));
  await page.keyboard.type(COMMENT);
  await tabTo(page.getByRole("button", { name: "Add comment" }));
  await page.keyboard.press("Enter");
  await expect(page.locator(".comment-body").filter({ hasText: COMMENT })).toBeVisible();

  await page.goto(`/frameworks/${KEY}`);
  await tabTo(page.getByRole("button", { name: "Verify (technical review)" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Verified" })).toBeVisible();

  const board = await (await newContext()).newPage();
  await keyboardSignIn(board, "board@frac.test", DEMO_PASSWORD);
  await board.goto(`/frameworks/${KEY}`);
  await tabTo(board.getByRole("button", { name: "Approve and publish" }));
  await expectVisibleFocus(board);
  await board.keyboard.press("Enter");
  await expect(board.getByRole("status").filter({ hasText: "Approved and published" })).toBeVisible();
  await board.goto(`/frameworks/${KEY}/versions`);
  await expect(board.getByRole("row").nth(1)).toContainText("Version 1");
});

test("the canvas by keyboard: a node moves with the arrow keys, links from “Link to…” and is deleted after the same confirmation", async ({ page }) => {
  const { email, password } = createAuthor(KEYBOARD_CANVAS_CODE);
  await keyboardSignIn(page, email, password);
  await openEditor(page, KEYBOARD_CANVAS_CODE);
  for (const name of ["Director, Planning", "Director, Accounts"]) {
    await tabTo(page.getByRole("combobox", { name: "Add position" }));
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    await expect(panelHeading(page, name)).toBeVisible();
  }
  await tabTo(page.getByRole("combobox", { name: "Add role to this position" }));
  await page.keyboard.type("Budget scrutiny");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Added role “Budget scrutiny”." })).toBeVisible();
  // why: the adds must reach the server first, or the autosave sends them with the move below.
  await saved(page);

  // Space selects without leaving the canvas; the arrow keys then move the node, and the move is saved.
  const role = page.getByRole("group", { name: "Role: Budget scrutiny" });
  await tabTo(role, { back: true });
  await page.keyboard.press("Space");
  await expect(panelHeading(page, "Budget scrutiny")).toBeVisible();
  await expect(role).toBeFocused();
  const before = await role.boundingBox();
  const move = page.waitForRequest((r) => r.method() === "POST" && (r.postData() ?? "").includes('"node.move"'));
  await page.keyboard.press("Shift+ArrowDown");
  await expect(page.getByText("Moved the selected node down.")).toBeAttached();
  expect((await move).postDataJSON().ops.map((o: { op: string }) => o.op)).toEqual(["node.move"]);
  const after = await role.boundingBox();
  expect(after!.y).toBeGreaterThan(before!.y);
  await saved(page);

  // "Link to…" puts the role under the other position too: the same save, a link.create.
  await page.keyboard.press("Enter");
  await expect(panelHeading(page, "Budget scrutiny")).toBeFocused();
  const linkTo = page.getByRole("combobox", { name: "Link to…" });
  await tabTo(linkTo);
  await expectVisibleFocus(page);
  await page.keyboard.press("ArrowDown");
  await expect(linkTo).toHaveValue(/.+/);
  const link = page.waitForRequest((r) => r.method() === "POST" && (r.postData() ?? "").includes('"link.create"'));
  await tabTo(page.getByRole("button", { name: "Link", exact: true }));
  await page.keyboard.press("Enter");
  expect((await link).postDataJSON().ops).toEqual([expect.objectContaining({ op: "link.create", kind: "position_role" })]);
  await expect(page.locator(".side-panel").getByRole("region", { name: "Used by" }).getByRole("button")).toHaveCount(2);
  await saved(page);

  // Escape in the details goes back to the node; Delete asks first, as the mouse path does.
  await page.keyboard.press("Escape");
  await expect(role).toBeFocused();
  await page.keyboard.press("Delete");
  const dialog = page.getByRole("dialog", { name: "Delete role “Budget scrutiny”?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("These 2 links go with it");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(role).toBeVisible();
  await expect(role).toBeFocused();
  await page.keyboard.press("Delete");
  // The dialog opens on its least destructive button; Tab reaches the other.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(role).toHaveCount(0);
  await saved(page);
});
