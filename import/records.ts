/**
 * Flat-layout rows → checked chain records, each finding tied to its spreadsheet row and
 * column. Only the shape of each row is checked here; whether a competency exists, or a level
 * fits its scale, needs the dictionary and is the plan's job.
 */
import { parseImportance, type CompetencyType, type Importance } from "@schemas/enums";
import { LIMITS } from "@schemas/limits";
import { looksLikeCompetencyCode } from "@schemas/competency-match";
import { flatColumn, isUuid } from "@schemas/flat-layout";
import type { ProficiencyScale } from "@schemas/scale";
import { columnLetter, levelNameSet, parseCompetencyType, parseLevelCell } from "./cells";
import { shownValue, type ImportFinding } from "./findings";
import { cellCache, FlatRow, type FlatColumns } from "./flat-row";

export type { FlatColumns } from "./flat-row";

/** A position, role or activity as one row names it. */
export type NodeCell = { id?: string; name: string; description?: string; nameHi?: string; descriptionHi?: string; sanctionedPosts?: number };
/** A competency as one row names it; it is looked up in the dictionary by the plan. */
export type CompetencyCell = { id?: string; name: string; type?: CompetencyType; theme?: string };

/** One chain: the nodes a row names, left to right, and the level its competency is required at. */
export type ChainRecord = {
  row: number;
  /** JSON path of the link or node a FracDocument chain came from. */
  path?: string;
  position?: NodeCell;
  role?: NodeCell;
  activity?: NodeCell;
  competency?: CompetencyCell;
  /** A level number, or a level name to look up in the competency's scale. */
  level?: number | string;
  /** How much the requirement matters; absent when the cell is empty (not rated, or left as it is). */
  importance?: Importance;
};

/** A competency definition (iGOT bulk upload, or a FracDocument's competency node): becomes or updates a dictionary entry. */
export type CompetencyRecord = {
  row: number;
  sheet?: string;
  path?: string;
  id?: string;
  code?: string;
  name: string;
  nameHi?: string;
  description?: string;
  descriptionHi?: string;
  type?: CompetencyType;
  theme?: string;
  source?: string;
  scale?: ProficiencyScale;
};

/** Everything the plan needs from a file. */
export type ImportRecords = { chains: ChainRecord[]; competencies: CompetencyRecord[] };

const NODE_KEYS = [
  {
    kind: "position",
    id: "positionId",
    name: "position",
    description: "positionDescription",
    nameHi: "positionNameHi",
    descriptionHi: "positionDescriptionHi",
  },
  { kind: "role", id: "roleId", name: "role", description: "roleDescription", nameHi: "roleNameHi", descriptionHi: "roleDescriptionHi" },
  {
    kind: "activity",
    id: "activityId",
    name: "activity",
    description: "activityDescription",
    nameHi: "activityNameHi",
    descriptionHi: "activityDescriptionHi",
  },
] as const;

/** Reads the data rows below the header into chain records; a row with an error yields no record. */
export function readFlatRecords(
  rows: readonly string[][],
  columns: FlatColumns,
  options: { levelNames?: Iterable<string> } = {},
): { chains: ChainRecord[]; findings: ImportFinding[] } {
  const findings = headerFindings(columns);
  const levelNames = levelNameSet(options.levelNames);
  const chains: ChainRecord[] = [];
  const cache = cellCache();
  for (let i = columns.headerRow; i < rows.length; i++) {
    const row = new FlatRow(rows[i], i + 1, columns, cache);
    if (row.isBlank()) continue;
    const record: ChainRecord = { row: row.row };
    readNodes(row, record);
    readHindiOfDeepest(row, record);
    readSanctionedPosts(row, record);
    readCompetency(row, record, levelNames);
    checkChain(row, record);
    findings.push(...row.findings);
    if (!row.hasErrors()) chains.push(record);
  }
  return { chains, findings };
}

