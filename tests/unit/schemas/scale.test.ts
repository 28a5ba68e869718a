import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildProficiencyScaleSchema,
  DEFAULT_SCALE,
  defaultScale,
  describeScale,
  findLevel,
  levelInScale,
  proficiencyScaleSchema,
} from "@schemas/scale";

// The seed data records the FRAC tool's level texts; DEFAULT_SCALE must quote them exactly.
const seed = JSON.parse(
  readFileSync(new URL("../../../db/seed-data/frac-level-descriptors.json", import.meta.url), "utf8"),
) as { levels: { level: number; name: string; description: string }[] };

const level = (n: number, name = `Level ${n}`) => ({ level: n, name, descriptor: `Can do ${n}.` });

describe("DEFAULT_SCALE", () => {
  it("is the five FRAC levels, word for word as recorded in the seed data", () => {
    expect(DEFAULT_SCALE.levels).toEqual(
      seed.levels.map((l) => ({ level: l.level, name: l.name, descriptor: l.description })),
    );
    expect(DEFAULT_SCALE.levels.map((l) => l.name)).toEqual(["Basic", "Proficient", "Advanced", "Expert", "Ustad"]);
  });

  it("passes its own schema", () => {
    expect(proficiencyScaleSchema.safeParse(DEFAULT_SCALE).success).toBe(true);
  });
});

describe("defaultScale", () => {
  it("cuts the default scale to the first 3 or 4 levels", () => {
    expect(defaultScale(3).levels.map((l) => l.name)).toEqual(["Basic", "Proficient", "Advanced"]);
    expect(defaultScale(4).levels).toHaveLength(4);
    expect(defaultScale(5)).toEqual(DEFAULT_SCALE);
  });

  it("returns a copy the caller may edit without changing DEFAULT_SCALE", () => {
    const scale = defaultScale(5);
    scale.levels[0].name = "Beginner";
    expect(DEFAULT_SCALE.levels[0].name).toBe("Basic");
  });
});

describe("proficiencyScaleSchema", () => {
  it("accepts 3, 4 and 5 levels numbered from 1", () => {
    for (const n of [3, 4, 5]) {
      const levels = Array.from({ length: n }, (_, i) => level(i + 1));
      expect(proficiencyScaleSchema.safeParse({ levels }).success).toBe(true);
    }
  });

  it("rejects fewer than 3 or more than 5 levels", () => {
    expect(proficiencyScaleSchema.safeParse({ levels: [level(1), level(2)] }).success).toBe(false);
    const six = Array.from({ length: 6 }, (_, i) => level(Math.min(i + 1, 5)));
    expect(proficiencyScaleSchema.safeParse({ levels: six }).success).toBe(false);
  });

  it("rejects a gap or a reordering, pointing at the misnumbered level", () => {
    const result = proficiencyScaleSchema.safeParse({ levels: [level(1), level(3), level(2)] });
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual([
      ["levels", 1, "level"],
      ["levels", 2, "level"],
    ]);
    expect(issues[0].message).toBe("Levels must be numbered 1 to 3 in order; position 2 holds level 3.");
  });

  it("rejects a scale that starts above 1", () => {
    const result = proficiencyScaleSchema.safeParse({ levels: [level(2), level(3), level(4)] });
    expect(result.success).toBe(false);
  });

  it("caps name and descriptor length only in the strict variant", () => {
    const scale = { levels: [level(1, "x".repeat(61)), level(2), level(3)] };
    expect(proficiencyScaleSchema.safeParse(scale).success).toBe(false);
    expect(buildProficiencyScaleSchema("structural").safeParse(scale).success).toBe(true);
  });

  it("rejects an empty level name in both variants", () => {
    const scale = { levels: [level(1, ""), level(2), level(3)] };
    expect(buildProficiencyScaleSchema("structural").safeParse(scale).success).toBe(false);
  });
});

describe("levelInScale, findLevel and describeScale", () => {
  const three = defaultScale(3);

  it("knows which numbers a scale has", () => {
    expect(levelInScale(three, 1)).toBe(true);
    expect(levelInScale(three, 3)).toBe(true);
    expect(levelInScale(three, 4)).toBe(false);
    expect(levelInScale(three, 0)).toBe(false);
  });

  it("finds a level by number, by digits in a string, or by name ignoring case and spacing", () => {
    expect(findLevel(three, 2)?.name).toBe("Proficient");
    expect(findLevel(three, " 3 ")?.name).toBe("Advanced");
    expect(findLevel(three, "  advanced ")?.level).toBe(3);
    expect(findLevel(DEFAULT_SCALE, "USTAD")?.level).toBe(5);
  });

  it("returns null for a level the scale does not have", () => {
    expect(findLevel(three, 5)).toBeNull();
    expect(findLevel(three, "Ustad")).toBeNull();
    expect(findLevel(three, "")).toBeNull();
  });

  it("describes the range and names for messages", () => {
    expect(describeScale(three)).toBe("levels 1–3 (Basic, Proficient, Advanced)");
  });
});
