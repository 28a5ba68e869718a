/**
 * The ACBP page's form: one plain form post (it works without JavaScript) whose rows arrive as
 * flat fields `row-N-competency`, `row-N-level`, `row-N-lens-LENS`, `row-N-mode`, `row-N-officials`
 * and `row-N-quarter`. The intent schema checks the post's shape; readPlanRows turns the row fields
 * into choices, naming each bad field with a problem code the page translates.
 */
import { z } from "zod";
import {
  ACBP_LENSES,
  ACBP_MODES,
  ACBP_OFFICIALS_MAX,
  ACBP_ROWS_MAX,
  acbpRowKey,
  parseFinancialYear,
  type AcbpLens,
  type AcbpMode,
} from "./acbp";
import { LIMITS } from "./limits";

/** One row as the ministry plans it; `officials` null means "the row's sanctioned posts" (the default). */
export type AcbpChoice = {
  competencyId: string;
  level: number;
  lenses: AcbpLens[];
  mode: AcbpMode | null;
  officials: number | null;
  quarter: number | null;
};

export const ACBP_PROBLEM_CODES = [
  "row_incomplete",
  "row_duplicate",
  "row_unknown",
  "too_many_rows",
  "field_unknown",
  "lens_unknown",
  "mode_unknown",
  "quarter_out_of_range",
  "officials_negative",
  "officials_not_whole",
  "officials_too_many",
  "source_changed",
] as const;
export type AcbpProblemCode = (typeof ACBP_PROBLEM_CODES)[number];
/** A bad field: the form field it sits on (e.g. "row-3-officials") and what is wrong with it. */
export type AcbpProblem = { field: string; code: AcbpProblemCode; params?: Record<string, string | number> };

const yearField = z
  .string()
  .transform((text, ctx) => {
    const year = parseFinancialYear(text);
    if (year === null) {
      ctx.addIssue({ code: "custom", message: "Choose a financial year such as 2026-27." });
      return z.NEVER;
    }
    return year;
  });

// why catchall strings: the rows are flat fields whose names carry their row number; readPlanRows reads them.
const rowFields = z.string().max(200, "A field of the plan is too long.");

/** The page's intents: save the year's plan, discard it (back to the starting rows), redraw it from the latest version. */
export const acbpIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), year: yearField, source: z.coerce.number().int().min(1) }).catchall(rowFields),
  z.object({ intent: z.literal("discard"), year: yearField }),
  z.object({ intent: z.literal("redraw"), year: yearField }),
]);
export type AcbpIntent = z.output<typeof acbpIntentSchema>;

const ROW_FIELD = /^row-([0-9]{1,5})-(competency|level|mode|officials|quarter|lens-(.+))$/u;
const uuid = z.uuid();

/** The choices in a save's row fields, or every problem found (nothing is saved while there is one). */
export function readPlanRows(fields: Record<string, unknown>): { ok: true; rows: AcbpChoice[] } | { ok: false; problems: AcbpProblem[] } {
  const problems: AcbpProblem[] = [];
  const byRow = new Map<number, Map<string, string>>();
  for (const [name, value] of Object.entries(fields)) {
    if (name === "intent" || name === "year" || name === "source") continue;
    const m = ROW_FIELD.exec(name);
    if (!m || typeof value !== "string") {
      problems.push({ field: name, code: "field_unknown", params: { field: name.slice(0, 60) } });
      continue;
    }
    const row = byRow.get(Number(m[1])) ?? new Map<string, string>();
    row.set(m[2], value.trim());
    byRow.set(Number(m[1]), row);
  }
  if (byRow.size > ACBP_ROWS_MAX) return { ok: false, problems: [{ field: "rows", code: "too_many_rows", params: { max: ACBP_ROWS_MAX } }] };

  const rows: AcbpChoice[] = [];
  const seen = new Set<string>();
  for (const [n, f] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    const at = (what: string) => `row-${n}-${what}`;
    const competencyId = f.get("competency") ?? "";
    const level = Number(f.get("level"));
    if (!uuid.safeParse(competencyId).success || !Number.isInteger(level) || level < LIMITS.LEVEL_MIN || level > LIMITS.LEVEL_MAX) {
      problems.push({ field: at("competency"), code: "row_incomplete", params: { row: n + 1 } });
      continue;
    }
    const key = acbpRowKey(competencyId, level);
    if (seen.has(key)) problems.push({ field: at("competency"), code: "row_duplicate", params: { row: n + 1 } });
    seen.add(key);

    const lenses: AcbpLens[] = [];
    for (const [name] of f) {
      if (!name.startsWith("lens-")) continue;
      const lens = name.slice(5);
      if ((ACBP_LENSES as readonly string[]).includes(lens)) lenses.push(lens as AcbpLens);
      else problems.push({ field: at(name), code: "lens_unknown", params: { lens: lens.slice(0, 60) } });
    }
    lenses.sort((a, b) => ACBP_LENSES.indexOf(a) - ACBP_LENSES.indexOf(b));

    const modeText = f.get("mode") ?? "";
    const mode = (ACBP_MODES as readonly string[]).find((m) => m === modeText) as AcbpMode | undefined;
    if (modeText && !mode) problems.push({ field: at("mode"), code: "mode_unknown", params: { mode: modeText.slice(0, 60) } });

    const quarterText = f.get("quarter") ?? "";
    const quarter = /^[1-4]$/u.test(quarterText) ? Number(quarterText) : null;
    if (quarterText && quarter === null) problems.push({ field: at("quarter"), code: "quarter_out_of_range", params: { quarter: quarterText.slice(0, 20) } });

    const officials = readOfficials(f.get("officials") ?? "", at("officials"), problems);
    rows.push({ competencyId, level, lenses, mode: mode ?? null, officials, quarter });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

function readOfficials(text: string, field: string, problems: AcbpProblem[]): number | null {
  if (text === "") return null;
  const plain = text.replace(/[,\s]/gu, "");
  const number = /^-?[0-9]{1,12}(\.[0-9]{1,6})?$/u.test(plain) ? Number(plain) : Number.NaN;
  if (Number.isNaN(number)) problems.push({ field, code: "officials_not_whole", params: { value: text.slice(0, 20) } });
  else if (number < 0) problems.push({ field, code: "officials_negative", params: { value: text.slice(0, 20) } });
  else if (!Number.isInteger(number)) problems.push({ field, code: "officials_not_whole", params: { value: text.slice(0, 20) } });
  else if (number > ACBP_OFFICIALS_MAX) problems.push({ field, code: "officials_too_many", params: { max: ACBP_OFFICIALS_MAX } });
  else return number;
  return null;
}
