/**
 * Pure text work for search: how a query is cut into words the way the FTS5 index cuts text
 * (unicode61 with letters, numbers and marks as word characters, Latin diacritics removed), how
 * close two words are, and how the FTS5 MATCH expression is written.
 */

// Letters, numbers and combining marks (Devanagari vowel signs and virama are marks).
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// Combining marks of the Latin range only: removing all marks would break Devanagari words.
const LATIN_MARKS = /[\u0300-\u036f]/g;

/** The words of a text as the index holds them: lower case, Latin accents removed. */
export function searchWords(text: string): string[] {
  const folded = text.normalize("NFKD").replace(LATIN_MARKS, "").normalize("NFC").toLowerCase();
  return folded.match(WORD) ?? [];
}

/** The padded character trigrams of a word ("ab" gives " ab", "ab "), by code point. */
export function trigrams(word: string): string[] {
  const chars = [" ", ...word, " "];
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(""));
  return out;
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment),
 * stopping early once every path exceeds `max`; by code point, so Devanagari counts per character.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[t.length]!;
}

/** How many edits a word of this length may be away from a dictionary word and still match it. */
export function allowedEdits(word: string): number {
  const n = [...word].length;
  if (n < 4) return 0;
  return n < 7 ? 1 : 2;
}

/** One word of a MATCH expression: itself, or the words it may stand for; `prefix` adds `*`. */
export type QueryWord = { alternatives: string[]; prefix: boolean };

const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression that requires every word (any of its alternatives); "" when there is none. */
export function matchExpression(words: readonly QueryWord[]): string {
  const groups = words
    .filter((w) => w.alternatives.length > 0)
    .map((w) => {
      const terms = w.alternatives.map((a) => quote(a) + (w.prefix ? "*" : ""));
      return terms.length === 1 ? terms[0]! : `(${terms.join(" OR ")})`;
    });
  return groups.join(" AND ");
}
