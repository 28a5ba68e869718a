import { z } from "zod";
import { LINK_KINDS } from "./enums";
import { LIMITS } from "./limits";
import type { SchemaVariant } from "./variant";

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
    })
    .describe("A link from a parent node to a child node, e.g. a role to one of its activities.");
}
