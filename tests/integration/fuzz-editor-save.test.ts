/**
 * Fuzzing the editor's save parser (fast-check, bounded): any body, any JSON, and change sets
 * with any field replaced by any JSON get a 400 or 409 with a message, never an exception or
 * a 500; a refused save writes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { handleEditorAction } from "~/routes/frameworks.$code.edit/editor-action.server";
import { AUTHOR, expectNothingWritten, ministry, newLink, newNode, postEditor, snapshot } from "../factories/edit-ops";

async function outcome(body: unknown) {
  const before = snapshot();
  const response = await handleEditorAction(await postEditor(AUTHOR, "CBIC", body), "CBIC");
  const reply = (await response.json()) as { ok: boolean; message?: string };
  if (response.status !== 200) {
    expect([400, 409, 413]).toContain(response.status);
    expect(reply.ok).toBe(false);
    expect(typeof reply.message).toBe("string");
    expect(reply.message!.length).toBeGreaterThan(0);
    expectNothingWritten(before);
  }
  return response.status;
}

const RUNS = { numRuns: 60, interruptAfterTimeLimit: 20_000 };

describe("fuzzing the editor save", { timeout: 90_000 }, () => {
  it("answers any text body with a status and a message", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
      await outcome(text);
    }), RUNS);
  });

  it("answers any JSON body with a status and a message", async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
      await outcome(JSON.stringify(value));
    }), RUNS);
  });

  it("answers a save with any one field of its edit ops replaced by any JSON", async () => {
    const fields = ["intent", "baseRevision", "ops", "0", "0.op", "0.id", "0.kind", "0.fields", "0.fields.name", "1.from", "1.to", "1.kind", "1.level"] as const;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 }), async (field, value) => {
      const role = newNode("role", "Fuzzed role");
      const activity = newNode("activity", "Fuzzed activity");
      const ops: unknown[] = [role, newLink("role_activity", role.id, activity.id), activity];
      const body: Record<string, unknown> = { intent: "save", baseRevision: ministry("CBIC").revision, ops };
      const [head, ...rest] = field.split(".");
      if (rest.length === 0 && !/^\d$/u.test(head)) body[head] = value;
      else {
        let target = ops[Number(head)] as Record<string, unknown>;
        const keys = rest.length ? rest : [];
        if (keys.length === 0) ops[Number(head)] = value;
        else {
          for (const key of keys.slice(0, -1)) target = (target[key] ?? {}) as Record<string, unknown>;
          target[keys[keys.length - 1]] = value;
        }
      }
      await outcome(body);
    }), RUNS);
  });
});
