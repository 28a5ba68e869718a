/**
 * Published versions: numbered, immutable FracDocument snapshots of a ministry's framework.
 * Any signed-in user may read a published version (routes check the sign-in); drafts stay
 * with the ministry and the CBC.
 */
import { sha256Hex } from "@db/hash";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getClient, getDb } from "@db/client";
import { mdos, users, versions } from "@db/schema";
import { diffDocuments, type FracDiff } from "@schemas/diff";
import { parseFracDocument, type FracDocument } from "@schemas/frac-document";
import { loadDraftDocument } from "../draft/document.server";
import { ByteBudgetCache, memoBySnapshot } from "./snapshot-cache.server";

/** The exact text a version is stored and served as, and its sha256 (hex): also its ETag. */
export function serializeDocument(doc: FracDocument): { text: string; sha256: string } {
  const text = JSON.stringify(doc, null, 2) + "\n";
  return { text, sha256: sha256Hex(text) };
}

/** The latest published version number of an MDO's framework, or null when none is published. */
export function getPublishedVersionNumber({ mdoId }: { mdoId: string }): number | null {
  const row = getDb().select({ top: sql<number | null>`max(${versions.number})` }).from(versions).where(eq(versions.mdoId, mdoId)).get();
  return row?.top ?? null;
}

const submitter = alias(users, "submitter");
const verifier = alias(users, "verifier");

const summaryColumns = {
  number: versions.number,
  sha256: versions.sha256,
  publishedAt: versions.publishedAt,
  nodeCount: versions.nodeCount,
  linkCount: versions.linkCount,
  approvedBy: versions.approvedBy,
  approverName: users.name,
  submitterName: submitter.name,
  verifierName: verifier.name,
};

export type VersionSummary = {
  number: number;
  sha256: string;
  publishedAt: string;
  nodeCount: number;
  linkCount: number;
  approvedBy: string;
  approverName: string | null;
  submitterName: string | null;
  verifierName: string | null;
};

/** A ministry's published versions, newest first, with who submitted, verified and approved each. */
export function listVersions({ mdoId }: { mdoId: string }): VersionSummary[] {
  return getDb()
    .select(summaryColumns)
    .from(versions)
    .leftJoin(users, eq(users.id, versions.approvedBy))
    .leftJoin(submitter, eq(submitter.id, versions.submittedBy))
    .leftJoin(verifier, eq(verifier.id, versions.verifiedBy))
    .where(eq(versions.mdoId, mdoId))
    .orderBy(desc(versions.number))
    .all();
}

export type PublishedVersion = VersionSummary & { text: string; document: FracDocument };
export type PublishedText = VersionSummary & { text: string };

/** One published version: the stored text (byte for byte as published), the parsed document and its sha256; null when absent. */
export function getVersion({ mdoId, number }: { mdoId: string; number: number }): PublishedVersion | null {
  const row = getVersionText({ mdoId, number });
  return row && { ...row, document: readStoredDocument(row.text, `version ${number}`) };
}

/**
 * One published version's stored text and summary, without parsing it: what a JSON export
 * sends as it is (parsing a 20,000-node snapshot to send its text unchanged cost most of the export).
 */
export function getVersionText({ mdoId, number }: { mdoId: string; number: number }): PublishedText | null {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  return (
    getDb()
      .select({ ...summaryColumns, text: versions.document })
      .from(versions)
      .leftJoin(users, eq(users.id, versions.approvedBy))
      .leftJoin(submitter, eq(submitter.id, versions.submittedBy))
      .leftJoin(verifier, eq(verifier.id, versions.verifiedBy))
      .where(and(eq(versions.mdoId, mdoId), eq(versions.number, number)))
      .get() ?? null
  );
}

export type VersionBytes = { bytes: Uint8Array<ArrayBuffer>; sha256: string };

// Room for the stored JSON of many versions: the demo's is 0.4 MB, a 20,000-node framework's about 30 MB.
const VERSION_BYTES_CACHE_MAX = 128 * 1024 * 1024;
const versionBytes = new ByteBudgetCache<VersionBytes>(VERSION_BYTES_CACHE_MAX);
const utf8 = new TextEncoder();

