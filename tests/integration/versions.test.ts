// Published versions: what the demo history publishes, reading them, self-contained snapshots,
// and the triggers that make versions and the review trail immutable.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getClient, getDb } from "@db/client";
import { domainCompetencyId, userId } from "@db/ids";
import { competencies, reviewEvents, versions } from "@db/schema";
import type { CompetencyNode } from "@schemas/frac-document";
import { loadDraftDocument } from "~/models/draft/document.server";
import { seedDemoHistory } from "~/models/demo/history.server";
import {
  diffVersions,
  getLatestVersion,
  getPublishedVersionNumber,
  getVersion,
  listPublishedFrameworks,
  listVersions,
  serializeDocument,
} from "~/models/publication/versions.server";
import { ministry } from "../factories/edit-ops";

const cbic = () => ministry("CBIC");
const REFUND = domainCompetencyId("CBIC", "Refund processing");

describe("the demo history", () => {
  it("publishes CBIC as version 1, submitted by the demo author, verified by the reviewer and approved by the board", () => {
    expect(getPublishedVersionNumber({ mdoId: cbic().mdoId })).toBe(1);
    expect(getPublishedVersionNumber({ mdoId: ministry("MOHFW").mdoId })).toBeNull();
    const [v1] = listVersions({ mdoId: cbic().mdoId });
    expect(v1).toMatchObject({
      number: 1,
      approvedBy: userId("board@frac.test"),
      approverName: "Bina Das (CBC review board)",
      submitterName: "Asha Rao (CBIC HR cell)",
      verifierName: "Ravi Kumar (CBC technical review)",
    });
    expect(v1.nodeCount).toBeGreaterThan(150);
    expect(cbic().status).toBe("DRAFT");
  });

  it("leaves a draft with changes on top, valid and different from version 1", () => {
    const draft = loadDraftDocument({ mdoId: cbic().mdoId })!;
    const diff = diffVersions({ mdoId: cbic().mdoId, from: 1, to: "draft" });
    expect(diff.ok && diff.diff.summary.identical).toBe(false);
    expect(draft.nodes.length).toBe(listVersions({ mdoId: cbic().mdoId })[0].nodeCount + 1);
  });

  it("is idempotent: running it again publishes and changes nothing", () => {
    const revision = cbic().revision;
    expect(seedDemoHistory()).toEqual({ published: null, changes: 0 });
    expect(cbic().revision).toBe(revision);
    expect(listVersions({ mdoId: cbic().mdoId })).toHaveLength(1);
  });
});

describe("reading versions", () => {
  it("gives the stored text byte for byte, the parsed document and its sha256", () => {
    const v1 = getVersion({ mdoId: cbic().mdoId, number: 1 })!;
    expect(v1.sha256).toBe(crypto.createHash("sha256").update(v1.text, "utf8").digest("hex"));
    expect(serializeDocument(v1.document)).toEqual({ text: v1.text, sha256: v1.sha256 });
    expect(v1.document).toMatchObject({ version: 1, status: "PUBLISHED", publishedAt: v1.publishedAt, mdo: { code: "CBIC" } });
    expect(getLatestVersion({ mdoId: cbic().mdoId })?.number).toBe(1);
  });

  it("answers null for a version that does not exist", () => {
    for (const number of [0, -1, 2, 1.5, Number.NaN]) expect(getVersion({ mdoId: cbic().mdoId, number })).toBeNull();
    expect(getVersion({ mdoId: ministry("MOHFW").mdoId, number: 1 })).toBeNull();
    expect(getLatestVersion({ mdoId: ministry("MOHFW").mdoId })).toBeNull();
  });

  it("lists the ministries with a published framework and their latest version", () => {
    const rows = listPublishedFrameworks();
    expect(rows.map((r) => [r.code, r.latestVersion])).toEqual([["CBIC", 1]]);
    expect(rows[0]).toMatchObject({ name: "Central Board of Indirect Taxes and Customs (CBIC)", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("says which versions exist when asked to diff one that does not", () => {
    expect(diffVersions({ mdoId: cbic().mdoId, from: 7, to: "draft" })).toEqual({
      ok: false,
      status: 404,
      message: "There is no version 7 of this framework; the published versions are 1 to 1.",
    });
    expect(diffVersions({ mdoId: ministry("MOHFW").mdoId, from: 1, to: "draft" })).toMatchObject({
      message: "There is no version 1 of this framework; no version has been published yet.",
    });
  });
});

describe("a published snapshot is self-contained", () => {
  it("keeps the competency text and scale it was approved with after the dictionary changes", () => {
    const before = getVersion({ mdoId: cbic().mdoId, number: 1 })!;
    const published = before.document.nodes.find((n): n is CompetencyNode => n.id === REFUND && n.kind === "competency")!;
    expect(published.scale.levels).toHaveLength(5);
    const oldDescription = published.description;

    getDb().update(competencies).set({ description: "Sanction of refunds under customs and GST law, rewritten by the curator." }).where(eq(competencies.id, REFUND)).run();

    const after = getVersion({ mdoId: cbic().mdoId, number: 1 })!;
    expect(after.text).toBe(before.text);
    expect(after.sha256).toBe(before.sha256);
    const draft = loadDraftDocument({ mdoId: cbic().mdoId })!;
    expect(draft.nodes.find((n) => n.id === REFUND)?.description).toBe("Sanction of refunds under customs and GST law, rewritten by the curator.");
    const diff = diffVersions({ mdoId: cbic().mdoId, from: 1, to: "draft" });
    if (!diff.ok) throw new Error(diff.message);
    expect(diff.diff.nodes.changed.find((n) => n.id === REFUND)?.changes).toEqual([
      { field: "description", before: oldDescription, after: "Sanction of refunds under customs and GST law, rewritten by the curator." },
    ]);
  });
});

describe("immutability, enforced by the database", () => {
  const { sqlite } = getClient();

  it("refuses UPDATE and DELETE of a published version, even in direct SQL", () => {
    const id = getDb().select({ id: versions.id }).from(versions).get()!.id;
    expect(() => sqlite.prepare("update versions set document = '{}' where id = ?").run(id)).toThrow("published versions are immutable");
    expect(() => sqlite.prepare("update versions set number = 99").run()).toThrow("published versions are immutable");
    expect(() => sqlite.prepare("delete from versions where id = ?").run(id)).toThrow("published versions are immutable");
    expect(() => sqlite.prepare("delete from versions").run()).toThrow("published versions are immutable");
    expect(getVersion({ mdoId: cbic().mdoId, number: 1 })?.text).toMatch(/^\{\n {2}"schemaVersion"/);
  });

  it("refuses UPDATE and DELETE of review events, even in direct SQL", () => {
    const id = getDb().select({ id: reviewEvents.id }).from(reviewEvents).get()!.id;
    expect(() => sqlite.prepare("update review_events set reason = 'rewritten' where id = ?").run(id)).toThrow("review_events is append-only");
    expect(() => sqlite.prepare("delete from review_events where id = ?").run(id)).toThrow("review_events is append-only");
    expect(getDb().select().from(reviewEvents).where(eq(reviewEvents.id, id)).get()?.reason).toBeNull();
  });

  it("refuses UPDATE and DELETE of audit rows, even in direct SQL", () => {
    expect(() => sqlite.prepare("update audit_log set after = null").run()).toThrow("audit_log is append-only");
    expect(() => sqlite.prepare("delete from audit_log").run()).toThrow("audit_log is append-only");
  });
});
