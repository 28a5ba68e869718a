import { z } from "zod";
import { COMPETENCY_TYPES, IMPORTANCE_LEVELS, LINK_KINDS, NODE_KINDS, RESOURCE_TYPES } from "./enums";
import { boundedText, LIMITS, requiredText, type SchemaVariant } from "./limits";
import { buildDerivedFromSchema } from "./reuse";
import { buildProficiencyScaleSchema } from "./scale";

/**
 * The node schemas, one per kind, joined into a union discriminated on `kind`, and the link schema.
 * Objects are plain z.object: unknown keys are dropped on parse rather than rejected, so a
 * newer minor version of the format can add optional fields that older readers ignore.
 */

// The UI and the importer create ids (Conventions: ids are made where the node is made);
// a published id never changes, so other systems may store it.
const nodeId = () => z.uuid().describe("Stable identifier (UUID). Never changes once the node is published.");
// why offset: true: spreadsheets and other systems write +05:30 as often as Z.
const timestamp = (what: string) => z.iso.datetime({ offset: true }).describe(`${what} (ISO 8601 date-time).`);

function commonFields(variant: SchemaVariant) {
  return {
    id: nodeId(),
    name: requiredText(variant, LIMITS.NAME_MAX).describe("Name in English, as the ministry uses it."),
    nameHi: boundedText(variant, LIMITS.NAME_HI_MAX).optional().describe("Name in Hindi (Devanagari)."),
    description: boundedText(variant, LIMITS.DESCRIPTION_MAX).optional().describe("What this node means."),
    descriptionHi: boundedText(variant, LIMITS.DESCRIPTION_HI_MAX)
      .optional()
      .describe("What this node means, in Hindi (Devanagari). Since 1.1."),
    source: boundedText(variant, LIMITS.SOURCE_MAX)
      .optional()
      .describe("Where the entry comes from, e.g. a spreadsheet name or an order number."),
    createdBy: boundedText(variant, LIMITS.CREATED_BY_MAX).optional().describe("Who created the node."),
    createdAt: timestamp("When the node was created").optional(),
    updatedAt: timestamp("When the node was last changed").optional(),
  };
}

function simpleNode<K extends "role" | "activity">(variant: SchemaVariant, kind: K, what: string) {
  return z
    .object({ kind: z.literal(kind), ...commonFields(variant), derivedFrom: buildDerivedFromSchema(variant).optional() })
    .describe(what);
}

/** The position node schema: common fields plus the number of sanctioned posts (format 1.1). */
export function buildPositionNodeSchema(variant: SchemaVariant) {
  return z
    .object({
      kind: z.literal("position"),
      ...commonFields(variant),
      sanctionedPosts: z
        .number()
        .int()
        .min(0)
        .max(LIMITS.SANCTIONED_POSTS_MAX)
        .optional()
        .describe("How many officials hold this designation (sanctioned strength); absent when not known. Since 1.1."),
    })
    .describe("A position (designation) in the ministry.");
}

/** The competency node schema: common fields plus type, dictionary code, theme and scale. */
export function buildCompetencyNodeSchema(variant: SchemaVariant) {
  return z
    .object({
      kind: z.literal("competency"),
      ...commonFields(variant),
      competencyType: z.enum(COMPETENCY_TYPES).describe("Behavioural, Functional or Domain."),
      code: boundedText(variant, LIMITS.CODE_MAX)
        .optional()
        .describe('Identifier in the Karmayogi Competency Model dictionary, e.g. "BEH-001".'),
      theme: boundedText(variant, LIMITS.NAME_MAX)
        .optional()
        .describe("Name of the parent theme, when this entry is a sub-theme."),
      parentId: z.uuid().optional().describe("Id of the parent theme, when this entry is a sub-theme."),
      mdoCode: boundedText(variant, LIMITS.CODE_MAX)
        .optional()
        .describe("Code of the ministry that owns this competency; set only for a ministry's own Domain competency."),
      scale: buildProficiencyScaleSchema(variant),
    })
    .describe("A competency: an attribute needed to perform activities, with its proficiency scale.");
}

/** The knowledge resource node schema: common fields plus an http(s) URL and a resource type. */
export function buildResourceNodeSchema(variant: SchemaVariant) {
  // why the pattern: z.url's protocol check does not reach the JSON Schema, a pattern does;
  // and zod drops format "uri" once a pattern is added, so the meta puts it back.
  const error = "must be a web address starting with http:// or https://";
  const httpUrl = z
    .url({ protocol: /^https?$/, error, abort: true })
    .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, { error });
  const url = (variant === "strict" ? httpUrl.max(LIMITS.URL_MAX) : httpUrl).meta({ format: "uri" });
  return z
    .object({
      kind: z.literal("knowledge_resource"),
      ...commonFields(variant),
      url: url.optional().describe("Web address (http or https) where the resource can be read."),
      resourceType: z.enum(RESOURCE_TYPES).optional().describe("What kind of resource this is."),
    })
    .describe("An act, rule, manual, guideline or link that a position or activity relies on.");
}

/** All node kinds as one union discriminated on `kind`. */
export function buildNodeSchema(variant: SchemaVariant) {
  const kinds = NODE_KINDS.map((kind) => `"${kind}"`).join(", ");
  return z.discriminatedUnion(
    "kind",
    [
      buildPositionNodeSchema(variant),
      simpleNode(variant, "role", "A role that one or more positions play."),
      simpleNode(variant, "activity", "An activity that one or more roles perform."),
      buildCompetencyNodeSchema(variant),
      buildResourceNodeSchema(variant),
    ],
    {
      error: (issue) => (issue.code === "invalid_union" ? `kind must be one of ${kinds}` : undefined),
    },
  );
}

/** The link schema: a directed edge from a parent node to a child node. */
export function buildLinkSchema(variant: SchemaVariant) {
  // why: in the structural variant any whole number passes, so that a level of 7 becomes a
  // validator finding naming the competency and its scale, not an anonymous parse failure.
  const level =
    variant === "strict" ? z.number().int().min(LIMITS.LEVEL_MIN).max(LIMITS.LEVEL_MAX) : z.number().int();
  return z
    .object({
      id: z.uuid().describe("Stable identifier (UUID) of the link."),
      from: z.uuid().describe("Id of the parent node, e.g. the role."),
      to: z.uuid().describe("Id of the child node, e.g. the activity."),
      kind: z
        .enum(LINK_KINDS)
        .describe("Which kinds of node the link joins; must match the kinds of `from` and `to`."),
      level: level
        .optional()
        .describe(
          "Required proficiency level, on the competency's own scale. Present exactly on links to a competency.",
        ),
      order: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe("Display position among the parent's children; smaller comes first."),
      importance: z
        .enum(IMPORTANCE_LEVELS)
        .optional()
        .describe(
          "How much the requirement matters: essential, important or desirable; absent when not rated. Only on links to a competency. Since 1.1.",
        ),
    })
    .describe("A link from a parent node to a child node, e.g. a role to one of its activities.");
}
