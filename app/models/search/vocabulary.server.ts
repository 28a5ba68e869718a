/**
 * Typo tolerance: the words of the search index (read from FTS5's own vocabulary table) with a
 * trigram index in memory, so that "decison" can be read as "decision". Reloaded when the index's
 * generation (bumped by its triggers) has moved on since it was loaded.
 */
import type { Database } from "better-sqlite3";
import { allowedEdits, editDistance, trigrams } from "@schemas/search-text";

type Vocabulary = {
  generation: number;
  /** Every word, sorted, with the number of rows that hold it. */
  sorted: string[];
  docs: Map<string, number>;
  byTrigram: Map<string, string[]>;
};

let cached: { sqlite: Database; vocabulary: Vocabulary } | undefined;

function load(sqlite: Database, generation: number): Vocabulary {
  const rows = sqlite.prepare("select term, doc from search_vocab").raw().all() as [string, number][];
  const docs = new Map(rows);
  const byTrigram = new Map<string, string[]>();
  for (const [term] of rows) {
    for (const g of new Set(trigrams(term))) {
      const list = byTrigram.get(g);
      if (list) list.push(term);
      else byTrigram.set(g, [term]);
    }
  }
  const sorted = rows.map(([t]) => t).sort();
  return { generation, sorted, docs, byTrigram };
}

/** The vocabulary of this database, loading it again when the index changed since. */
export function vocabulary(sqlite: Database): Vocabulary {
  const generation = sqlite.prepare("select generation from search_state where id = 1").pluck().get() as number;
  if (cached?.sqlite !== sqlite || cached.vocabulary.generation !== generation) {
    cached = { sqlite, vocabulary: load(sqlite, generation) };
  }
  return cached.vocabulary;
}

/** True when some indexed word is `word` (or, with `prefix`, starts with it). */
export function knows(v: Vocabulary, word: string, prefix: boolean): boolean {
  if (!prefix) return v.docs.has(word);
  let lo = 0;
  let hi = v.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo < v.sorted.length && v.sorted[lo]!.startsWith(word);
}

const CANDIDATES = 60;
const MAX_SUGGESTIONS = 3;

/**
 * Indexed words within a few edits of `word` (with `prefix`, words whose beginning is), nearest
 * first and, among equals, the most used; empty for words too short to guess at.
 */
export function similarWords(v: Vocabulary, word: string, prefix: boolean): string[] {
  const max = allowedEdits(word);
  if (max === 0) return [];
  const shared = new Map<string, number>();
  const grams = trigrams(word);
  // why drop the closing trigram when typing: the word is not finished, its end is not the end.
  for (const g of prefix ? grams.slice(0, -1) : grams) {
    for (const term of v.byTrigram.get(g) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
  }
  const length = [...word].length;
  const scored: { term: string; distance: number; docs: number }[] = [];
  const candidates = [...shared].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);
  for (const [term] of candidates) {
    const chars = [...term];
    const distance = prefix
      ? Math.min(
          ...[length - 1, length, length + 1].map((n) => (n > 0 && n <= chars.length ? editDistance(word, chars.slice(0, n).join(""), max) : max + 1)),
        )
      : editDistance(word, term, max);
    if (distance <= max) scored.push({ term, distance, docs: v.docs.get(term) ?? 0 });
  }
  scored.sort((a, b) => a.distance - b.distance || b.docs - a.docs);
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.term);
}
