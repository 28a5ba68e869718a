/**
 * The iGOT FRAC tool's bulk-upload workbook → competency records. Sheet 1 lists competencies
 * (row key, id, type, name, description, source, competencyType, competencyArea, cod,
 * competencySector), an optional sheet 2 their levels (parent row key, id, type, level, name,
 * description). The tool read both by column position without a header check; we read by
 * header when there is one and by position otherwise (see layouts.ts).
 */
import { LIMITS } from "@schemas/limits";
import { proficiencyScaleSchema, type ProficiencyLevel } from "@schemas/scale";
import { normalizeName } from "@schemas/text";
import { cleanCell, cleanName, lengthFinding, parseCompetencyType } from "./cells";
import { shownValue, type ImportFinding } from "./findings";
import type { CompetencyRecord } from "./records";

export const IGOT_COMPETENCY_KEYS = [
  "rowKey",
  "id",
  "type",
  "name",
  "description",
  "source",
  "competencyType",
  "competencyArea",
  "cod",
  "competencySector",
] as const;
export type IgotCompetencyKey = (typeof IGOT_COMPETENCY_KEYS)[number];
export const IGOT_LEVEL_KEYS = ["parentRowKey", "id", "type", "level", "name", "description"] as const;
export type IgotLevelKey = (typeof IGOT_LEVEL_KEYS)[number];

/** Headers each iGOT column is recognised by (compared with normaliseHeader); the first is the tool's own name. */
export const IGOT_COMPETENCY_HEADERS: Record<IgotCompetencyKey, readonly string[]> = {
  rowKey: ["row key", "key", "s no", "sl no", "serial"],
  id: ["id", "competency id"],
  type: ["type", "node type"],
  name: ["name", "competency name", "label", "competency label"],
  description: ["description", "competency description"],
  source: ["source"],
  competencyType: ["competencyType", "competency type"],
  competencyArea: ["competencyArea", "area"],
  cod: ["cod"],
  competencySector: ["competencySector", "sector"],
};
export const IGOT_LEVEL_HEADERS: Record<IgotLevelKey, readonly string[]> = {
  parentRowKey: ["parent row key", "parent key", "parent", "competency row key"],
  id: ["id", "level id"],
  type: ["type"],
  level: ["level", "level number"],
  name: ["name", "level name"],
  description: ["description", "level description", "descriptor"],
};

/** Where an iGOT sheet's header is (null: none, data from the first row) and which column holds which key. */
export type IgotColumns<K extends string> = { headerRow: number | null; columns: Partial<Record<K, number>> };
type Sheet = { name: string; rows: readonly string[][] };

/** Reads sheet 1 (and sheet 2's levels, when given) into competency records with row-numbered findings. */
export function readIgotRecords(
  competencies: Sheet & IgotColumns<IgotCompetencyKey>,
  levels?: Sheet & IgotColumns<IgotLevelKey>,
): { competencies: CompetencyRecord[]; findings: ImportFinding[] } {
  const findings: ImportFinding[] = [];
  const records: CompetencyRecord[] = [];
  const byRowKey = new Map<string, CompetencyRecord>();
  const ignored = { cod: 0, competencySector: 0 };
  for (const { row, get } of dataRows(competencies)) {
    const name = cleanName(get("name"));
    const rowKey = cleanCell(get("rowKey"));
    const at = (column: string, value: string) => ({
      row,
      column,
      value: shownValue(value) || undefined,
      sheet: competencies.name,
    });
    if (name === "") {
      findings.push({
        ...at("name", ""),
        severity: "error",
        code: "name_missing",
        message: "This row has no competency name.",
      });
      continue;
    }
    const typeText = cleanCell(get("competencyType"));
    const type = typeText === "" ? "Domain" : parseCompetencyType(typeText);
    if (type === null) {
      findings.push({
        ...at("competencyType", typeText),
        severity: "error",
        code: "competency_type_unknown",
        message: `competencyType "${shownValue(typeText)}" is not Behavioural, Functional or Domain.`,
      });
      continue;
    }
    const record: CompetencyRecord = { row, sheet: competencies.name, name, type };
    const description = cleanCell(get("description"));
    const theme = cleanName(get("competencyArea"));
    const source = cleanCell(get("source"));
    const code = cleanCell(get("id"));
    if (description !== "") record.description = description;
    if (theme !== "") record.theme = theme;
    if (source !== "") record.source = source;
    // iGOT ids ("CID123") are dictionary codes, not our UUIDs.
    if (code !== "") record.code = code;
    let tooLong = false;
    for (const [column, value, max] of [
      ["name", name, LIMITS.NAME_MAX],
      ["description", description, LIMITS.DESCRIPTION_MAX],
      ["competencyArea", theme, LIMITS.NAME_MAX],
      ["source", source, LIMITS.SOURCE_MAX],
      ["id", code, LIMITS.CODE_MAX],
    ] as const) {
      const finding = lengthFinding(row, column, value, max);
      if (finding) findings.push({ ...finding, sheet: competencies.name });
      tooLong ||= finding !== null;
    }
    // Like a flat row, a row with an error yields no record.
    if (tooLong) continue;
    if (cleanCell(get("cod")) !== "") ignored.cod++;
    if (cleanCell(get("competencySector")) !== "") ignored.competencySector++;
    if (rowKey !== "") {
      const first = byRowKey.get(normalizeName(rowKey));
      if (first) {
        findings.push({
          ...at("row key", rowKey),
          severity: "error",
          code: "duplicate_row_key",
          message: `Row key "${shownValue(rowKey)}" is also used on row ${first.row}; levels could not tell them apart.`,
        });
        continue;
      }
      byRowKey.set(normalizeName(rowKey), record);
    }
    records.push(record);
  }
  for (const [column, count] of Object.entries(ignored)) {
    if (count === 0) continue;
    findings.push({
      row: competencies.headerRow ?? 1,
      column,
      sheet: competencies.name,
      severity: "warning",
      code: "column_ignored",
      message: `The column ${column} is filled on ${count} row(s), but FRAC Studio has no field for it; it was not imported.`,
    });
  }
  if (levels) findings.push(...attachLevels(levels, byRowKey));
  return { competencies: records, findings };
}

