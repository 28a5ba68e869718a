import { z } from "zod";
import { FRAMEWORK_NODE_KINDS, IMPORTANCE_LEVELS, LINK_KINDS, RESOURCE_TYPES } from "./enums";
import { LIMITS } from "./limits";
import { derivedFromSchema } from "./reuse";

/**
 * The editor's change set: what one save sends. The browser builds it, the server parses it
 * with this same schema before applying it in one transaction. Ids are made in the browser
 * (UUIDs), so a link can point at a node created in the same save.
 */

/** At most this many changes in one save; the editor splits bigger batches. */
export const MAX_OPS_PER_SAVE = 5000;

const name = z.string().trim().min(1, "Name cannot be empty.").max(LIMITS.NAME_MAX, `Name is longer than ${LIMITS.NAME_MAX} characters.`);
const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, `${what} is longer than ${max} characters.`).optional();
const url = z
  .string()
  .trim()
  .max(LIMITS.URL_MAX)
  .refine((s) => s === "" || /^https?:\/\/\S+$/i.test(s), "Web address must start with http:// or https://.")
  .optional();
const coordinate = z.number().finite().min(-1e7).max(1e7);

/** Fields an author can set on a node (all optional on update). */
export const nodeFieldsSchema = z.object({
  name,
  nameHi: optionalText(LIMITS.NAME_HI_MAX, "Hindi name"),
  description: optionalText(LIMITS.DESCRIPTION_MAX, "Description"),
  descriptionHi: optionalText(LIMITS.DESCRIPTION_HI_MAX, "Hindi description"),
  source: optionalText(LIMITS.SOURCE_MAX, "Source"),
  url,
  resourceType: z.enum(RESOURCE_TYPES).optional(),
  /** Positions only: sanctioned posts, a whole number; null clears it. */
  sanctionedPosts: z
    .number({ error: "Sanctioned posts must be a whole number." })
    .int("Sanctioned posts must be a whole number.")
    .min(0, "Sanctioned posts cannot be negative.")
    .max(LIMITS.SANCTIONED_POSTS_MAX, `Sanctioned posts cannot exceed ${LIMITS.SANCTIONED_POSTS_MAX.toLocaleString("en-IN")}.`)
    .nullable()
    .optional(),
});
export type NodeFields = z.infer<typeof nodeFieldsSchema>;

const level = z.number().int().min(LIMITS.LEVEL_MIN).max(LIMITS.LEVEL_MAX);
const importance = z.enum(IMPORTANCE_LEVELS, { error: "Importance must be essential, important or desirable." });

export const editOpSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("node.create"),
    id: z.uuid(),
    kind: z.enum(FRAMEWORK_NODE_KINDS),
    fields: nodeFieldsSchema,
    x: coordinate.optional(),
    y: coordinate.optional(),
    /** A role or activity copied from another framework (or the own draft) keeps where it came from. */
    derivedFrom: derivedFromSchema.optional(),
  }),
  z.object({ op: z.literal("node.update"), id: z.uuid(), fields: nodeFieldsSchema.partial() }),
  z.object({ op: z.literal("node.move"), id: z.uuid(), x: coordinate, y: coordinate }),
  z.object({ op: z.literal("node.delete"), id: z.uuid() }),
  z.object({
    op: z.literal("link.create"),
    id: z.uuid(),
    kind: z.enum(LINK_KINDS),
    from: z.uuid(),
    to: z.uuid(),
    level: level.optional(),
    order: z.number().int().min(0).max(1_000_000).optional(),
    importance: importance.optional(),
  }),
  z.object({
    op: z.literal("link.update"),
    id: z.uuid(),
    level: level.optional(),
    order: z.number().int().min(0).max(1_000_000).optional(),
    /** null: no longer rated. */
    importance: importance.nullable().optional(),
  }),
  z.object({ op: z.literal("link.delete"), id: z.uuid() }),
  z.object({
    op: z.literal("competency.create"),
    id: z.uuid(),
    fields: z.object({
      name,
      nameHi: optionalText(LIMITS.NAME_HI_MAX, "Hindi name"),
      description: optionalText(LIMITS.DESCRIPTION_MAX, "Description"),
      descriptionHi: optionalText(LIMITS.DESCRIPTION_HI_MAX, "Hindi description"),
      source: optionalText(LIMITS.SOURCE_MAX, "Source"),
    }),
    levels: z.union([z.literal(3), z.literal(4), z.literal(5)]).default(5),
  }),
]);
export type EditOp = z.infer<typeof editOpSchema>;

/** The editor action's body: `intent` picks the operation; an unknown intent is a 400. */
export const editorActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    baseRevision: z.number().int().min(0),
    ops: z.array(editOpSchema).min(1, "A save needs at least one change.").max(MAX_OPS_PER_SAVE, `At most ${MAX_OPS_PER_SAVE} changes per save.`),
  }),
]);
export type EditorAction = z.infer<typeof editorActionSchema>;
