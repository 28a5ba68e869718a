/** The default proficiency scales: the FRAC tool's five levels, and its 3- and 4-level cuts. */
import { stableId } from "./ids";
import type { loadLevelDescriptors } from "./seed-files";

export const SCALE_LEVEL_COUNTS = [5, 4, 3] as const;

/** The id of the default scale with `count` levels (a 3- or 4-level scale is the first levels). */
export function defaultScaleIdFor(count: number): string {
  return stableId(`scale:frac-default-${count}`);
}

/** Rows for the default scales, from the FRAC tool's level descriptors. */
export function defaultScaleRows(levels: ReturnType<typeof loadLevelDescriptors>) {
  return SCALE_LEVEL_COUNTS.map((count) => ({
    id: defaultScaleIdFor(count),
    name: `FRAC default (${count} levels)`,
    levels: levels.slice(0, count).map((l) => ({ level: l.level, name: l.name, descriptor: l.description })),
  }));
}
