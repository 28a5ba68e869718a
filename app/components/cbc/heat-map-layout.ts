/**
 * The heat map chart's geometry, worked out from the data alone (no measuring in the browser, so the
 * server draws it whole and every render of the same map is the same): the size of a cell, the room
 * for the position names (rows) and the competency names (columns, turned upright), each name cut
 * to fit with the full one kept for its tooltip, and the levels in the column-major shape
 * @visx/heatmap draws from.
 */
import type { HeatMap } from "@schemas/heatmap";
import { localName } from "~/i18n/content";
import type { Language } from "~/i18n/i18n";

/** One cell's side in px, the gap between tiles included. */
export const HEAT_CELL = 24;
/** The white gap between two tiles, px. */
export const HEAT_GAP = 2;
/** Space between a name and the edge of its strip, px. */
export const LABEL_PAD = 6;
/** The most characters (a letter with its marks: a grapheme) of a name shown; a longer one ends in "…". */
export const ROW_NAME_MAX = 26;
export const COLUMN_NAME_MAX = 24;
/** The least room for the names, so the corner's heading ("Position") fits above short position names. */
export const MIN_ROW_LABEL_WIDTH = 72;
export const MIN_COLUMN_LABEL_HEIGHT = 28;
/**
 * Estimated widths in px of one grapheme of a name at 12 px, weight 600, measured in Chromium on
 * Noto Sans and Noto Sans Devanagari and rounded up: a name wider than estimated is cut off at its
 * strip's edge (its tooltip still has it whole), one narrower only leaves a little room.
 */
export const GLYPH_WIDTH = { upper: 8.6, lower: 6.8, digit: 7, space: 3.4, mark: 5, ellipsis: 10, devanagari: 9.6, other: 8 } as const;

export type HeatLabel = {
  /** What the chart shows: the name in the page's language, cut to fit. */
  text: string;
  /** The language of `text` (for the element's `lang`). */
  lang: Language;
  /** The name in the page's language, whole. */
  name: string;
  /** The tooltip: the shown name whole, the other language's name, and the code where there is one. */
  full: string;
  /** Estimated width of `text` in px. */
  width: number;
};

export type HeatMapLayout = {
  cell: number;
  gap: number;
  /** Width of the strip of position names (left). */
  rowLabelWidth: number;
  /** Height of the strip of competency names (top). */
  columnLabelHeight: number;
  /** Size of the grid of cells. */
  gridWidth: number;
  gridHeight: number;
  rows: HeatLabel[];
  columns: HeatLabel[];
  /** For @visx/heatmap: one entry per column, each the level of every row (0: not needed). */
  bins: number[][];
  /** How many cells have each level: `byLevel[l - 1]` for level l (levels above 5 count as 5). */
  byLevel: [number, number, number, number, number];
  /** Cells with a level: one per (position, competency) requirement. */
  filled: number;
};

/**
 * A letter with its marks (vowel signs, nasal signs, accents) and, in Devanagari, the consonants
 * joined to it by a virama (a conjunct such as क्ष): what a reader sees as one character.
 * why not Intl.Segmenter: its clusters follow the ICU of the runtime (conjuncts joined only since
 * Unicode 15.1), so the server and an older browser could cut a name differently and the hydrated
 * chart would differ from the one drawn.
 */
const CLUSTER = /\P{M}(?:\u094D\p{L}|\p{M})*/gu;
const DEVANAGARI = /\p{Script=Devanagari}/u;

/** Estimated width of one grapheme. */
function glyphWidth(g: string): number {
  if (DEVANAGARI.test(g)) return GLYPH_WIDTH.devanagari;
  if (g === "…") return GLYPH_WIDTH.ellipsis;
  if (/^\s$/u.test(g)) return GLYPH_WIDTH.space;
  if (/^\p{Lu}/u.test(g)) return GLYPH_WIDTH.upper;
  if (/^\p{Ll}/u.test(g)) return GLYPH_WIDTH.lower;
  if (/^\p{Nd}/u.test(g)) return GLYPH_WIDTH.digit;
  if (/^\p{P}/u.test(g)) return GLYPH_WIDTH.mark;
  return GLYPH_WIDTH.other;
}

/** Estimated width in px of a run of graphemes at 12 px. */
function widthOf(parts: readonly string[]): number {
  let w = 0;
  for (const p of parts) w += glyphWidth(p);
  return Math.round(w * 10) / 10;
}

/** `text` cut to at most `max` clusters (never inside one, so no vowel sign or conjunct is split), "…" marking a cut. */
export function fitName(text: string, max: number): { text: string; width: number } {
  const parts = text.trim().match(CLUSTER) ?? [];
  if (parts.length <= max) return { text: parts.join(""), width: widthOf(parts) };
  const kept = parts.slice(0, max - 1);
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === "") kept.pop();
  kept.push("…");
  return { text: kept.join(""), width: widthOf(kept) };
}

function labelOf(x: { name: string; nameHi: string | null; code?: string | null }, lang: Language, max: number): HeatLabel {
  const shown = localName(x, lang);
  const other = shown.lang === "hi" ? x.name : x.nameHi;
  const full = [shown.text, other && other.trim() && other !== shown.text ? other : null, x.code ? `(${x.code})` : null].filter(Boolean).join(" ");
  return { ...fitName(shown.text, max), lang: shown.lang, name: shown.text, full };
}

/** The centre of the `index`th row or column's tile, px from the grid's edge (tiles start after a gap). */
export function tileCentre(index: number): number {
  return index * HEAT_CELL + (HEAT_CELL + HEAT_GAP) / 2;
}

const widest = (labels: HeatLabel[]) => labels.reduce((w, l) => Math.max(w, l.width), 0);

/** The chart's geometry for `map` on a page in `lang`. */
export function heatMapLayout(map: HeatMap, lang: Language): HeatMapLayout {
  const rows = map.rows.map((r) => labelOf(r, lang, ROW_NAME_MAX));
  const columns = map.columns.map((c) => labelOf(c, lang, COLUMN_NAME_MAX));
  const byLevel: HeatMapLayout["byLevel"] = [0, 0, 0, 0, 0];
  let filled = 0;
  const bins = map.columns.map((_, ci) =>
    map.rows.map((r) => {
      const level = Math.max(0, r.levels.charCodeAt(ci) - 48);
      if (level > 0) {
        byLevel[Math.min(level, 5) - 1]! += 1;
        filled += 1;
      }
      return level;
    }),
  );
  return {
    cell: HEAT_CELL,
    gap: HEAT_GAP,
    rowLabelWidth: Math.max(MIN_ROW_LABEL_WIDTH, Math.ceil(widest(rows) + 2 * LABEL_PAD)),
    columnLabelHeight: Math.max(MIN_COLUMN_LABEL_HEIGHT, Math.ceil(widest(columns) + 2 * LABEL_PAD)),
    gridWidth: columns.length * HEAT_CELL + HEAT_GAP,
    gridHeight: rows.length * HEAT_CELL + HEAT_GAP,
    rows,
    columns,
    bins,
    byLevel,
    filled,
  };
}
