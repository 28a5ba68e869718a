/**
 * Flat-layout rows → checked chain records, each finding tied to its spreadsheet row and
 * column. Only the shape of each row is checked here; whether a competency exists, or a level
 * fits its scale, needs the dictionary and is the plan's job.
 */
import type { CompetencyType } from "@schemas/enums";
import { flatColumn, isUuid, type FlatKey, type HeaderMatch } from "@schemas/flat-layout";
import type { ProficiencyScale } from "@schemas/scale";
import { cleanCell, cleanName, lengthFinding, levelNameSet, parseCompetencyType, parseLevelCell } from "./cells";
import { shownValue, type ImportFinding } from "./findings";

/** A position, role or activity as one row names it. */
export type NodeCell = { id?: string; name: string; description?: string; nameHi?: string };
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
  type?: CompetencyType;
  theme?: string;
  source?: string;
  scale?: ProficiencyScale;
};

/** Everything the plan needs from a file. */
export type ImportRecords = { chains: ChainRecord[]; competencies: CompetencyRecord[] };

/** Where the header is and which column holds which key: a detected or user-mapped flat layout. */
export type FlatColumns = HeaderMatch & { headerRow: number; headers: string[] };

type NodeKeys = { kind: "position" | "role" | "activity"; id: FlatKey; name: FlatKey; description: FlatKey; nameHi: FlatKey };
const NODE_KEYS: readonly NodeKeys[] = [
  { kind: "position", id: "positionId", name: "position", description: "positionDescription", nameHi: "positionNameHi" },
  { kind: "role", id: "roleId", name: "role", description: "roleDescription", nameHi: "roleNameHi" },
  { kind: "activity", id: "activityId", name: "activity", description: "activityDescription", nameHi: "activityNameHi" },
];

/** Reads the data rows below the header into chain records; a row with an error yields no record. */
export function readFlatRecords(
  rows: readonly string[][],
  columns: FlatColumns,
  options: { levelNames?: Iterable<string> } = {},
): { chains: ChainRecord[]; findings: ImportFinding[] } {
  const findings = headerFindings(columns);
  const levelNames = levelNameSet(options.levelNames);
  const headerOf = (key: FlatKey) => headerText(columns, key);
  const chains: ChainRecord[] = [];
  for (let i = columns.headerRow; i < rows.length; i++) {
    const cells = rows[i];
    const row = i + 1;
    const raw = (key: FlatKey): string => {
      const index = columns.mapping[key];
      return index === undefined ? "" : (cells[index] ?? "");
    };
    const get = (key: FlatKey) => cleanCell(raw(key));
    const getName = (key: FlatKey) => cleanName(raw(key));
    if (!Object.values(columns.mapping).some((index) => cleanCell(cells[index]) !== "")) continue;
    const rowFindings: ImportFinding[] = [];
    const problem = (key: FlatKey, code: ImportFinding["code"], message: string, severity: "error" | "warning" = "error") =>
      rowFindings.push({ row, column: headerOf(key), value: shownValue(get(key)) || undefined, severity, code, message });
    const checkLength = (key: FlatKey, value: string) => {
      const max = flatColumn(key).maxLength;
      const finding = max === undefined ? null : lengthFinding(row, headerOf(key), value, max);
      if (finding) rowFindings.push(finding);
    };

    const record: ChainRecord = { row };
    for (const keys of NODE_KEYS) {
      const name = getName(keys.name);
      const id = get(keys.id);
      const description = get(keys.description);
      const nameHi = getName(keys.nameHi);
      if (name === "") {
        if (id !== "") problem(keys.id, "name_missing", `${headerOf(keys.id)} is filled but ${headerOf(keys.name)} is empty; give the name too.`);
        else if (description !== "" || nameHi !== "")
          problem(keys.description, "value_without_name", `${headerOf(keys.name)} is empty, so this row's ${keys.kind} description and Hindi name were ignored.`, "warning");
        continue;
      }
      if (id !== "" && !isUuid(id)) problem(keys.id, "id_invalid", `${headerOf(keys.id)} "${shownValue(id)}" is not a UUID; leave it empty for a new ${keys.kind}.`);
      checkLength(keys.name, name);
      checkLength(keys.description, description);
      checkLength(keys.nameHi, nameHi);
      record[keys.kind] = {
        name,
        ...(id !== "" && { id: id.toLowerCase() }),
        ...(description !== "" && { description }),
        ...(nameHi !== "" && { nameHi }),
      };
    }

    const competencyName = getName("competency");
    const competencyId = get("competencyId");
    const typeText = get("competencyType");
    const theme = getName("theme");
    const levelText = get("requiredLevel");
    if (competencyName !== "") {
      const type = typeText === "" ? undefined : parseCompetencyType(typeText);
      if (type === null) problem("competencyType", "competency_type_unknown", `Competency type "${shownValue(typeText)}" is not Behavioural, Functional or Domain.`);
      if (competencyId !== "" && !isUuid(competencyId)) problem("competencyId", "id_invalid", `Competency id "${shownValue(competencyId)}" is not a UUID; leave it empty to match the competency by name.`);
      checkLength("competency", competencyName);
      checkLength("theme", theme);
      record.competency = {
        name: competencyName,
        ...(competencyId !== "" && { id: competencyId.toLowerCase() }),
        ...(type && { type }),
        ...(theme !== "" && { theme }),
      };
      if (levelText === "") {
        if (columns.mapping.requiredLevel !== undefined)
          problem("requiredLevel", "level_missing", `Required level is empty: give the level at which "${shownValue(competencyName)}" is required (1–5 or a level name).`);
      } else {
        const level = parseLevelCell(levelText, levelNames);
        if (level.ok) record.level = level.level;
        else problem("requiredLevel", "level_invalid", level.message);
      }
    } else if (levelText !== "" || competencyId !== "" || typeText !== "") {
      const key = levelText !== "" ? "requiredLevel" : competencyId !== "" ? "competencyId" : "competencyType";
      problem(key, "competency_missing", `${headerOf(key)} is filled but Competency is empty; name the competency.`);
    }

    checkChain(record, problem, headerOf);
    findings.push(...rowFindings);
    if (!rowFindings.some((f) => f.severity === "error")) chains.push(record);
  }
  return { chains, findings };
}

