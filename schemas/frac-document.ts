import { z } from "zod";
import { FRAMEWORK_STATUSES } from "./enums";
import { buildLinkSchema, buildNodeSchema } from "./graph-schemas";
import { boundedArray, boundedText, LIMITS, type SchemaVariant } from "./limits";

/**
 * The FRAC interchange document: what every export writes and every import reads.
 *
 * The top-level shape is fixed because other systems code against it. Unknown keys, at the
 * top level and in nodes and links, are dropped rather than rejected: a 1.x minor version
 * may add optional fields without a new schemaVersion, and older readers keep working.
 */

export const SCHEMA_VERSION = "1.1";

/** The document schema in the given variant (see SchemaVariant). */
export function buildFracDocumentSchema(variant: SchemaVariant) {
  return z
    .object({
      schemaVersion: z
        .string()
        .regex(/^1\.\d+$/, { message: 'must be "1.0" or another 1.x version; this app does not read other versions' })
        .describe(`Version of this format, "1.x". This is format ${SCHEMA_VERSION}.`),
      mdo: z
        .object({
          code: boundedText(variant, LIMITS.CODE_MAX).describe("Short code of the ministry/department/organisation."),
          name: boundedText(variant, LIMITS.NAME_MAX).describe("Full name of the ministry/department/organisation."),
        })
        .describe("The ministry, department or organisation (MDO) whose framework this is."),
      version: z
        .number()
        .int()
        .positive()
        .nullable()
        .describe("Published version number, 1, 2, 3…; null for the working draft."),
      status: z.enum(FRAMEWORK_STATUSES).describe("Review status of this version of the framework."),
      revision: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe("Edit counter of the draft; lets a reader notice that a draft has changed."),
      publishedAt: z.iso
        .datetime({ offset: true })
        .nullable()
        .optional()
        .describe("When this version was published (ISO 8601); null or absent for a draft."),
      nodes: boundedArray(variant, buildNodeSchema(variant), LIMITS.NODES_PER_FRAMEWORK_MAX).describe(
        "Positions, roles, activities, competencies and knowledge resources.",
      ),
      links: boundedArray(variant, buildLinkSchema(variant), LIMITS.LINKS_PER_FRAMEWORK_MAX).describe(
        "Parent → child links between the nodes; links to competencies carry the required level.",
      ),
    })
    .describe("A FRAC framework: positions → roles → activities → competencies of one ministry.");
}

/** Decides whether input is a FRAC document at all; sizes are checked by the validator. */
export const fracDocumentSchema = buildFracDocumentSchema("structural");
/** The structural rules plus every LIMIT; the published JSON Schema is generated from it. */
export const fracDocumentStrictSchema = buildFracDocumentSchema("strict");
export const fracNodeSchema = buildNodeSchema("structural");
export const fracLinkSchema = buildLinkSchema("structural");

export type FracDocument = z.infer<typeof fracDocumentSchema>;
export type FracNode = FracDocument["nodes"][number];
export type FracLink = FracDocument["links"][number];
export type PositionNode = Extract<FracNode, { kind: "position" }>;
export type RoleNode = Extract<FracNode, { kind: "role" }>;
export type ActivityNode = Extract<FracNode, { kind: "activity" }>;
export type CompetencyNode = Extract<FracNode, { kind: "competency" }>;
export type KnowledgeResourceNode = Extract<FracNode, { kind: "knowledge_resource" }>;

export type FracDocumentIssue = { path: string; message: string };
export type ParseFracDocumentResult =
  | { ok: true; document: FracDocument }
  | { ok: false; issues: FracDocumentIssue[] };

/** Parses untrusted input (e.g. JSON.parse of an uploaded file) into a FracDocument, or says where its shape is wrong. */
export function parseFracDocument(input: unknown): ParseFracDocumentResult {
  const result = fracDocumentSchema.safeParse(input, { error: plainMessage });
  if (result.success) return { ok: true, document: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  };
}

// Replaces zod's wording where a person reading a CLI report would stumble; undefined keeps zod's.
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined) return `is missing (expected ${issue.expected})`;
  if (issue.expected === "int") return "must be a whole number";
  return undefined;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A readable JSON path such as `nodes[3].kind`; the empty path is the document itself, "(document)". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else {
      const key = String(segment);
      if (PLAIN_KEY.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === "" ? "(document)" : out;
}
