/** The node operations of an editor save: create, update, move, delete (with the node's links). */
import { eq, or } from "drizzle-orm";
import { links, nodes } from "@db/schema";
import type { EditOp, NodeFields } from "@schemas/edit-ops";
import { audit } from "../audit/write.server";
import { findNode, findUsableCompetency, idTaken, requireNode, takeNodeOrder, type LinkRow, type NodeRow, type SaveContext } from "./context.server";
import { refuse } from "../refusal.server";
import { checkDerivedFrom } from "./derived-from.server";
import { aKindText, refusalText } from "~/i18n/refusal-text";

type Op<O extends EditOp["op"]> = Extract<EditOp, { op: O }>;
type FieldKey = Exclude<keyof NodeFields, "sanctionedPosts">;

const FIELD_KEYS: readonly FieldKey[] = ["name", "nameHi", "description", "descriptionHi", "source", "url", "resourceType"];
// why: an emptied optional text is stored as null, the way the seed and loadDraftDocument treat "absent";
// description is NOT NULL with "" as its default, so it stays "".
const NULL_WHEN_EMPTY = new Set<FieldKey>(["nameHi", "descriptionHi", "source", "url"]);

/** The column value for a field as sent by the editor. */
function stored(key: FieldKey, value: string): string | null {
  return value === "" && NULL_WHEN_EMPTY.has(key) ? null : value;
}

/** Only knowledge resources have a web address and a resource type, only positions sanctioned posts; refuses them on other kinds. */
function checkKindFields(kind: NodeRow["kind"], fields: Partial<NodeFields>): void {
  if (kind !== "position" && fields.sanctionedPosts !== undefined && fields.sanctionedPosts !== null) {
    refuse(400, refusalText("node.postsOnlyOnPositions", { kind: aKindText(kind) }));
  }
  if (kind === "knowledge_resource") return;
  const extra = (fields.url !== undefined && fields.url !== "") || fields.resourceType !== undefined;
  if (extra) {
    refuse(400, refusalText("node.urlOnlyOnResources", { kind: aKindText(kind) }));
  }
}

/** The audited content of a node: its kind and the fields that hold something. */
export function nodeContent(row: Pick<NodeRow, "kind" | FieldKey | "sanctionedPosts">): Record<string, string | number> {
  const out: Record<string, string | number> = { kind: row.kind };
  for (const key of FIELD_KEYS) {
    const value = row[key];
    if (value !== null && value !== "") out[key] = value;
  }
  if (row.sanctionedPosts !== null) out.sanctionedPosts = row.sanctionedPosts;
  return out;
}

/** The audited content of a link. */
export function linkContent(row: LinkRow): Record<string, string | number> {
  return {
    kind: row.kind,
    from: row.fromId,
    to: (row.toNodeId ?? row.toCompetencyId)!,
    ...(row.level !== null ? { level: row.level } : {}),
    ...(row.importance !== null ? { importance: row.importance } : {}),
    order: row.sortOrder,
  };
}

const coordinate = (value: number | undefined) => (value === undefined ? null : Math.round(value));

/** node.create: a new node with a fresh id, last among its kind. */
export function createNode(ctx: SaveContext, change: Op<"node.create">): void {
  if (idTaken(ctx, change.id)) refuse(400, refusalText("node.idTaken", { id: change.id }));
  checkKindFields(change.kind, change.fields);
  const derived = change.derivedFrom ? checkDerivedFrom(ctx, change.kind, change.derivedFrom) : null;
  const f = change.fields;
  const row = {
    id: change.id,
    frameworkId: ctx.frameworkId,
    kind: change.kind,
    name: f.name,
    nameHi: f.nameHi === undefined ? null : stored("nameHi", f.nameHi),
    description: f.description ?? "",
    descriptionHi: f.descriptionHi === undefined ? null : stored("descriptionHi", f.descriptionHi),
    source: f.source === undefined ? null : stored("source", f.source),
    url: f.url === undefined ? null : stored("url", f.url),
    resourceType: f.resourceType ?? null,
    sanctionedPosts: f.sanctionedPosts ?? null,
    sortOrder: takeNodeOrder(ctx, change.kind),
    x: coordinate(change.x),
    y: coordinate(change.y),
    ...(derived ?? {}),
    createdBy: ctx.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  ctx.tx.insert(nodes).values(row).run();
  const after = { ...nodeContent(row), ...(change.derivedFrom ? { derivedFrom: `${change.derivedFrom.mdo} ${change.derivedFrom.version ?? "draft"} ${change.derivedFrom.nodeId}` } : {}) };
  audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "node", entityId: row.id, action: "create", after });
}

