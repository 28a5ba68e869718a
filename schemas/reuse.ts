/**
 * Reuse instead of retyping: where a copied role or activity came from (`derivedFrom`), and the
 * one pure function that turns a reusable source (a role or activity with its activities and
 * competency requirements) into the editor's ordinary change ops under a chosen parent.
 */
import { z } from "zod";
import type { EditOp } from "./edit-ops";
import type { Importance, LinkKind } from "./enums";
import { boundedText, LIMITS, type SchemaVariant } from "./limits";

/** The derivedFrom reference in the given schema variant. */
export function buildDerivedFromSchema(variant: SchemaVariant) {
  return z
    .object({
      nodeId: z.uuid().describe("Id of the role or activity this one was copied from."),
      mdo: boundedText(variant, LIMITS.CODE_MAX).min(1).describe("Code of the ministry whose framework held it."),
      version: z
        .number()
        .int()
        .positive()
        .nullable()
        .describe("The published version it was copied from; null when copied from the ministry's own draft."),
    })
    .describe("Where this node was copied from when an author reused it instead of retyping it. Since 1.1.");
}

export const derivedFromSchema = buildDerivedFromSchema("strict");
export type DerivedFrom = z.infer<typeof derivedFromSchema>;

export const REUSABLE_KINDS = ["role", "activity"] as const;
export type ReusableKind = (typeof REUSABLE_KINDS)[number];

/** A node of a reusable source, as the server offers it (first: the role or activity itself). */
export type ReuseSourceNode = { id: string; kind: ReusableKind; name: string; nameHi?: string; description?: string };
/** A link inside the source: role → activity, or a requirement with its level and importance. */
export type ReuseSourceLink = {
  kind: Extract<LinkKind, "role_activity" | "role_competency" | "activity_competency">;
  from: string;
  to: string;
  level?: number;
  importance?: Importance;
};
/** What one reuse copies: nodes, links, and the requirements left out (named, with why). */
export type ReuseSource = {
  from: { mdo: string; version: number | null };
  nodes: ReuseSourceNode[];
  links: ReuseSourceLink[];
  /** Requirements not copied: another ministry's Domain competency, or a retired entry. */
  skipped: { competency: string; reason: "foreign-domain" | "retired" }[];
};

/**
 * The change ops that copy `source` into a draft under `parent` (a position for a role, a role
 * for an activity; null: unattached): every node gets a fresh id from `newId` and keeps where it
 * came from in `derivedFrom`; requirements keep their level and importance.
 */
export function planReuse(source: ReuseSource, parent: { id: string } | null, newId: () => string): { rootId: string; ops: EditOp[] } {
  const ids = new Map(source.nodes.map((n) => [n.id, newId()] as const));
  const root = source.nodes[0];
  if (!root) throw new Error("A reuse source holds at least its own node.");
  const ops: EditOp[] = source.nodes.map((n) => ({
    op: "node.create",
    id: ids.get(n.id)!,
    kind: n.kind,
    fields: { name: n.name, ...(n.nameHi ? { nameHi: n.nameHi } : {}), ...(n.description ? { description: n.description } : {}) },
    derivedFrom: { nodeId: n.id, mdo: source.from.mdo, version: source.from.version },
  }));
  if (parent) ops.push({ op: "link.create", id: newId(), kind: root.kind === "role" ? "position_role" : "role_activity", from: parent.id, to: ids.get(root.id)! });
  for (const l of source.links) {
    const from = ids.get(l.from);
    if (!from) continue;
    const to = l.kind === "role_activity" ? ids.get(l.to) : l.to;
    if (!to) continue;
    ops.push({
      op: "link.create",
      id: newId(),
      kind: l.kind,
      from,
      to,
      ...(l.level !== undefined ? { level: l.level } : {}),
      ...(l.importance !== undefined ? { importance: l.importance } : {}),
    });
  }
  return { rootId: ids.get(root.id)!, ops };
}
