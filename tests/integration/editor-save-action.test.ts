// The editor action end to end: access first, then body size, JSON, the change-set schema, the save.
import { describe, expect, it } from "vitest";
import { handleEditorAction, EDITOR_BODY_MAX_BYTES } from "~/routes/frameworks.$code.edit/editor-action.server";
import { requestAs, thrownResponse } from "../support/request";
import {
  AUTHOR,
  expectNothingWritten,
  ministry,
  newNode,
  OTHER_AUTHOR,
  postEditor,
  saveBody,
  snapshot,
  VIEWER,
} from "../factories/edit-ops";

/** Posts `body` as the author and expects a refusal that wrote nothing; returns status and body. */
async function refusedAction(body: unknown, headers: Record<string, string> = {}) {
  const before = snapshot();
  const response = await handleEditorAction(await postEditor(AUTHOR, "CBIC", body, headers), "CBIC");
  expectNothingWritten(before);
  return { status: response.status, body: await response.json() };
}

const base = () => ministry("CBIC").revision;

describe("handleEditorAction", () => {
  it("saves a good change set and answers with the new revision", async () => {
    const revision = base();
    const response = await handleEditorAction(await postEditor(AUTHOR, "cbic", saveBody(revision, [newNode("role", "Appraisal")])), "cbic");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, revision: revision + 1 });
  });

  it("refuses a viewer (403) before reading the body", async () => {
    const before = snapshot();
    const response = await thrownResponse(async () => handleEditorAction(await postEditor(VIEWER, "CBIC", "not even JSON"), "CBIC"));
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe("You can read this framework but not change it.");
    expectNothingWritten(before);
  });

  it("answers another ministry's author with 404, and leaves CBIC unchanged", async () => {
    const before = snapshot();
    const body = saveBody(base(), [newNode("role", "Planted by MoHFW")]);
    const response = await thrownResponse(async () => handleEditorAction(await postEditor(OTHER_AUTHOR, "CBIC", body), "CBIC"));
    expect(response.status).toBe(404);
    expect((await response.json()).message).toBe('No framework "CBIC" that you can see.');
    expectNothingWritten(before);
  });

  it("sends a signed-out request to the login page", async () => {
    const request = await requestAs(null, "/frameworks/CBIC/edit", { method: "POST", body: "{}" });
    const response = await thrownResponse(() => handleEditorAction(request, "CBIC"));
    expect(response.status).toBe(302);
  });

  it("refuses a body over 10 MB by its Content-Length (413)", async () => {
    const result = await refusedAction(saveBody(base(), [newNode("role", "Small")]), { "Content-Length": String(EDITOR_BODY_MAX_BYTES + 1) });
    expect(result.status).toBe(413);
    expect(result.body).toEqual({ ok: false, message: "This save is larger than 10 MB. Save more often, in smaller steps." });
  });

  it("refuses a body over 10 MB that declares no length (413)", async () => {
    const huge = JSON.stringify(saveBody(base(), [newNode("role", "Big", { fields: { name: "Big", description: "x".repeat(EDITOR_BODY_MAX_BYTES) } })]));
    expect((await refusedAction(huge)).status).toBe(413);
  });

  it.each([["text/plain"], ["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"], [""]])("refuses a body sent as %j (415), as a form on another site would send it", async (type) => {
    const body = JSON.stringify(saveBody(base(), [newNode("role", "Planted by a form")]));
    expect(await refusedAction(body, { "Content-Type": type })).toEqual({
      status: 415,
      body: { ok: false, message: "An editor save must be sent as JSON (Content-Type: application/json)." },
    });
  });

  it("takes application/json with a charset", async () => {
    const response = await handleEditorAction(await postEditor(AUTHOR, "CBIC", saveBody(base(), [newNode("role", "Charset")]), { "Content-Type": "Application/JSON; charset=utf-8" }), "CBIC");
    expect(response.status).toBe(200);
  });

  it("refuses a body that is not JSON", async () => {
    expect(await refusedAction("{ intent: save")).toEqual({ status: 400, body: { ok: false, message: "The request body is not JSON." } });
    expect((await refusedAction("")).body.message).toBe("The request body is not JSON.");
  });

  it.each([["[1, 2]"], ['"save"'], ["null"], ["42"]])("refuses %s, which is not an object", async (text) => {
    expect(await refusedAction(text)).toEqual({ status: 400, body: { ok: false, message: 'The request body must be a JSON object with an "intent".' } });
  });

  it("refuses an unknown or missing intent", async () => {
    expect((await refusedAction({ intent: "explode" })).body).toEqual({ ok: false, message: 'Unknown intent "explode".' });
    expect((await refusedAction({ intent: "x".repeat(500) })).body.message).toHaveLength('Unknown intent "".'.length + 60);
    expect((await refusedAction({ baseRevision: 1 })).body.message).toBe("The request names no intent; expected one of: save.");
  });

  it("refuses an empty change list", async () => {
    expect(await refusedAction(saveBody(base(), []))).toEqual({
      status: 400,
      body: { ok: false, message: "ops: A save needs at least one change." },
    });
  });

  it("refuses an over-long name, naming the path and the change", async () => {
    const long = newNode("position", "x".repeat(301));
    expect(await refusedAction(saveBody(base(), [newNode("role", "Fine"), long]))).toEqual({
      status: 400,
      body: { ok: false, message: "ops[1].fields.name: Name is longer than 300 characters.", opIndex: 1 },
    });
  });

  it("refuses an unknown operation and a malformed id", async () => {
    const unknownOp = await refusedAction(saveBody(base(), [{ op: "node.explode", id: crypto.randomUUID() }]));
    expect(unknownOp.body.message).toBe(
      'ops[0].op: Unknown op "node.explode"; expected one of: node.create, node.update, node.move, node.delete, link.create, link.update, link.delete, competency.create.',
    );
    const badId = await refusedAction(saveBody(base(), [{ op: "node.delete", id: "1 OR 1=1" }]));
    expect(badId).toMatchObject({ status: 400, body: { message: "ops[0].id: Invalid UUID", opIndex: 0 } });
  });

  it("passes on the model's refusals with their status, change index and current revision", async () => {
    const stale = await refusedAction(saveBody(base() - 1, [newNode("role", "Late")]));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ ok: false, currentRevision: base() });
    expect(stale.body.message).toContain("reload to see");

    const ghost = crypto.randomUUID();
    expect(await refusedAction(saveBody(base(), [newNode("role", "Kept?"), { op: "node.delete", id: ghost }]))).toEqual({
      status: 400,
      body: { ok: false, message: `No node with id ${ghost} in this framework.`, code: "node.missing", opIndex: 1 },
    });
  });
});
