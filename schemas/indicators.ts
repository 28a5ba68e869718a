/**
 * Level indicators: what an official at each proficiency level of a competency does, a few
 * bullet points per level (O*NET calls its examples "level anchors"). Where a level has none,
 * the scale's descriptor stands in for it.
 */
import { z } from "zod";

export const INDICATORS_PER_LEVEL_MAX = 8;
export const INDICATOR_MAX = 300;

/** One indicator: a sentence of what the official does. */
export const indicatorSchema = z.string().trim().min(1, "must not be empty").max(INDICATOR_MAX, `must be at most ${INDICATOR_MAX} characters`);

/** Indicators by level ("1".."5"), each level at most INDICATORS_PER_LEVEL_MAX bullets. */
export const levelIndicatorsSchema = z
  .record(z.string().regex(/^[1-5]$/, "levels are 1 to 5"), z.array(indicatorSchema).max(INDICATORS_PER_LEVEL_MAX, `at most ${INDICATORS_PER_LEVEL_MAX} indicators a level`))
  .describe("What an official does at each proficiency level, by level number.");

export type LevelIndicators = z.infer<typeof levelIndicatorsSchema>;

/** Reads stored indicators; anything unreadable counts as none written. */
export function readIndicators(value: unknown): LevelIndicators {
  const parsed = levelIndicatorsSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** The bullets of each level of a scale: the written indicators, else the level's descriptor (marked as the default). */
export function indicatorsByLevel(levels: readonly { level: number; name: string; descriptor: string }[], indicators: LevelIndicators) {
  return levels.map((l) => {
    const written = indicators[String(l.level)] ?? [];
    return { ...l, indicators: written.length ? written : l.descriptor ? [l.descriptor] : [], isDefault: written.length === 0 };
  });
}

/** Text with one indicator a line (a textarea) as a list; blank lines and bullets' leading marks dropped. */
export function indicatorLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-*•]\s*/, "").trim())
    .filter((l) => l.length > 0);
}