function readNodes(row: FlatRow, record: ChainRecord): void {
  for (const keys of NODE_KEYS) {
    const name = row.name(keys.name);
    const id = row.text(keys.id);
    const description = row.text(keys.description);
    const nameHi = row.name(keys.nameHi);
    const descriptionHi = row.text(keys.descriptionHi);
    if (name === "") {
      if (id !== "") {
        row.report(
          keys.id,
          "name_missing",
          `${row.header(keys.id)} is filled but ${row.header(keys.name)} is empty; give the name too.`,
        );
      } else if (description !== "" || nameHi !== "" || descriptionHi !== "") {
        const what = `${row.header(keys.name)} is empty, so this row's ${keys.kind} description and Hindi name and description were ignored.`;
        row.report(keys.description, "value_without_name", what, "warning");
      }
      continue;
    }
    if (id !== "" && !isUuid(id)) {
      row.report(
        keys.id,
        "id_invalid",
        `${row.header(keys.id)} "${shownValue(id)}" is not a UUID; leave it empty for a new ${keys.kind}.`,
      );
    }
    row.checkText(keys.name, name);
    row.checkText(keys.description, description);
    row.checkText(keys.nameHi, nameHi);
    row.checkText(keys.descriptionHi, descriptionHi);
    record[keys.kind] = {
      name,
      ...(id !== "" && { id: id.toLowerCase() }),
      ...(description !== "" && { description }),
      ...(nameHi !== "" && { nameHi }),
      ...(descriptionHi !== "" && { descriptionHi }),
    };
  }
}

/**
 * The plain `Hindi name` and `Hindi description` columns: they belong to the row's deepest
 * position, role or activity (decision 026). Where the per-kind column of that node says
 * something else on the same row, the row is an error rather than a silent choice.
 */
function readHindiOfDeepest(row: FlatRow, record: ChainRecord): void {
  const given = [
    { key: "nameHi", field: "nameHi", value: row.name("nameHi") },
    { key: "descriptionHi", field: "descriptionHi", value: row.text("descriptionHi") },
  ] as const;
  if (given.every((g) => g.value === "")) return;
  const kind = record.activity ? "activity" : record.role ? "role" : record.position ? "position" : null;
  const cell = kind ? record[kind] : undefined;
  for (const { key, field, value } of given) {
    if (value === "") continue;
    if (!kind || !cell) {
      row.report(key, "value_without_name", `${row.header(key)} is filled but the row names no position, role or activity, so it was ignored.`, "warning");
      continue;
    }
    row.checkText(key, value);
    const own = cell[field];
    if (own !== undefined && own !== value) {
      const other = NODE_KEYS.find((k) => k.kind === kind)![field];
      row.report(key, "conflicting_value", `${row.header(key)} and ${row.header(other)} both give the ${kind}'s Hindi ${field === "nameHi" ? "name" : "description"}, differently ("${shownValue(own)}"); keep one.`);
      continue;
    }
    cell[field] = value;
  }
}

function readCompetency(row: FlatRow, record: ChainRecord, levelNames: ReadonlySet<string>): void {
  const name = row.name("competency");
  const id = row.text("competencyId");
  const typeText = row.text("competencyType");
  const theme = row.name("theme");
  const levelText = row.text("requiredLevel");
  if (name === "") {
    const stray = (["requiredLevel", "competencyId", "competencyType", "importance"] as const).find((key) => row.text(key) !== "");
    // Without a Competency column at all, the header finding already says what is wrong.
    if (stray && row.has("competency")) {
      const what = `${row.header(stray)} is filled but Competency is empty; name the competency.`;
      row.report(stray, "competency_missing", what);
    }
    return;
  }
  const type = typeText === "" ? undefined : parseCompetencyType(typeText);
  if (type === null) {
    row.report(
      "competencyType",
      "competency_type_unknown",
      `Competency type "${shownValue(typeText)}" is not Behavioural, Functional or Domain.`,
    );
  }
  // A KCM code (BEH-001) is as good as an id: it names one dictionary entry.
  if (id !== "" && !isUuid(id) && !looksLikeCompetencyCode(id)) {
    row.report(
      "competencyId",
      "id_invalid",
      `Competency id "${shownValue(id)}" is neither a UUID nor a dictionary code such as BEH-001; leave it empty to match the competency by name.`,
    );
  }
  row.checkText("competency", name);
  row.checkText("theme", theme);
  record.competency = {
    name,
    ...(id !== "" && { id: isUuid(id) ? id.toLowerCase() : id.toUpperCase() }),
    ...(type && { type }),
    ...(theme !== "" && { theme }),
  };
  const importanceText = row.text("importance");
  if (importanceText !== "") {
    const importance = parseImportance(importanceText);
    if (importance) record.importance = importance;
    else {
      const what = `Importance "${shownValue(importanceText)}" is not Essential, Important or Desirable; leave it empty when "${shownValue(name)}" is not rated.`;
      row.report("importance", "importance_invalid", what);
    }
  }
  if (levelText !== "") {
    const level = parseLevelCell(levelText, levelNames);
    if (level.ok) record.level = level.level;
    else row.report("requiredLevel", "level_invalid", level.message);
  } else if (row.has("requiredLevel")) {
    // Without the column at all, the header finding already says so, once.
    const what = `Required level is empty: give the level at which "${shownValue(name)}" is required (1–5 or a level name).`;
    row.report("requiredLevel", "level_missing", what);
  }
}