/**
 * A published version's stored text as UTF-8 bytes, and its sha256: what the read API sends byte
 * for byte. Kept in memory after the first read, since a published version never changes.
 */
export function getVersionBytes({ mdoId, number }: { mdoId: string; number: number }): VersionBytes | null {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const client = getClient();
  const key = `${client.file}\n${mdoId}\n${number}`;
  const hit = versionBytes.get(key);
  if (hit) return hit;
  const row = client.db
    .select({ text: versions.document, sha256: versions.sha256 })
    .from(versions)
    .where(and(eq(versions.mdoId, mdoId), eq(versions.number, number)))
    .get();
  if (!row) return null;
  const found = { bytes: utf8.encode(row.text), sha256: row.sha256 };
  versionBytes.set(key, found);
  return found;
}

/** The latest published version of a ministry, or null. */
export function getLatestVersion({ mdoId }: { mdoId: string }): PublishedVersion | null {
  const number = getPublishedVersionNumber({ mdoId });
  return number === null ? null : getVersion({ mdoId, number });
}

/** Every ministry with a published framework and its latest version, by ministry name. */
export function listPublishedFrameworks() {
  const latest = sql`(select max(v2.number) from versions v2 where v2.mdo_id = ${versions.mdoId})`;
  return getDb()
    .select({
      mdoId: mdos.id,
      code: sql<string>`${mdos.code}`,
      name: mdos.name,
      latestVersion: versions.number,
      publishedAt: versions.publishedAt,
      sha256: versions.sha256,
      nodeCount: versions.nodeCount,
      linkCount: versions.linkCount,
    })
    .from(versions)
    .innerJoin(mdos, eq(mdos.id, versions.mdoId))
    .where(and(eq(versions.number, latest), eq(mdos.active, true)))
    .orderBy(asc(mdos.name))
    .all();
}

/** One side of a diff: a version number or the working draft. */
export type DiffSide = number | "draft";

export type VersionDiffResult =
  | { ok: true; diff: FracDiff; from: DiffSide; to: DiffSide; before: FracDocument; after: FracDocument }
  | { ok: false; status: 404; message: string };

/** The diff between two versions of a ministry, or between a version and the draft. */
export function diffVersions({ mdoId, from, to }: { mdoId: string; from: DiffSide; to: DiffSide }): VersionDiffResult {
  const read = (side: DiffSide) => (side === "draft" ? loadDraftDocument({ mdoId }) : (getVersion({ mdoId, number: side })?.document ?? null));
  const before = read(from);
  const after = read(to);
  const missing = [from, to].find((side, i) => (i === 0 ? before : after) === null);
  if (missing !== undefined) {
    const latest = getPublishedVersionNumber({ mdoId });
    const known = latest === null ? "no version has been published yet" : `the published versions are 1 to ${latest}`;
    const what = missing === "draft" ? "This ministry has no draft" : `There is no version ${missing} of this framework`;
    return { ok: false, status: 404, message: `${what}; ${known}.` };
  }
  return { ok: true, diff: diffDocuments(before!, after!), from, to, before: before!, after: after! };
}

/**
 * Ids of nodes in the version before `number` that `number` no longer has ([] for version 1), for
 * the changes feed; kept per snapshot, since a published version never changes.
 */
export function retiredNodeIds({ mdoId, number, sha256 }: { mdoId: string; number: number; sha256: string }): Promise<string[]> {
  return memoBySnapshot(`${sha256}:retired`, () => {
    if (number === 1) return [];
    const before = getVersion({ mdoId, number: number - 1 });
    const after = getVersion({ mdoId, number });
    if (!before || !after) return [];
    return diffDocuments(before.document, after.document).nodes.removed.map((n) => n.id);
  });
}

/** Parses a stored snapshot; a version that does not parse is corrupt data, so it throws. */
function readStoredDocument(text: string, what: string): FracDocument {
  const parsed = parseFracDocument(JSON.parse(text));
  if (!parsed.ok) throw new Error(`Stored ${what} is not a valid FracDocument: ${parsed.issues[0]?.message ?? "unknown"}`);
  return parsed.document;
}
