/**
 * What the CBC dashboard shows of each ministry's draft: the validator's error and warning counts
 * and the completeness score. Validating and scoring every draft on every visit would cost the
 * dashboard most of its time with hundreds of ministries, so both are kept per draft revision:
 * every saved change (an edit, an import, a dictionary merge) bumps the revision, and a new
 * revision is read again on the next visit; so does any change to the dictionary (its own revision).
 */
import { getClient } from "@db/client";
import { computeCompleteness } from "@schemas/completeness";
import { summarizeFindings } from "@schemas/findings";
import { validateFracDocument } from "@schemas/validator";
import { loadDraftDocument } from "../draft/document.server";
import { dictionaryRevision } from "./draft-insight.server";

export type DraftFacts = { errors: number; warnings: number; completeness: number };

// Enough for every ministry's draft (about 800 are active at most) with room to spare.
const CACHE_MAX = 4000;
const cache = new Map<string, DraftFacts>();

/** The submit-mode findings of a ministry's draft, counted, and its completeness (0–100); null when it has no draft. */
export function draftFacts({ mdoId, frameworkId, revision }: { mdoId: string; frameworkId: string; revision: number }): DraftFacts | null {
  // why the file in the key: test databases are copies of one seeded file, so the same framework id can mean different drafts.
  // why the dictionary's revision too: the validator and the score read the linked entries, which change without the draft's revision.
  const key = `${getClient().file}\n${frameworkId}\n${revision}\n${dictionaryRevision()}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = loadDraftDocument({ mdoId });
  if (!doc) return null;
  const facts = { ...summarizeFindings(validateFracDocument(doc, { mode: "submit" })), completeness: computeCompleteness(doc).score };
  cache.set(key, facts);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return facts;
}
