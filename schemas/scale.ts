import { z } from "zod";
import { boundedText, LIMITS, type SchemaVariant } from "./limits";
import { INDICATOR_MAX, INDICATORS_PER_LEVEL_MAX } from "./indicators";
import { normalizeName } from "./text";

/**
 * Proficiency scales: a competency has 3 to 5 levels, numbered from 1 upwards, each with a
 * name and an observable descriptor.
 */

/** The level schema; name and descriptor lengths are capped only in the strict variant. */
export function buildProficiencyLevelSchema(variant: SchemaVariant) {
  return z
    .object({
      level: z
        .number()
        .int()
        .min(LIMITS.LEVEL_MIN)
        .max(LIMITS.LEVEL_MAX)
        .describe("Position of the level on the scale, 1 being the least proficient."),
      name: boundedText(variant, LIMITS.LEVEL_NAME_MAX).min(1).describe('Short name, e.g. "Proficient".'),
      descriptor: boundedText(variant, LIMITS.LEVEL_DESCRIPTOR_MAX).describe(
        "Observable description of what a person at this level can do.",
      ),
      indicators: z
        .array(boundedText(variant, INDICATOR_MAX).min(1))
        .max(INDICATORS_PER_LEVEL_MAX)
        .optional()
        .describe("What an official at this level does, a few sentences written for this competency (level anchors); absent when none are written and the descriptor stands for the level. Since 1.1."),
    })
    .describe("One proficiency level of a competency.");
}

/** The scale schema: 3 to 5 levels numbered 1..n in order, in both variants. */
export function buildProficiencyScaleSchema(variant: SchemaVariant) {
  return z
    .object({
      levels: z
        .array(buildProficiencyLevelSchema(variant))
        .min(LIMITS.SCALE_LEVELS_MIN)
        .max(LIMITS.SCALE_LEVELS_MAX)
        .describe("The levels in ascending order, numbered 1, 2, 3… without gaps."),
    })
    .superRefine((scale, ctx) => {
      // why: a required level on a link is a number, so "level 3" must mean the same third
      // step in every scale; gaps or reordering would silently shift requirements.
      scale.levels.forEach((entry, index) => {
        if (entry.level !== index + 1) {
          ctx.addIssue({
            code: "custom",
            path: ["levels", index, "level"],
            message: `Levels must be numbered 1 to ${scale.levels.length} in order; position ${index + 1} holds level ${entry.level}.`,
          });
        }
      });
    })
    .describe("The proficiency scale of a competency: 3 to 5 levels, each with a name and a descriptor.");
}

export const proficiencyLevelSchema = buildProficiencyLevelSchema("strict");
export const proficiencyScaleSchema = buildProficiencyScaleSchema("strict");
export type ProficiencyLevel = z.infer<typeof proficiencyLevelSchema>;
export type ProficiencyScale = z.infer<typeof proficiencyScaleSchema>;

// The five FRAC levels, word for word as the iGOT FRAC service defines them
// (ssreenaths1985/frac-service, TaggingConstants.java, COMPETENCY_LEVELS), as recorded in the
// project's seed data (shared/data/frac-samples/frac_level_descriptors.json).
export const DEFAULT_SCALE: ProficiencyScale = {
  levels: [
    {
      level: 1,
      name: "Basic",
      descriptor:
        "Possesses basic knowledge and skills related to some elements of the competency and is able to apply them with moderate supervision.",
    },
    {
      level: 2,
      name: "Proficient",
      descriptor:
        "Able to demonstrate knowledge and skills related to most of the elements of the competency and apply them without need for constant supervision.",
    },
    {
      level: 3,
      name: "Advanced",
      descriptor:
        "Possesses strong knowledge and skills required for the competency and demonstrates an understanding of the interlinkages between competencies. Acts as an advisor on the topic, often producing manuals/notes to support colleagues.",
    },
    {
      level: 4,
      name: "Expert",
      descriptor:
        "Demonstrates excellence in all capabilities related to the competency compared to best industry benchmarks within the country. Is a person of authority on practices and/or systems related to the competency and is widely consulted on the same.",
    },
    {
      level: 5,
      name: "Ustad",
      descriptor:
        "Demonstrates complete mastery of the competency and use of it in unprecedented ways. Has a fundamental, outsized impact on their field of knowledge with few other people having similar capabilities.",
    },
  ],
};

/** A fresh copy of the first `count` default FRAC levels, safe for the caller to edit. */
export function defaultScale(count: 3 | 4 | 5): ProficiencyScale {
  return { levels: DEFAULT_SCALE.levels.slice(0, count).map((entry) => ({ ...entry })) };
}

/** True when `level` is one of the scale's level numbers. */
export function levelInScale(scale: ProficiencyScale, level: number): boolean {
  // A plain loop: the validator calls this once per requirement link, up to a million times.
  for (const entry of scale.levels) if (entry.level === level) return true;
  return false;
}

/**
 * The level with this number, or with this name (case- and spacing-insensitive); null if none.
 * A string of digits, as spreadsheets give, is read as a level number.
 */
export function findLevel(scale: ProficiencyScale, levelOrName: number | string): ProficiencyLevel | null {
  if (typeof levelOrName === "string" && /^\s*\d+\s*$/.test(levelOrName)) {
    return findLevel(scale, Number(levelOrName));
  }
  if (typeof levelOrName === "number") {
    return scale.levels.find((entry) => entry.level === levelOrName) ?? null;
  }
  const wanted = normalizeName(levelOrName);
  return scale.levels.find((entry) => normalizeName(entry.name) === wanted) ?? null;
}

/** The scale's range for messages, e.g. "levels 1–3 (Basic, Proficient, Advanced)". */
export function describeScale(scale: ProficiencyScale): string {
  const names = scale.levels.map((entry) => entry.name).join(", ");
  return `levels 1–${scale.levels.length} (${names})`;
}