/** node.update: writes the fields that differ, one audit row per changed field. */
export function updateNode(ctx: SaveContext, change: Op<"node.update">): void {
  const row = requireNode(ctx, change.id);
  checkKindFields(row.kind, change.fields);
  const changed: Partial<Record<FieldKey, string | null>> = {};
  for (const key of FIELD_KEYS) {
    const value = change.fields[key];
    if (value === undefined) continue;
    const next = stored(key, value);
    if (next === row[key]) continue;
    changed[key] = next;
    // One row per changed field, so the log answers "who changed this name, and from what".
    audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "node", entityId: row.id, action: "update", before: row[key], after: next, field: key });
  }
  const posts = change.fields.sanctionedPosts;
  const postsChanged = posts !== undefined && posts !== row.sanctionedPosts;
  if (postsChanged) audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "node", entityId: row.id, action: "update", before: row.sanctionedPosts, after: posts, field: "sanctionedPosts" });
  if (Object.keys(changed).length === 0 && !postsChanged) return;
  ctx.tx
    .update(nodes)
    // why the cast: stored() only nulls NULL_WHEN_EMPTY fields, and name (min 1) and description are never among them.
    .set({ ...(changed as Partial<typeof nodes.$inferInsert>), ...(postsChanged ? { sanctionedPosts: posts } : {}), updatedAt: ctx.now })
    .where(eq(nodes.id, row.id))
    .run();
}

/** node.move: a node's (or a competency's) place on this framework's canvas. */
export function moveNode(ctx: SaveContext, change: Op<"node.move">): void {
  // why no audit row and no updatedAt: a place on the canvas is layout, not framework content;
  // auditing every drag (or an automatic layout of the whole graph) would bury the changes reviewers care about.
  const [x, y] = [Math.round(change.x), Math.round(change.y)];
  if (findNode(ctx, change.id)) {
    ctx.q.moveNode.run({ id: change.id, x, y });
    return;
  }
  // A competency is a dictionary row shared by every framework, so its place on this
  // framework's canvas is kept per framework (competency_positions).
  if (!findUsableCompetency(ctx, change.id)) refuse(400, refusalText("node.missing", { id: change.id }));
  ctx.q.moveCompetency.run({ frameworkId: ctx.frameworkId, id: change.id, x, y });
}

/** node.delete: the node and every link from or to it. */
export function deleteNode(ctx: SaveContext, change: Op<"node.delete">): void {
  const row = requireNode(ctx, change.id);
  // Both columns are indexed (links_from, links_to_node), so SQLite answers the OR from two indexes.
  const attached = ctx.tx
    .select()
    .from(links)
    .where(or(eq(links.fromId, row.id), eq(links.toNodeId, row.id)))
    .all();
  if (attached.length > 0) {
    for (const link of attached) audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "link", entityId: link.id, action: "delete", before: linkContent(link) });
    ctx.tx.delete(links).where(or(eq(links.fromId, row.id), eq(links.toNodeId, row.id))).run();
  }
  ctx.tx.delete(nodes).where(eq(nodes.id, row.id)).run();
  audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "node", entityId: row.id, action: "delete", before: nodeContent(row) });
}
