import { z } from "zod";
import { LIMITS } from "./limits";

/**
 * The flat layout: the spreadsheet shape that the importer reads and the CSV export writes.
 *
 * One row per chain Position → Role → Activity → Competency, with the required level of the
 * last link. Nodes repeat on as many rows as they have chains; they are matched by id when an
 * id column is filled, else by name within their kind. An empty Activity means the competency
 * is required by the role itself (a role → competency link). A row may start at any node
 * (a role no position plays yet), but may not skip the Role between a Position and deeper nodes.
 *
 * Hindi names are three separate columns, one per node kind, rather than one "Hindi name":
 * a single column would have to belong to one node of the chain, and whichever we chose, the
 * other two kinds could not carry a Hindi name at all, or a reader would guess wrong which
 * node it names. They come last, so the fourteen main columns keep the order people know
 * and a file without Hindi simply leaves them out. Competencies have none: their text,
 * Hindi name included, belongs to the dictionary, not to a ministry's file.
 *
 * Hindi descriptions (format 1.1) follow the same rule: three per-kind columns, after the 1.1
 * columns. The import also reads the plain `Hindi name` and `Hindi description` headers that
 * people write: they belong to the row's deepest position, role or activity (decision 026).
 * Those two are import-only: the export and the template write the per-kind columns.
 */

export const FLAT_KEYS = [
  "positionId",
  "position",
  "positionDescription",
  "roleId",
  "role",
  "roleDescription",
  "activityId",
  "activity",
  "activityDescription",
  "competencyId",
  "competency",
  "competencyType",
  "theme",
  "requiredLevel",
  "positionNameHi",
  "roleNameHi",
  "activityNameHi",
  "importance",
  "sanctionedPosts",
  "positionDescriptionHi",
  "roleDescriptionHi",
  "activityDescriptionHi",
  "roleDerivedFrom",
  "activityDerivedFrom",
  "nameHi",
  "descriptionHi",
] as const;
export type FlatKey = (typeof FLAT_KEYS)[number];

export type FlatColumn = {
  key: FlatKey;
  /** The header the export and the template write. */
  header: string;
  /** The header must be present for the sheet to be read (its cells may still be empty). */
  required: boolean;
  /** Other headers people use for the same column, matched like the header. */
  aliases: readonly string[];
  /** Longest text the cell may hold, in UTF-16 code units (LIMITS). */
  maxLength?: number;
  description: string;
  /** Read by the import only; the export and the template do not write it. */
  importOnly?: boolean;
};

const col = (
  key: FlatKey,
  header: string,
  required: boolean,
  description: string,
  extra: { aliases?: string[]; maxLength?: number; importOnly?: boolean } = {},
): FlatColumn => ({
  key,
  header,
  required,
  description,
  aliases: extra.aliases ?? [],
  maxLength: extra.maxLength,
  ...(extra.importOnly && { importOnly: true }),
});

