import { z } from "zod";

/**
 * Size limits shared by the schema, the validator, the importer and the UI, and the helpers
 * that put them on the strict schema variant.
 *
 * They exist so that one ministry cannot exhaust the server (or a reviewer's browser)
 * with a pathological file, and so that other systems reading our exports can size their
 * own columns. Text lengths count UTF-16 code units, the same unit zod and the browser's
 * `maxlength` use; every Devanagari character is one unit. (JSON Schema's maxLength counts
 * code points, so a JSON Schema validator is never stricter than we are.)
 */
export const LIMITS = {
  NAME_MAX: 300,
  NAME_HI_MAX: 300,
  DESCRIPTION_MAX: 5000,
  DESCRIPTION_HI_MAX: 5000,
  SOURCE_MAX: 500,
  URL_MAX: 2000,
  CODE_MAX: 32,
  NODES_PER_FRAMEWORK_MAX: 250_000,
  LINKS_PER_FRAMEWORK_MAX: 1_000_000,
  IMPORT_FILE_BYTES_MAX: 128 * 1024 * 1024,
  IMPORT_ROWS_MAX: 250_000,
  /** An .xlsx is refused unopened when its zip directory says it unpacks to more than min(MAX, max(RATIO × its size, FLOOR)). */
  XLSX_UNPACKED_BYTES_MAX: 300 * 1024 * 1024,
  XLSX_UNPACK_RATIO_MAX: 100,
  XLSX_UNPACKED_BYTES_FLOOR: 32 * 1024 * 1024,
  XLSX_PARTS_MAX: 10_000,
  /** A form post (sign-in, review, comments...) larger than this is refused before it is read; imports and editor saves have their own caps. */
  FORM_BODY_BYTES_MAX: 1024 * 1024,
  /** The largest graph-editor save (MAX_CHANGES_PER_SAVE changes with long texts fit well under it). */
  EDITOR_SAVE_BYTES_MAX: 10 * 1024 * 1024,
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
  /** Sanctioned posts of one designation: a whole number; the largest cadre in India is far below this. */
  SANCTIONED_POSTS_MAX: 10_000_000,
} as const;

/**
 * Every document schema is built twice from one factory:
 * - "structural": types and shapes only. It decides whether a file is a FRAC document at
 *   all; size problems (a 6,000-character description, too many nodes) are left to the
 *   validator, which names the offending node instead of failing the whole parse.
 * - "strict": adds the LIMITS as maxLength/maxItems. It is what the published JSON Schema
 *   is generated from, so other systems learn our limits from it.
 */
export type SchemaVariant = "structural" | "strict";

/** A string schema that carries the `max` length only in the strict variant. */
export function boundedText(variant: SchemaVariant, max: number): z.ZodString {
  return variant === "strict" ? z.string().max(max) : z.string();
}

/** A required, non-blank string: blank names are a validator finding in the structural variant. */
export function requiredText(variant: SchemaVariant, max: number): z.ZodString {
  // why \S: JSON Schema cannot say "non-empty after trimming", but a pattern can demand one
  // non-space character, which is the same rule for every realistic name.
  return variant === "strict" ? z.string().min(1).max(max).regex(/\S/) : z.string();
}

/** An array schema that carries `maxItems` only in the strict variant. */
export function boundedArray<T extends z.ZodType>(variant: SchemaVariant, item: T, max: number): z.ZodArray<T> {
  return variant === "strict" ? z.array(item).max(max) : z.array(item);
}
