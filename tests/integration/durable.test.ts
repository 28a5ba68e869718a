import { describe, expect, it, vi } from "vitest";
import { getClient } from "@db/client";
import { durably } from "@db/durable";
import { userId } from "@db/ids";
import { addComment } from "~/models/review/comments.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { applyEditOps } from "~/models/draft-save/save.server";

const positionId = () => getClient().sqlite.prepare("select n.id from nodes n join frameworks f on f.id = n.framework_id join mdos m on m.id = f.mdo_id where m.code = 'CBIC' and n.kind = 'position' limit 1").pluck().get() as string;
const synchronous = () => getClient().sqlite.pragma("synchronous", { simple: true });

describe("durable commits", () => {
  it("runs with synchronous = FULL (2) and puts NORMAL (1) back, also when the work throws", () => {
    expect(synchronous()).toBe(1);
    expect(durably(() => synchronous())).toBe(2);
    expect(synchronous()).toBe(1);
    expect(() =>
      durably(() => {
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(synchronous()).toBe(1);
  });

  it("commits a comment (whose notices may be e-mailed) with FULL, and an editor save with NORMAL", () => {
    const { sqlite } = getClient();
    // why a spy that passes through: it only records which settings each commit ran under.
    const pragma = vi.spyOn(sqlite, "pragma");
    const mdo = getMdoByCode({ code: "CBIC" })!;
    const comment = addComment({ mdoId: mdo.id, userId: userId("reviewer@frac.test"), body: "Durable, please." });
    expect(comment).toMatchObject({ ok: true });
    expect(pragma.mock.calls.map((c) => c[0])).toEqual(["synchronous = FULL", "synchronous = NORMAL"]);
    pragma.mockClear();
    const revision = sqlite.prepare("select revision from frameworks where mdo_id = ?").pluck().get(mdo.id) as number;
    expect(applyEditOps({ mdoId: mdo.id, userId: userId("author@frac.test"), baseRevision: revision, ops: [{ op: "node.update", id: positionId(), fields: { description: "Not announced" } }] })).toMatchObject({ ok: true });
    expect(pragma.mock.calls).toEqual([]);
    pragma.mockRestore();
    expect(synchronous()).toBe(1);
  });

  it("publishes a version with FULL: submit, verify and approve each commit durably", () => {
    const { sqlite } = getClient();
    const pragma = vi.spyOn(sqlite, "pragma");
    const mdo = getMdoByCode({ code: "CBIC" })!;
    expect(submitFramework({ mdoId: mdo.id, userId: userId("author@frac.test") })).toMatchObject({ ok: true });
    expect(verifyFramework({ mdoId: mdo.id, userId: userId("reviewer@frac.test") })).toMatchObject({ ok: true });
    expect(approveFramework({ mdoId: mdo.id, userId: userId("board@frac.test") })).toMatchObject({ ok: true, version: { number: 2 } });
    expect(pragma.mock.calls.map((c) => c[0])).toEqual(Array.from({ length: 3 }, () => ["synchronous = FULL", "synchronous = NORMAL"]).flat());
    pragma.mockRestore();
  });
});
