/**
 * Competency demand and completeness of published versions, computed once per version. A
 * published version never changes, and what it needs is a pure function of its stored text, so
 * both are kept by the version's sha256: in memory for this process, and in the version_insight
 * table so a restarted server (or the CLI) does not parse a 20,000-node snapshot again. The table
 * is filled at publication and, for versions published before it existed, on a version's first read.
 * Decision 030 says why and what it costs.
 */
import { computeCompleteness, type Completeness } from "@schemas/completeness";
import { computeDemand, type DemandRow } from "@schemas/demand";
import type { FracDocument } from "@schemas/frac-document";
import { getClient } from "@db/client";
import { preparedPerClient } from "@db/prepared";
import { getVersion } from "../publication/versions.server";

/**
 * The version of the demand and completeness rules (schemas/demand.ts, schemas/completeness.ts)
 * whose results the table holds. Bump it whenever a rule's output changes: rows of another
 * version are then computed again on their next read.
 */
export const INSIGHT_RULES = 1;

export type VersionInsight = { demand: DemandRow[]; completeness: Completeness };

// Several hundred published versions' results; a 20,000-node framework's completeness is about 1 MB.
const MEMORY_MAX = 1000;
const memory = new Map<string, VersionInsight>();

const statements = preparedPerClient(() => {
  const { sqlite } = getClient();
  return {
    // why INDEXED BY: SQLite would pick the unique index and then read the row, walking the stored document's overflow pages to reach sha256 (50 ms for 20,000 nodes).
    sha: sqlite.prepare("select sha256 from versions indexed by versions_summary where mdo_id = ? and number = ?").pluck(),
    read: sqlite.prepare("select demand, completeness from version_insight where sha256 = ? and rules = ?").raw(),
    write: sqlite.prepare("insert or replace into version_insight (sha256, rules, demand, completeness) values (?, ?, ?, ?)"),
  };
});

function remember(sha256: string, insight: VersionInsight): VersionInsight {
  memory.set(sha256, insight);
  if (memory.size > MEMORY_MAX) memory.delete(memory.keys().next().value!);
  return insight;
}

/**
 * Computes and stores what a just-published document needs. Call with the text's sha256, on the
 * publishing transaction's connection: the row is written with the version or not at all.
 */
export function recordVersionInsight(sha256: string, document: FracDocument): VersionInsight {
  const insight = { demand: computeDemand(document), completeness: computeCompleteness(document) };
  statements().write.run(sha256, INSIGHT_RULES, JSON.stringify(insight.demand), JSON.stringify(insight.completeness));
  return remember(sha256, insight);
}

/** Demand and completeness of a ministry's published version number `number`; null when there is no such version. */
export function versionInsight({ mdoId, number }: { mdoId: string; number: number }): VersionInsight | null {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const sha256 = statements().sha.get(mdoId, number) as string | undefined;
  if (sha256 === undefined) return null;
  return insightBySha(sha256, () => getVersion({ mdoId, number })?.document ?? null);
}

/** The same, for a version known by its sha256 (e.g. from listPublishedFrameworks); `read` gives its document on a miss. */
export function insightBySha(sha256: string, read: () => FracDocument | null): VersionInsight | null {
  const hit = memory.get(sha256);
  if (hit) return hit;
  const row = statements().read.get(sha256, INSIGHT_RULES) as [string, string] | undefined;
  if (row) return remember(sha256, { demand: JSON.parse(row[0]) as DemandRow[], completeness: JSON.parse(row[1]) as Completeness });
  const document = read();
  return document ? recordVersionInsight(sha256, document) : null;
}