/** The flat layout's columns in the order the export writes them. */
export const FLAT_COLUMNS: readonly FlatColumn[] = [
  col("positionId", "Position id", false, "UUID of the position; leave empty for a new one.", {
    aliases: ["Position uuid"],
  }),
  col("position", "Position", true, "Name of the position (designation).", {
    aliases: ["Designation", "Position name"],
    maxLength: LIMITS.NAME_MAX,
  }),
  col("positionDescription", "Position description", false, "What the position exists for.", {
    maxLength: LIMITS.DESCRIPTION_MAX,
  }),
  col("roleId", "Role id", false, "UUID of the role; leave empty for a new one.", { aliases: ["Role uuid"] }),
  col("role", "Role", true, "Name of a role the position plays.", {
    aliases: ["Role name"],
    maxLength: LIMITS.NAME_MAX,
  }),
  col("roleDescription", "Role description", false, "What the role covers.", { maxLength: LIMITS.DESCRIPTION_MAX }),
  col("activityId", "Activity id", false, "UUID of the activity; leave empty for a new one.", {
    aliases: ["Activity uuid"],
  }),
  col(
    "activity",
    "Activity",
    true,
    "Name of an activity the role performs; empty when the role itself needs the competency.",
    {
      aliases: ["Activity name"],
      maxLength: LIMITS.NAME_MAX,
    },
  ),
  col("activityDescription", "Activity description", false, "What the activity involves.", {
    maxLength: LIMITS.DESCRIPTION_MAX,
  }),
  col("competencyId", "Competency id", false, "UUID or KCM code (e.g. FUN-071) of the competency in the dictionary; usually left empty.", {
    aliases: ["Competency uuid"],
  }),
  col("competency", "Competency", true, "Name of the competency (a KCM theme or sub-theme, or a Domain competency), or its KCM code.", {
    aliases: ["Competency name", "Competency label"],
    maxLength: LIMITS.NAME_MAX,
  }),
  col("competencyType", "Competency type", false, "Behavioural, Functional or Domain.", {
    aliases: ["Type of competency"],
  }),
  col(
    "theme",
    "Theme",
    false,
    "The competency's theme in the dictionary; for a theme itself, its own name or empty.",
    {
      aliases: ["Competency theme", "Competency area"],
      maxLength: LIMITS.NAME_MAX,
    },
  ),
  col("requiredLevel", "Required level", true, "Proficiency level required, 1–5 or a level name such as Advanced.", {
    aliases: ["Level", "Proficiency level", "Required proficiency level"],
  }),
  col("positionNameHi", "Position Hindi name", false, "Name of the position in Hindi.", {
    aliases: ["Position name Hindi", "Position (Hindi)"],
    maxLength: LIMITS.NAME_HI_MAX,
  }),
  col("roleNameHi", "Role Hindi name", false, "Name of the role in Hindi.", {
    aliases: ["Role name Hindi", "Role (Hindi)"],
    maxLength: LIMITS.NAME_HI_MAX,
  }),
  col("activityNameHi", "Activity Hindi name", false, "Name of the activity in Hindi.", {
    aliases: ["Activity name Hindi", "Activity (Hindi)"],
    maxLength: LIMITS.NAME_HI_MAX,
  }),
  col("importance", "Importance", false, "How much the competency matters: Essential, Important or Desirable; empty when not rated.", {
    aliases: ["Competency importance", "Requirement importance"],
  }),
  col("sanctionedPosts", "Sanctioned posts", false, "How many officials hold the position (a whole number); empty when not known.", {
    aliases: ["Sanctioned strength", "Posts", "Number of posts"],
  }),
  col("positionDescriptionHi", "Position Hindi description", false, "What the position exists for, in Hindi.", {
    aliases: ["Position description Hindi", "Position description (Hindi)"],
    maxLength: LIMITS.DESCRIPTION_HI_MAX,
  }),
  col("roleDescriptionHi", "Role Hindi description", false, "What the role covers, in Hindi.", {
    aliases: ["Role description Hindi", "Role description (Hindi)"],
    maxLength: LIMITS.DESCRIPTION_HI_MAX,
  }),
  col("activityDescriptionHi", "Activity Hindi description", false, "What the activity involves, in Hindi.", {
    aliases: ["Activity description Hindi", "Activity description (Hindi)"],
    maxLength: LIMITS.DESCRIPTION_HI_MAX,
  }),
  // Written by the export only (where a reused role or activity came from); the import leaves provenance to reuse.
  col("roleDerivedFrom", "Role reused from", false, "Where the role was copied from: MINISTRY/VERSION/ID (VERSION is draft for a draft); empty when it was not reused. Not read by the import.", {}),
  col("activityDerivedFrom", "Activity reused from", false, "Where the activity was copied from: MINISTRY/VERSION/ID; empty when it was not reused. Not read by the import.", {}),
  col("nameHi", "Hindi name", false, "Hindi name of the row's last position, role or activity (import only).", {
    aliases: ["Name (Hindi)", "Name in Hindi"],
    maxLength: LIMITS.NAME_HI_MAX,
    importOnly: true,
  }),
  col("descriptionHi", "Hindi description", false, "Hindi description of the row's last position, role or activity (import only).", {
    aliases: ["Description (Hindi)", "Description in Hindi"],
    maxLength: LIMITS.DESCRIPTION_HI_MAX,
    importOnly: true,
  }),
];

/** A derivedFrom reference as one cell: MINISTRY/VERSION/ID, with "draft" for a draft's version. */
export function derivedFromCell(from: { nodeId: string; mdo: string; version: number | null } | undefined): string | undefined {
  return from ? `${from.mdo}/${from.version ?? "draft"}/${from.nodeId}` : undefined;
}

