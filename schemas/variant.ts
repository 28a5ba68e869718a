import { z } from "zod";

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
