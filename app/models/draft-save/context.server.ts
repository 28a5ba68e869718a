/**
 * What every operation of one editor save shares: the transaction, who saves where, and
 * lookups by primary key that are scoped to the saving framework.
 */
import { and, eq, max, sql } from "drizzle-orm";
import type { Db, Tx } from "@db/client";
import { competencies, competencyPositions, links, nodes, scales } from "@db/schema";
import type { FrameworkNodeKind } from "@schemas/enums";
import type { ProficiencyScale } from "@schemas/scale";
import { readScale } from "../draft/document.server";
import { refusalText } from "~/i18n/refusal-text";
import { refuse } from "../refusal.server";


/**
 * The lookups every operation makes, prepared once per database client: a drizzle query built
 * per call costs ~0.1 ms, a prepared one ~0.01 ms, and a save makes several per change.
 * They run on the same connection, so inside the save's transaction they see its writes.
 */
function prepareLookups(db: Db) {
  const id = sql.placeholder("id");
  const twin = (column: typeof links.toNodeId | typeof links.toCompetencyId) =>
    db
      .select({ id: links.id })
      .from(links)
      // why the unary +: it keeps SQLite on links_from (a parent's few links) instead of the index
      // on the target, which for a popular KCM competency holds every ministry's links to it.
      .where(and(eq(links.fromId, sql.placeholder("from")), sql`+${column} = ${sql.placeholder("to")}`))
      .prepare();
  return {
    node: db.select().from(nodes).where(eq(nodes.id, id)).prepare(),
    link: db.select().from(links).where(eq(links.id, id)).prepare(),
    nodeId: db.select({ id: nodes.id }).from(nodes).where(eq(nodes.id, id)).prepare(),
    linkId: db.select({ id: links.id }).from(links).where(eq(links.id, id)).prepare(),
    competencyId: db.select({ id: competencies.id }).from(competencies).where(eq(competencies.id, id)).prepare(),
    competency: db
      .select({
        id: competencies.id,
        name: competencies.name,
        type: competencies.type,
        mdoId: competencies.mdoId,
        status: competencies.status,
        scaleId: competencies.scaleId,
        levels: scales.levels,
      })
      .from(competencies)
      .innerJoin(scales, eq(scales.id, competencies.scaleId))
      .where(eq(competencies.id, id))
      .prepare(),
    twinNode: twin(links.toNodeId),
    twinCompetency: twin(links.toCompetencyId),
    // Moves come by the hundred after an automatic layout, so they are prepared too.
    moveNode: db
      .update(nodes)
      .set({ x: sql`${sql.placeholder("x")}`, y: sql`${sql.placeholder("y")}` })
      .where(eq(nodes.id, id))
      .prepare(),
    moveCompetency: db
      .insert(competencyPositions)
      .values({ frameworkId: sql.placeholder("frameworkId"), competencyId: id, x: sql.placeholder("x"), y: sql.placeholder("y") })
      .onConflictDoUpdate({
        target: [competencyPositions.frameworkId, competencyPositions.competencyId],
        set: { x: sql`excluded.x`, y: sql`excluded.y` },
      })
      .prepare(),
  };
}
export type Lookups = ReturnType<typeof prepareLookups>;

const lookupsByDb = new WeakMap<Db, Lookups>();

/** The prepared lookups of this database client. */
export function lookupsFor(db: Db): Lookups {
  let lookups = lookupsByDb.get(db);
  if (!lookups) lookupsByDb.set(db, (lookups = prepareLookups(db)));
  return lookups;
}

export type SaveContext = {
  tx: Tx;
  q: Lookups;
  mdoId: string;
  userId: string;
  frameworkId: string;
  /** One timestamp for every row the save writes, in the schema defaults' format. */
  now: string;
  /** Next sort order per node kind, read once per kind per save. */
  nextNodeOrder: Map<FrameworkNodeKind, number>;
  /** Next link order per parent node, read once per parent per save. */
  nextLinkOrder: Map<string, number>;
  /** Parsed scales by scale id: a save links to few scales, many times. */
  scales: Map<string, ProficiencyScale>;
  /** Normalised name → name of every competency this MDO can see, loaded on the first competency.create. */
  dictionary?: { names: Map<string, string>; nextOrder: number };
};

