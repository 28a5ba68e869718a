// The read API after new publications: MOHFW publishes version 1, then version 2 renames an
// activity to a spreadsheet formula and removes a knowledge resource. The CSV carries the name
// as inert text, and /changes reports the removed node as retired.
import { describe, expect, it } from "vitest";
import { userId } from "@db/ids";
import { applyEditOps } from "~/models/draft-save/save.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { createToken } from "~/models/access/tokens.server";
import { loader as changesLoader } from "~/routes/api.v1.changes";
import { loader as fileLoader } from "~/routes/api.v1.frameworks.$mdo.versions.$file";
import type { EditOp } from "@schemas/edit-ops";
import { ministry, newNode, OTHER_AUTHOR, someNode, updateNode } from "../factories/edit-ops";

const AUTHOR = userId(OTHER_AUTHOR);
const EVIL = '=HYPERLINK("http://evil")';
const created = createToken({ name: "publications-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const auth = { Authorization: `Bearer ${created.token}` };

const mohfw = () => ministry("MOHFW");
function edit(changes: EditOp[]) {
  const result = applyEditOps({ mdoId: mohfw().mdoId, userId: AUTHOR, baseRevision: mohfw().revision, ops: changes });
  if (!result.ok) throw new Error(JSON.stringify(result));
}
function publish(): number {
  const mdoId = mohfw().mdoId;
  const submitted = submitFramework({ mdoId, userId: AUTHOR });
  if (!submitted.ok) throw new Error(submitted.message);
  expect(verifyFramework({ mdoId, userId: userId("reviewer@frac.test") }).ok).toBe(true);
  const approved = approveFramework({ mdoId, userId: userId("board@frac.test") });
  if (!approved.ok) throw new Error(approved.message);
  return approved.version.number;
}
const file = (name: string) =>
  fileLoader({ request: new Request(`http://localhost/api/v1/frameworks/MOHFW/versions/${name}`, { headers: auth }), params: { mdo: "MOHFW", file: name }, context: {} });

describe("published changes through the read API", () => {
  const resource = newNode("knowledge_resource", "Old circular to be withdrawn");
  let before = "";

  it("publishes MOHFW twice: a formula-named activity and a removed knowledge resource", async () => {
    edit([resource]);
    expect(publish()).toBe(1);
    before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    edit([updateNode(someNode(mohfw().frameworkId, "activity").id, { name: EVIL }), { op: "node.delete", id: resource.id }]);
    expect(publish()).toBe(2);
  });

  it("writes the formula-named node into the CSV as inert text (a leading apostrophe)", async () => {
    const res = await file("2.csv");
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`'${EVIL.replaceAll('"', '""')}`);
    expect(csv).not.toMatch(/(^|[,\r\n])"?=HYPERLINK/u);
    const json = await (await file("2.json")).json();
    expect(json.nodes.some((n: { name: string }) => n.name === EVIL)).toBe(true);
  });

  it("reports version 2 in /changes with the knowledge resource as retired", async () => {
    const res = await changesLoader({ request: new Request(`http://localhost/api/v1/changes?since=${encodeURIComponent(before)}`, { headers: auth }), params: {}, context: {} });
    const { publications } = await res.json();
    expect(publications).toEqual([expect.objectContaining({ code: "MOHFW", version: 2, previousVersion: 1, retiredNodeIds: [resource.id] })]);
  });

  it("redirects latest to version 2", async () => {
    const res = await file("latest.csv");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/api/v1/frameworks/MOHFW/versions/2.csv");
  });
});
