/**
 * Text helpers shared by the validator, the importer and the dictionary search, so that
 * "the same name" means one thing everywhere.
 */

// why: zero-width spaces arrive in names pasted from Word and PDFs and are invisible to
// the person comparing them. ZWJ/ZWNJ (U+200C, U+200D) are left alone: in Devanagari they
// change how a conjunct is written, so removing them could merge two different words.
const ZERO_WIDTH_SPACES = /[\u200B\u2060]/gu;
// \s already covers NBSP, the U+2000 block, U+3000 and the byte-order mark.
const WHITESPACE_RUN = /\s+/gu;

/** The comparison form of a name: NFC, no zero-width spaces, whitespace collapsed and trimmed, lower case. */
export function normalizeName(s: string): string {
  return s
    .normalize("NFC")
    .replace(ZERO_WIDTH_SPACES, "")
    .replace(WHITESPACE_RUN, " ")
    .trim()
    .toLocaleLowerCase("en");
}

/** True when the text has nothing visible once whitespace and zero-width spaces are removed. */
export function isBlank(s: string): boolean {
  return s.replace(ZERO_WIDTH_SPACES, "").trim() === "";
}

/** A number grouped the way Indian government documents write it, e.g. 2,50,000 (lakh grouping). */
export function formatCount(n: number): string {
  return n.toLocaleString("en-IN");
}