export type NodeRow = typeof nodes.$inferSelect;
export type LinkRow = typeof links.$inferSelect;

/** The node with this id if it belongs to the saving framework. */
export function findNode(ctx: SaveContext, id: string): NodeRow | undefined {
  const row = ctx.q.node.get({ id });
  // why: a node of another framework is reported exactly like an unknown id, so ids of other ministries do not leak.
  return row && row.frameworkId === ctx.frameworkId ? row : undefined;
}

/** The node with this id in the saving framework; otherwise refuses. */
export function requireNode(ctx: SaveContext, id: string): NodeRow {
  return findNode(ctx, id) ?? refuse(400, refusalText("node.missing", { id }));
}

/** The link with this id in the saving framework; otherwise refuses. */
export function requireLink(ctx: SaveContext, id: string): LinkRow {
  const row = ctx.q.link.get({ id });
  if (!row || row.frameworkId !== ctx.frameworkId) refuse(400, refusalText("link.missing", { id }));
  return row;
}

/** True when a node, link or competency anywhere already has this id (ids are global UUIDs). */
export function idTaken(ctx: SaveContext, id: string): boolean {
  const { q } = ctx;
  return q.nodeId.get({ id }) !== undefined || q.linkId.get({ id }) !== undefined || q.competencyId.get({ id }) !== undefined;
}

export type UsableCompetency = { id: string; name: string; status: "active" | "retired"; scale: ProficiencyScale };

/**
 * The competency with this id if this MDO may link to it: a shared dictionary entry, or this
 * MDO's own Domain competency. Another ministry's Domain competency is treated as unknown.
 */
export function findUsableCompetency(ctx: SaveContext, id: string): UsableCompetency | undefined {
  const row = ctx.q.competency.get({ id });
  if (!row) return undefined;
  const usable = row.mdoId === null || (row.mdoId === ctx.mdoId && row.type === "Domain");
  if (!usable) return undefined;
  let scale = ctx.scales.get(row.scaleId);
  if (!scale) ctx.scales.set(row.scaleId, (scale = readScale(row.levels)));
  return { id: row.id, name: row.name, status: row.status, scale };
}

/** Whether `from` already links to `to` (a node, or a competency when `toCompetency`). */
export function linkExists(ctx: SaveContext, from: string, to: string, toCompetency: boolean): boolean {
  return (toCompetency ? ctx.q.twinCompetency : ctx.q.twinNode).get({ from, to }) !== undefined;
}

/** The sort order for a new node of this kind: one more than the framework's largest. */
export function takeNodeOrder(ctx: SaveContext, kind: FrameworkNodeKind): number {
  let next = ctx.nextNodeOrder.get(kind);
  if (next === undefined) {
    const row = ctx.tx
      .select({ top: max(nodes.sortOrder) })
      .from(nodes)
      .where(and(eq(nodes.frameworkId, ctx.frameworkId), eq(nodes.kind, kind)))
      .get();
    next = (row?.top ?? -1) + 1;
  }
  ctx.nextNodeOrder.set(kind, next + 1);
  return next;
}

/** The order for a new link of this parent: the one given, else one more than the parent's largest. */
export function takeLinkOrder(ctx: SaveContext, fromId: string, given: number | undefined): number {
  let next = ctx.nextLinkOrder.get(fromId);
  if (next === undefined) {
    const row = ctx.tx.select({ top: max(links.sortOrder) }).from(links).where(eq(links.fromId, fromId)).get();
    next = (row?.top ?? -1) + 1;
  }
  const order = given ?? next;
  ctx.nextLinkOrder.set(fromId, Math.max(next, order + 1));
  return order;
}