function attachLevels(
  levels: Sheet & IgotColumns<IgotLevelKey>,
  byRowKey: Map<string, CompetencyRecord>,
): ImportFinding[] {
  const findings: ImportFinding[] = [];
  const grouped = new Map<CompetencyRecord, { level: ProficiencyLevel; row: number }[]>();
  for (const { row, get } of dataRows(levels)) {
    const at = (column: string, value: string) => ({
      row,
      column,
      value: shownValue(value) || undefined,
      sheet: levels.name,
    });
    const parentKey = cleanCell(get("parentRowKey"));
    const parent = byRowKey.get(normalizeName(parentKey));
    if (!parent) {
      findings.push({
        ...at("parent row key", parentKey),
        severity: "error",
        code: "level_parent_unknown",
        message: `No competency on the first sheet has the row key "${shownValue(parentKey)}".`,
      });
      continue;
    }
    const levelText = cleanCell(get("level"));
    const number = /^\d+(?:\.0+)?$/u.test(levelText) ? Number.parseInt(levelText, 10) : NaN;
    const name = cleanName(get("name"));
    const descriptor = cleanCell(get("description"));
    if (!(number >= LIMITS.LEVEL_MIN && number <= LIMITS.LEVEL_MAX)) {
      findings.push({
        ...at("level", levelText),
        severity: "error",
        code: "level_invalid",
        message: `Level "${shownValue(levelText)}" is not a number from ${LIMITS.LEVEL_MIN} to ${LIMITS.LEVEL_MAX}.`,
      });
      continue;
    }
    if (name === "") {
      findings.push({
        ...at("name", ""),
        severity: "error",
        code: "name_missing",
        message: `Level ${number} of "${parent.name}" has no name.`,
      });
      continue;
    }
    const long =
      lengthFinding(row, "name", name, LIMITS.LEVEL_NAME_MAX) ??
      lengthFinding(row, "description", descriptor, LIMITS.LEVEL_DESCRIPTOR_MAX);
    if (long) {
      findings.push({ ...long, sheet: levels.name });
      continue;
    }
    const list = grouped.get(parent) ?? [];
    list.push({ level: { level: number, name, descriptor }, row });
    grouped.set(parent, list);
  }
  for (const [record, list] of grouped) {
    list.sort((a, b) => a.level.level - b.level.level);
    const scale = { levels: list.map((l) => l.level) };
    if (proficiencyScaleSchema.safeParse(scale).success) {
      record.scale = scale;
      continue;
    }
    const numbers = list.map((l) => l.level.level).join(", ");
    const rows = list.map((l) => l.row).join(", ");
    findings.push({
      row: record.row,
      sheet: record.sheet,
      column: "name",
      value: shownValue(record.name),
      severity: "error",
      code: "scale_invalid",
      message: `"${shownValue(record.name)}" has levels ${numbers} (rows ${rows} of ${levels.name}); a scale needs ${LIMITS.SCALE_LEVELS_MIN} to ${LIMITS.SCALE_LEVELS_MAX} levels numbered 1, 2, 3… without gaps or repeats.`,
    });
  }
  return findings;
}

function* dataRows<K extends string>(
  sheet: Sheet & IgotColumns<K>,
): Generator<{ row: number; get: (key: K) => string }> {
  const start = sheet.headerRow ?? 0;
  for (let i = start; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i];
    if (cells.every((cell) => cell.trim() === "")) continue;
    const get = (key: K) => {
      const index = sheet.columns[key];
      return index === undefined ? "" : cells[index] ?? "";
    };
    yield { row: i + 1, get };
  }
}
