/**
 * The validator's error and warning counts on each ministry's draft, for the CBC dashboard.
 * Validating every draft on every visit would cost the dashboard most of its time with hundreds of
 * ministries, so counts are kept per draft revision: every saved change bumps the revision, and a
 * new revision is validated again on the next visit.
 */
import { getClient } from "@db/client";
import { summarizeFindings } from "@schemas/findings";
import { validateFracDocument } from "@schemas/validator";
import { loadDraftDocument } from "../draft/document.server";

export type FindingCounts = { errors: number; warnings: number };

// Enough for every ministry's draft (about 800 are active at most) with room to spare.
const CACHE_MAX = 4000;
const cache = new Map<string, FindingCounts>();

/** The submit-mode findings of a ministry's draft, counted; null when it has no draft. */
export function draftFindingCounts({ mdoId, frameworkId, revision }: { mdoId: string; frameworkId: string; revision: number }): FindingCounts | null {
  // why the file in the key: test databases are copies of one seeded file, so the same framework id can mean different drafts.
  const key = `${getClient().file}\n${frameworkId}\n${revision}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = loadDraftDocument({ mdoId });
  if (!doc) return null;
  const counts = summarizeFindings(validateFracDocument(doc, { mode: "submit" }));
  cache.set(key, counts);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return counts;
}