function readSanctionedPosts(row: FlatRow, record: ChainRecord): void {
  const text = row.text("sanctionedPosts");
  if (text === "") return;
  if (!record.position) {
    row.report("sanctionedPosts", "value_without_name", "Position is empty, so this row's sanctioned posts were ignored.", "warning");
    return;
  }
  // why the separators: Indian spreadsheets write 1,200 or 1 200; a sign or a fraction is not a count of posts.
  const digits = text.replace(/[,\s\u00a0]/gu, "");
  const posts = /^\d+$/u.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(posts) || posts > LIMITS.SANCTIONED_POSTS_MAX) {
    const what = `Sanctioned posts "${shownValue(text)}" is not a whole number from 0 to ${LIMITS.SANCTIONED_POSTS_MAX}; write how many officials hold "${shownValue(record.position.name)}", or leave it empty.`;
    row.report("sanctionedPosts", "sanctioned_posts_invalid", what);
    return;
  }
  record.position.sanctionedPosts = posts;
}

// A row may start at any node, but a position's chain must go through a role.
function checkChain(row: FlatRow, record: ChainRecord): void {
  if (!record.position || record.role) return;
  if (record.activity || record.competency) {
    const deeper = row.header(record.activity ? "activity" : "competency");
    const what = `Role is empty, but ${deeper} is filled: name the role that links "${shownValue(record.position.name)}" to it on the same row.`;
    row.report("role", "chain_gap", what);
  } else {
    const what = `Position "${shownValue(record.position.name)}" has no role on this row; it is imported without one.`;
    row.report("role", "role_missing", what, "warning");
  }
}

/** Findings about the header row itself: required columns missing, a column given twice, columns ignored. */
export function headerFindings(columns: FlatColumns): ImportFinding[] {
  const row = columns.headerRow;
  const findings: ImportFinding[] = [];
  for (const key of columns.missing) {
    const header = flatColumn(key).header;
    findings.push({
      row,
      column: header,
      severity: "error",
      code: "header_missing",
      message: `The column "${header}" is missing. Add it (its cells may be empty) or map one of the file's columns to it.`,
    });
  }
  for (const { key, columns: indexes } of columns.duplicates) {
    const header = flatColumn(key).header;
    const texts = indexes.map((i) => columns.headers[i].trim());
    const letters = indexes.map(columnLetter).join(" and ");
    const message = texts.every((t) => t === texts[0])
      ? `The column "${shownValue(texts[0])}" is there twice (columns ${letters}); keep only one.`
      : `Columns ${indexes.map((i, n) => `${columnLetter(i)} ("${shownValue(texts[n])}")`).join(" and ")} both mean "${header}"; keep only one.`;
    findings.push({ row, column: header, severity: "error", code: "header_duplicate", message });
  }
  for (const header of columns.unknown) {
    findings.push({
      row,
      column: shownValue(header),
      severity: "warning",
      code: "header_unknown",
      message: `The column "${shownValue(header)}" is not part of the layout and was ignored.`,
    });
  }
  return findings;
}
