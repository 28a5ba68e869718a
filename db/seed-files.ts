/**
 * The seed's input files (db/seed-data/, provenance in its SOURCES.md), parsed with zod
 * so a broken data file stops the seed with a message instead of half-seeding.
 */
import fs from "node:fs";
import { z } from "zod";
import { IMPORTANCE_LEVELS, RESOURCE_TYPES } from "../schemas/enums";
import { LIMITS } from "../schemas/limits";

// why "../db": this file runs from db/ (tests, tsx) and bundled into dist/ (CLI, server); both sit one level below the root.
const SEED_DIR = new URL("../db/seed-data/", import.meta.url);

const kcmFile = z.object({
  types: z.array(
    z.object({
      name: z.enum(["Behavioural", "Functional"]),
      description: z.string(),
      themes: z.array(
        z.object({
          name: z.string().min(1),
          description: z.string(),
          subThemes: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), description: z.string() })),
        }),
      ),
    }),
  ),
});

const levelsFile = z.object({
  levels: z.array(z.object({ level: z.number().int(), name: z.string(), description: z.string() })).length(5),
});

const designationsFile = z.object({ positions: z.array(z.object({ id: z.string(), name: z.string().min(1) })) });
const mdosFile = z.object({ organisations: z.array(z.string().min(1)) });

const requirement = z.object({
  competency: z.string().min(1),
  level: z.number().int().min(1).max(5),
  importance: z.enum(IMPORTANCE_LEVELS).optional(),
});
const demoFile = z.object({
  mdo: z.string().min(1),
  source: z.string().min(1),
  domainCompetencies: z.array(
    z.object({
      name: z.string().min(1),
      nameHi: z.string().optional(),
      description: z.string(),
      levels: z.number().int().min(3).max(5).default(5),
    }),
  ),
  knowledgeResources: z
    .array(
      z.object({
        name: z.string().min(1),
        description: z.string().default(""),
        resourceType: z.enum(RESOURCE_TYPES).optional(),
        url: z.string().optional(),
      }),
    )
    .default([]),
  positions: z.array(
    z.object({
      name: z.string().min(1),
      nameHi: z.string().optional(),
      description: z.string().default(""),
      sanctionedPosts: z.number().int().min(0).max(LIMITS.SANCTIONED_POSTS_MAX).optional(),
      roles: z.array(z.string()),
      resources: z.array(z.string()).default([]),
    }),
  ),
  roles: z.array(
    z.object({
      name: z.string().min(1),
      nameHi: z.string().optional(),
      description: z.string().default(""),
      activities: z.array(z.string()),
      competencies: z.array(requirement).default([]),
    }),
  ),
  activities: z.array(
    z.object({
      name: z.string().min(1),
      nameHi: z.string().optional(),
      description: z.string().default(""),
      competencies: z.array(requirement),
      resources: z.array(z.string()).default([]),
    }),
  ),
});

export type KcmFile = z.infer<typeof kcmFile>;
export type DemoFile = z.infer<typeof demoFile>;

function readSeedFile<T>(name: string, schema: z.ZodType<T>): T {
  const text = fs.readFileSync(new URL(name, SEED_DIR), "utf8");
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`db/seed-data/${name} is not in the expected shape: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const loadKcm = () => readSeedFile("kcm.json", kcmFile);
export const loadLevelDescriptors = () => readSeedFile("frac-level-descriptors.json", levelsFile).levels;
export const loadDesignations = () => readSeedFile("designations.json", designationsFile).positions;
export const loadMdoNames = () => readSeedFile("mdos.json", mdosFile).organisations;
export const loadDemoFramework = (file: string) => readSeedFile(file, demoFile);