type Problem = (key: FlatKey, code: ImportFinding["code"], message: string, severity?: "error" | "warning") => void;

// A row may start at any node, but a position's chain must go through a role.
function checkChain(record: ChainRecord, problem: Problem, headerOf: (key: FlatKey) => string): void {
  if (!record.position || record.role) return;
  if (record.activity || record.competency) {
    const deeper = record.activity ? headerOf("activity") : headerOf("competency");
    problem("role", "chain_gap", `Role is empty, but ${deeper} is filled: name the role that links ${record.position.name} to it on the same row.`);
  } else {
    problem("role", "role_missing", `Position "${shownValue(record.position.name)}" has no role on this row; it is imported without one.`, "warning");
  }
}

function headerText(columns: FlatColumns, key: FlatKey): string {
  const index = columns.mapping[key];
  const header = index === undefined ? "" : (columns.headers[index] ?? "").trim();
  return header === "" ? flatColumn(key).header : header;
}

/** Findings about the header row itself: required columns missing, a column given twice, columns ignored. */
export function headerFindings(columns: FlatColumns): ImportFinding[] {
  const row = columns.headerRow;
  const findings: ImportFinding[] = [];
  for (const key of columns.missing) {
    const header = flatColumn(key).header;
    findings.push({ row, column: header, severity: "error", code: "header_missing", message: `The column "${header}" is missing. Add it (its cells may be empty) or map one of the file's columns to it.` });
  }
  for (const { key, columns: indexes } of columns.duplicates) {
    const names = indexes.map((i) => `"${columns.headers[i].trim()}"`).join(" and ");
    findings.push({ row, column: flatColumn(key).header, severity: "error", code: "header_duplicate", message: `The columns ${names} both mean "${flatColumn(key).header}"; keep only one.` });
  }
  for (const header of columns.unknown) {
    const hint = /^hindi\s*name$/iu.test(header)
      ? ' Which node\'s Hindi name is it? Rename it to "Position Hindi name", "Role Hindi name" or "Activity Hindi name".'
      : "";
    findings.push({ row, column: header, severity: "warning", code: "header_unknown", message: `The column "${shownValue(header)}" is not part of the layout and was ignored.${hint}` });
  }
  return findings;
}
