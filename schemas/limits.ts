/**
 * Size limits shared by the schema, the validator, the importer and the UI.
 *
 * They exist so that one ministry cannot exhaust the server (or a reviewer's browser)
 * with a pathological file, and so that other systems reading our exports can size their
 * own columns. Text lengths count UTF-16 code units, the same unit zod and the browser's
 * `maxlength` use; every Devanagari character is one unit.
 */
export const LIMITS = {
  NAME_MAX: 300,
  NAME_HI_MAX: 300,
  DESCRIPTION_MAX: 5000,
  SOURCE_MAX: 500,
  URL_MAX: 2000,
  CODE_MAX: 32,
  NODES_PER_FRAMEWORK_MAX: 250_000,
  LINKS_PER_FRAMEWORK_MAX: 1_000_000,
  IMPORT_FILE_BYTES_MAX: 128 * 1024 * 1024,
  IMPORT_ROWS_MAX: 250_000,
  COMMENT_MAX: 5000,
  /** Who created a node: a user's display name or e-mail address. */
  CREATED_BY_MAX: 300,
  /** Proficiency levels: numbered LEVEL_MIN..LEVEL_MAX, a scale has SCALE_LEVELS_MIN..MAX of them. */
  LEVEL_MIN: 1,
  LEVEL_MAX: 5,
  SCALE_LEVELS_MIN: 3,
  SCALE_LEVELS_MAX: 5,
  LEVEL_NAME_MAX: 60,
  LEVEL_DESCRIPTOR_MAX: 2000,
} as const;
