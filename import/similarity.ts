/**
 * "Did you mean": the dictionary names closest to a name that matched nothing, by trigram
 * similarity on normalised names. Trigrams forgive typos, missing words and swapped word
 * order ("Judgement, sound"), which is what people get wrong when they type a competency.
 */
import { normalizeName } from "@schemas/text";

const MIN_SIMILARITY = 0.3;

/** The trigrams of a normalised name, padded so that word starts and ends count. */
function trigrams(name: string): Set<string> {
  const padded = `  ${normalizeName(name).replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of two names' trigram sets: 1 for the same normalised name, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  return dice(trigrams(a), trigrams(b));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Indexes candidate names once, then answers "which are closest to this name?" as often as needed. */
export class NameSuggester {
  private readonly candidates: { name: string; key: string; grams: Set<string> }[] = [];
  private readonly seen = new Set<string>();

  constructor(names: Iterable<string> = []) {
    for (const name of names) this.add(name);
  }

  /** Adds a candidate; names that normalise alike are kept once. */
  add(name: string): void {
    const key = normalizeName(name);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.candidates.push({ name, key, grams: trigrams(name) });
  }

  /** Up to `limit` candidate names, most similar first, that are at least somewhat like `name` and not `name` itself. */
  closest(name: string, limit = 3): string[] {
    const grams = trigrams(name);
    const given = normalizeName(name);
    return this.candidates
      .filter((c) => c.key !== given)
      .map((c) => ({ name: c.name, score: dice(grams, c.grams) }))
      .filter((c) => c.score >= MIN_SIMILARITY)
      .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, limit)
      .map((c) => c.name);
  }
}
