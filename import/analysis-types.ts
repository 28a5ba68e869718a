/** What the import's entry reads and answers (kept apart so the stages can name them without a cycle). */
import type { Delimiter } from "./csv";
import type { TextEncoding } from "./decode";
import type { ImportFinding } from "./findings";
import type { ImportLayout, UserMapping } from "./layouts";
import type { PreviewRow } from "./plan";
import type { DictionaryCompetency, ExistingSnapshot, ImportMode, ImportPlan } from "./plan-types";

export type AnalyseImportInput = {
  fileName: string;
  bytes: Uint8Array;
  /** Worksheet to read from a workbook; the first visible one when absent. */
  sheet?: string;
  /** The user's column mapping, for a sheet whose headers were not recognised. */
  mapping?: UserMapping;
  /** With `mapping`: the 1-based row that holds the headers (default: the first non-empty row). */
  headerRow?: number;
  existing: ExistingSnapshot;
  dictionary: readonly DictionaryCompetency[];
  mdoCode: string;
  mode: ImportMode;
  /** Take the dictionary's Competency type where a row's contradicts it (the import page's one-click fix). */
  typesFromDictionary?: boolean;
  /** How many data rows the preview shows (default 20). */
  previewSize?: number;
};

export type ImportAnalysis = {
  fileKind: "delimited" | "workbook" | "json";
  layout: ImportLayout;
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheets?: { name: string; hidden: boolean }[];
  sheet?: string;
  /** 1-based header row; null for JSON and header-less iGOT sheets. */
  headerRow: number | null;
  headers: string[];
  /** For an unknown layout: the mapping the UI offers first. */
  suggestedMapping?: UserMapping;
  preview: PreviewRow[];
  /** Non-empty data rows (nodes + links for JSON). */
  rowCount: number;
  findings: ImportFinding[];
  /** Null when the layout is unknown (map the columns first). */
  plan: ImportPlan | null;
};
