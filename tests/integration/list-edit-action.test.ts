// The list editing page saves through the editor's action at /frameworks/:code/edits: same access rules, same checks.
import { describe, expect, it } from "vitest";
import { action } from "~/routes/frameworks.$code.edits";
import { thrownResponse } from "../support/request";
import { AUTHOR, expectNothingWritten, ministry, newNode, OTHER_AUTHOR, postEditor, saveBody, snapshot, VIEWER } from "../factories/edit-ops";

const post = async (email: string, code: string, body: unknown, headers: Record<string, string> = {}) => {
  const request = await postEditor(email, code, body, headers);
  return action({ request: new Request(request.url.replace(/\/edit$/u, "/edits"), request), params: { code }, context: {} });
};

describe("the list editing save action", () => {
  it("saves an author's change set and answers with the new revision", async () => {
    const revision = ministry("CBIC").revision;
    const response = await post(AUTHOR, "CBIC", saveBody(revision, [newNode("position", "Added from the list")]));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, revision: revision + 1 });
    expect(ministry("CBIC").revision).toBe(revision + 1);
  });

  it("refuses a viewer with 403 and another ministry's author with 404, writing nothing", async () => {
    const before = snapshot();
    const body = saveBody(ministry("CBIC").revision, [newNode("role", "Planted")]);
    expect((await thrownResponse(() => post(VIEWER, "CBIC", body))).status).toBe(403);
    expect((await thrownResponse(() => post(OTHER_AUTHOR, "CBIC", body))).status).toBe(404);
    expectNothingWritten(before);
  });

  it("refuses a stale revision with 409 and a form-encoded body with 415, writing nothing", async () => {
    const before = snapshot();
    const revision = ministry("CBIC").revision;
    const stale = await post(AUTHOR, "CBIC", saveBody(revision - 1, [newNode("role", "Late")]));
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentRevision).toBe(revision);
    const form = await post(AUTHOR, "CBIC", "intent=save", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expectNothingWritten(before);
  });
});
