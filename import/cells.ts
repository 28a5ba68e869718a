/**
 * One cell's text → the value a record holds: the export's injection quote removed, Unicode
 * NFC, trimmed; names on one line; levels and competency types parsed. Shared by every reader.
 */
import { COMPETENCY_TYPES, type CompetencyType } from "@schemas/enums";
import { restoreCell } from "@schemas/flat-layout";
import { LIMITS } from "@schemas/limits";
import { DEFAULT_SCALE } from "@schemas/scale";
import { normalizeName } from "@schemas/text";
import { shownValue, type ImportFinding } from "./findings";

/** A cell as a record holds it: the `'` the exporter added removed, NFC, trimmed, line breaks as "\n". */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined || raw === "") return "";
  const text = restoreCell(raw).normalize("NFC");
  return (text.includes("\r") ? text.replace(/\r\n?/gu, "\n") : text).trim();
}

/** A name: a cleaned cell with every run of whitespace (line breaks included) made one space. */
export function cleanName(raw: string | undefined): string {
  return cleanCell(raw).replace(/\s+/gu, " ");
}

const TYPE_BY_NAME = new Map<string, CompetencyType>([
  ...COMPETENCY_TYPES.map((t) => [normalizeName(t), t] as const),
  ["behavioral", "Behavioural"],
]);

/** The competency type a cell names (case-insensitive; "Behavioral" accepted), or null. */
export function parseCompetencyType(text: string): CompetencyType | null {
  return TYPE_BY_NAME.get(normalizeName(text)) ?? null;
}

export type LevelCell = { ok: true; level: number | string } | { ok: false; message: string };

const DEFAULT_LEVEL_NAMES = DEFAULT_SCALE.levels.map((l) => l.name);

/**
 * A required-level cell: a whole number 1–5 ("3", "3.0" as Excel writes it, "Level 3", "L3"),
 * or a level name that some scale uses. Which numbers and names a given competency allows is
 * checked later, against its own scale.
 */
export function parseLevelCell(text: string, levelNames: ReadonlySet<string>): LevelCell {
  const numeric = /^(?:level|l)?\s*(\d+)(?:\.0+)?$/iu.exec(text);
  if (numeric) {
    const level = Number(numeric[1]);
    if (level >= LIMITS.LEVEL_MIN && level <= LIMITS.LEVEL_MAX) return { ok: true, level };
    return {
      ok: false,
      message: `Required level ${text} is not a level: levels are numbered ${LIMITS.LEVEL_MIN} to ${LIMITS.LEVEL_MAX}.`,
    };
  }
  if (levelNames.has(normalizeName(text))) return { ok: true, level: text };
  return {
    ok: false,
    message: `Required level "${shownValue(text)}" is neither a number ${LIMITS.LEVEL_MIN}–${LIMITS.LEVEL_MAX} nor a level name such as ${DEFAULT_LEVEL_NAMES.join(", ")}.`,
  };
}

/** The normalised level names of the default scale plus those given (e.g. every scale in the dictionary). */
export function levelNameSet(extra: Iterable<string> = []): Set<string> {
  const names = new Set(DEFAULT_LEVEL_NAMES.map(normalizeName));
  for (const name of extra) names.add(normalizeName(name));
  return names;
}

/** A text_too_long finding when the value is longer than `max`, else null. */
export function lengthFinding(row: number, column: string, value: string, max: number): ImportFinding | null {
  if (value.length <= max) return null;
  return {
    row,
    column,
    value: shownValue(value),
    severity: "error",
    code: "text_too_long",
    message: `${column} has ${value.length.toLocaleString("en-IN")} characters; at most ${max.toLocaleString("en-IN")} are allowed.`,
  };
}

// why: Excel and LibreOffice write "?" for every character the chosen encoding cannot hold
// (Devanagari, ₹, curly quotes in "CSV (Comma delimited)"/Windows-1252), so a word of nothing
// but question marks means text was lost when the file was saved, and must not be imported.
const LOST_WORD = /(?:^|\s)\?{2,}(?=\s|$)/u;

/** A characters_lost finding when the value has a word of only question marks, else null. */
export function lostCharactersFinding(row: number, column: string, value: string): ImportFinding | null {
  if (!value.includes("??") || !LOST_WORD.test(value)) return null;
  return {
    row,
    column,
    value: shownValue(value),
    severity: "error",
    code: "characters_lost",
    message: `${column} reads "${shownValue(value)}": its letters were replaced by question marks when the file was saved in an encoding without them (such as Excel's "CSV (Comma delimited)"). Save the sheet again as "CSV UTF-8" or .xlsx and import that file.`,
  };
}

// Tab and line breaks are text; every other C0 control character (and DEL) is not, and would
// travel into exports and terminals (an ESC starts a terminal escape sequence).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** A control_character finding when the value holds an invisible control character, else null. */
export function controlCharacterFinding(row: number, column: string, value: string): ImportFinding | null {
  const match = CONTROL.exec(value);
  if (!match) return null;
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return {
    row,
    column,
    value: shownValue(value),
    severity: "error",
    code: "control_character",
    message: `${column} holds an invisible control character (${code}) at character ${match.index + 1}, which is not text. Delete it in the sheet (it often comes with text copied from another program) and import again.`,
  };
}

/** True when a text may hold lost letters or control characters: the cheap test before the findings above. */
export function mayBeUnreadable(value: string): boolean {
  return (value.includes("??") && LOST_WORD.test(value)) || CONTROL.test(value);
}

/** Spreadsheet column letters for a 0-based index: 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