/** The columns the export and the template write, in that order (every column but the import-only ones). */
export const EXPORT_COLUMNS: readonly FlatColumn[] = FLAT_COLUMNS.filter((c) => !c.importOnly);

/** The flat layout's headers in export order. */
export const FLAT_HEADERS: readonly string[] = EXPORT_COLUMNS.map((c) => c.header);

const columnByKey = new Map(FLAT_COLUMNS.map((c) => [c.key, c]));

/** The column definition of a key. */
export function flatColumn(key: FlatKey): FlatColumn {
  const column = columnByKey.get(key);
  if (!column) throw new Error(`Unknown flat column ${key}`);
  return column;
}

/**
 * The comparison form of a header: case-, space-, underscore- and hyphen-insensitive, so
 * "Position id", "position_id", "PositionId" and " POSITION-ID " are the same header. A
 * trailing "*" (templates mark required columns with one) is ignored too.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .replace(/[\s_\-.*]+/gu, "");
}

const keyByHeader = new Map<string, FlatKey>();
for (const c of FLAT_COLUMNS)
  for (const h of [c.header, c.key, ...c.aliases]) keyByHeader.set(normaliseHeader(h), c.key);

/** The flat key a header names, or null. */
export function flatKeyForHeader(header: string): FlatKey | null {
  return keyByHeader.get(normaliseHeader(header)) ?? null;
}

export type HeaderMatch = {
  /** Column index (0-based) of every recognised key; a key named twice keeps its first column. */
  mapping: Partial<Record<FlatKey, number>>;
  /** Non-empty headers that name no flat column, as written in the file. */
  unknown: string[];
  /** Required keys with no column. */
  missing: FlatKey[];
  /** Keys named by more than one column, with every column index that names them. */
  duplicates: { key: FlatKey; columns: number[] }[];
};

/** Matches a header row against the flat layout. */
export function matchHeaders(headerRow: readonly string[]): HeaderMatch {
  const mapping: Partial<Record<FlatKey, number>> = {};
  const seen = new Map<FlatKey, number[]>();
  const unknown: string[] = [];
  headerRow.forEach((header, index) => {
    if (header.trim() === "") return;
    const key = flatKeyForHeader(header);
    if (!key) {
      unknown.push(header.trim());
      return;
    }
    const columns = seen.get(key) ?? [];
    columns.push(index);
    seen.set(key, columns);
    if (mapping[key] === undefined) mapping[key] = index;
  });
  const missing = FLAT_COLUMNS.filter((c) => c.required && mapping[c.key] === undefined).map((c) => c.key);
  const duplicates = [...seen].filter(([, columns]) => columns.length > 1).map(([key, columns]) => ({ key, columns }));
  return { mapping, unknown, missing, duplicates };
}

// Spreadsheet programs run a cell starting with one of these as a formula (OWASP "CSV injection").
const TRIGGERS = "=+\\-@\\t\\r";
const NEEDS_QUOTE = new RegExp(`^'*[${TRIGGERS}]`, "u");
const QUOTED = new RegExp(`^'+[${TRIGGERS}]`, "u");

/**
 * Makes a cell safe to open in a spreadsheet: prefixes `'` when it starts with `=`, `+`, `-`,
 * `@`, tab or CR. Text that already starts with quotes before such a character gets one more,
 * so restoreCell can always undo exactly what was done.
 */
export function neutraliseCell(s: string): string {
  return NEEDS_QUOTE.test(s) ? `'${s}` : s;
}

/** Undoes neutraliseCell: strips one leading `'` when what follows it (after any further quotes) is a trigger. */
export function restoreCell(s: string): string {
  return QUOTED.test(s) ? s.slice(1) : s;
}

/** One flat row as cells in EXPORT_COLUMNS order, neutralised for spreadsheets; absent keys are empty cells. */
export function toFlatCells(row: Partial<Record<FlatKey, string | number>>): string[] {
  return EXPORT_COLUMNS.map((c) => neutraliseCell(String(row[c.key] ?? "")));
}

const uuidSchema = z.uuid();

/** True when the text is a UUID the schema accepts as a node id. */
export function isUuid(s: string): boolean {
  return uuidSchema.safeParse(s).success;
}
