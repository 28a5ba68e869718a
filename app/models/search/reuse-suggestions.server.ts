/**
 * Reuse instead of retyping: the roles and activities most like what an author is typing, from
 * the ministry's own draft and from every published framework (never another ministry's draft),
 * each with where it comes from and what it requires.
 */
import type { FracDocument, FracNode } from "@schemas/frac-document";
import { loadDraftDocument } from "../draft/document.server";
import { memoBySnapshot } from "../publication/snapshot-cache.server";
import { getVersion, listPublishedFrameworks } from "../publication/versions.server";

export const SUGGESTION_KINDS = ["role", "activity"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export type Suggestion = {
  nodeId: string;
  kind: SuggestionKind;
  name: string;
  description: string;
  /** Where it comes from: a ministry's draft (version null) or its published version. */
  from: { mdo: string; mdoName: string; version: number | null };
  /** What it requires: its activities (for a role) and competencies with their levels. */
  activities: string[];
  competencies: { name: string; level: number }[];
  score: number;
};

type Candidate = Omit<Suggestion, "score">;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const STOP = new Set(["and", "or", "of", "the", "a", "an", "to", "for", "in", "on", "with", "by", "के", "की", "का", "और", "में"]);

/** The words of a text, lower-cased, without the commonest joining words. */
export function wordsOf(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => !STOP.has(w)));
}

/**
 * How alike a query is to a candidate, 0 to 1: the share of the query's words found in the name
 * (a word counts when a name word starts with it, so typing "consol" finds "Consolidate"),
 * with the description as a weaker second. The one ranking function, to be swapped for the
 * search index's when that arrives.
 */
export function similarity(query: Set<string>, name: string, description: string): number {
  if (query.size === 0) return 0;
  const nameWords = [...wordsOf(name)];
  const descWords = [...wordsOf(description)];
  let inName = 0;
  let inDesc = 0;
  for (const q of query) {
    if (nameWords.some((w) => w.startsWith(q))) inName++;
    else if (descWords.some((w) => w.startsWith(q))) inDesc++;
  }
  const shortName = nameWords.length ? Math.min(1, query.size / nameWords.length) : 0;
  return (inName + 0.4 * inDesc) / query.size * (0.85 + 0.15 * shortName);
}

/** Every role and activity of a document, with its activities and competency requirements. */
function candidatesOf(doc: FracDocument, from: Candidate["from"]): Candidate[] {
  const byId = new Map<string, FracNode>(doc.nodes.map((n) => [n.id, n] as const));
  const out = new Map<string, string[]>();
  const req = new Map<string, { name: string; level: number }[]>();
  for (const l of doc.links) {
    const to = byId.get(l.to);
    if (!to) continue;
    if (l.kind === "role_activity") out.set(l.from, [...(out.get(l.from) ?? []), to.name]);
    if (l.level !== undefined) req.set(l.from, [...(req.get(l.from) ?? []), { name: to.name, level: l.level }]);
  }
  return doc.nodes
    .filter((n): n is FracNode & { kind: SuggestionKind } => n.kind === "role" || n.kind === "activity")
    .map((n) => ({ nodeId: n.id, kind: n.kind, name: n.name, description: n.description ?? "", from, activities: out.get(n.id) ?? [], competencies: req.get(n.id) ?? [] }));
}

async function publishedCandidates(): Promise<Candidate[]> {
  const all: Candidate[] = [];
  for (const f of listPublishedFrameworks()) {
    const list = await memoBySnapshot(`${f.sha256}:suggestion-candidates`, () => {
      const version = getVersion({ mdoId: f.mdoId, number: f.latestVersion });
      return version ? candidatesOf(version.document, { mdo: f.code, mdoName: f.name, version: f.latestVersion }) : [];
    });
    all.push(...list);
  }
  return all;
}

/**
 * The roles or activities most like `q`, best first: from the draft of `mdoId` (the caller has
 * checked the user may read it) and from every published framework's latest version.
 */
export async function suggestNodes({ kind, q, mdoId, limit = 8 }: { kind: SuggestionKind; q: string; mdoId: string; limit?: number }): Promise<Suggestion[]> {
  const query = wordsOf(q);
  if (query.size === 0) return [];
  const draft = loadDraftDocument({ mdoId });
  const own = draft ? candidatesOf(draft, { mdo: draft.mdo.code, mdoName: draft.mdo.name, version: null }) : [];
  const ownIds = new Set(own.map((c) => c.nodeId));
  // why: the ministry's own published nodes are in its draft too, under the same ids; the draft is what the author edits.
  const scored = [...own, ...(await publishedCandidates()).filter((c) => !ownIds.has(c.nodeId))]
    .filter((c) => c.kind === kind)
    .map((c) => ({ ...c, score: similarity(query, c.name, c.description) }))
    .filter((c) => c.score >= 0.3);
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit);
}
