/** The link operations of an editor save: create (kind and level checked), update, delete. */
import { eq } from "drizzle-orm";
import { links } from "@db/schema";
import type { EditOp } from "@schemas/edit-ops";
import { LINK_RULES, linkKindFor, type Importance, type NodeKind } from "@schemas/enums";
import { aKindText, nodeText, refusalText } from "~/i18n/refusal-text";
import type { ProficiencyScale } from "@schemas/scale";
import { audit } from "../audit/write.server";
import {
  findNode,
  findUsableCompetency,
  idTaken,
  linkExists,
  requireLink,
  takeLinkOrder,
  type SaveContext,
  type UsableCompetency,
} from "./context.server";
import { linkContent } from "./nodes.server";
import { refuse } from "../refusal.server";

type Op<O extends EditOp["op"]> = Extract<EditOp, { op: O }>;
type Target = { id: string; kind: NodeKind; name: string; competency?: UsableCompetency };

/** e.g. `(levels 1–3: Basic, Proficient, Advanced)` */
function scaleRange(scale: ProficiencyScale) {
  return refusalText("link.scaleRange", { max: scale.levels.length, names: scale.levels.map((l) => l.name).join(", ") });
}

/** Refuses a level the competency's scale does not have. */
function checkLevel(competency: UsableCompetency, level: number): void {
  if (!competency.scale.levels.some((l) => l.level === level)) {
    refuse(400, refusalText("link.levelOutsideScale", { level, name: competency.name, range: scaleRange(competency.scale) }));
  }
}

/** The end a link points at: a node of this framework, or a competency this MDO may use. */
function resolveTarget(ctx: SaveContext, id: string): Target {
  const node = findNode(ctx, id);
  if (node) return { id, kind: node.kind, name: node.name };
  const competency = findUsableCompetency(ctx, id);
  if (!competency) refuse(400, refusalText("link.noTarget", { id }));
  if (competency.status !== "active") {
    refuse(400, refusalText("link.retiredCompetency", { name: competency.name }));
  }
  return { id, kind: "competency", name: competency.name, competency };
}

/** link.create: a link whose ends, kind and level fit LINK_RULES and the competency's scale. */
export function createLink(ctx: SaveContext, change: Op<"link.create">): void {
  if (idTaken(ctx, change.id)) refuse(400, refusalText("link.idTaken", { id: change.id }));
  const from = findNode(ctx, change.from);
  if (!from) {
    if (findUsableCompetency(ctx, change.from)) {
      refuse(400, refusalText("link.fromCompetency"));
    }
    refuse(400, refusalText("node.missing", { id: change.from }));
  }
  const to = resolveTarget(ctx, change.to);
  const kind = linkKindFor(from.kind, to.kind);
  if (!kind) refuse(400, refusalText(`link.notAllowed.${from.kind}`, { to: aKindText(to.kind) }));
  if (change.kind !== kind) {
    refuse(
      400,
      refusalText("link.wrongKind", { from: aKindText(from.kind), to: aKindText(to.kind), kind, label: LINK_RULES[kind].label, given: change.kind }),
    );
  }
  const between = refusalText("link.between", { from: nodeText(from), to: nodeText(to) });
  if (to.competency) {
    if (change.level === undefined) {
      refuse(400, refusalText("link.levelNeeded", { between, range: scaleRange(to.competency.scale) }));
    }
    checkLevel(to.competency, change.level);
  } else if (change.level !== undefined) {
    refuse(400, refusalText("link.levelNotAllowed", { between }));
  } else if (change.importance !== undefined) {
    refuse(400, refusalText("link.importanceNotAllowed", { between }));
  }
  if (linkExists(ctx, from.id, to.id, to.competency !== undefined)) refuse(400, refusalText("link.exists", { from: nodeText(from), to: nodeText(to) }));

  const row = {
    id: change.id,
    frameworkId: ctx.frameworkId,
    kind,
    fromId: from.id,
    toNodeId: to.competency ? null : to.id,
    toCompetencyId: to.competency ? to.id : null,
    level: change.level ?? null,
    importance: change.importance ?? null,
    sortOrder: takeLinkOrder(ctx, from.id, change.order),
    createdAt: ctx.now,
  };
  ctx.tx.insert(links).values(row).run();
  audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "link", entityId: row.id, action: "create", after: linkContent(row) });
}

/** link.update: a new required level (checked against the scale) or order. */
export function updateLink(ctx: SaveContext, change: Op<"link.update">): void {
  const row = requireLink(ctx, change.id);
  const set: { level?: number; sortOrder?: number; importance?: Importance | null } = {};
  if (change.level !== undefined && change.level !== row.level) {
    if (!row.toCompetencyId) {
      refuse(400, refusalText("link.rowLevelNotAllowed", { id: row.id, label: LINK_RULES[row.kind].label }));
    }
    // A link's competency stays usable: the dictionary retires entries, it does not delete them.
    const competency = findUsableCompetency(ctx, row.toCompetencyId);
    if (!competency) refuse(400, refusalText("link.noCompetency", { id: String(row.toCompetencyId) }));
    checkLevel(competency, change.level);
    set.level = change.level;
    audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "link", entityId: row.id, action: "update", before: row.level, after: change.level, field: "level" });
  }
  if (change.importance !== undefined && change.importance !== row.importance) {
    if (!row.toCompetencyId) {
      refuse(400, refusalText("link.rowImportanceNotAllowed", { id: row.id, label: LINK_RULES[row.kind].label }));
    }
    set.importance = change.importance;
    audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "link", entityId: row.id, action: "update", before: row.importance, after: change.importance, field: "importance" });
  }
  if (change.order !== undefined && change.order !== row.sortOrder) {
    set.sortOrder = change.order;
    audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "link", entityId: row.id, action: "update", before: row.sortOrder, after: change.order, field: "order" });
  }
  if (Object.keys(set).length > 0) ctx.tx.update(links).set(set).where(eq(links.id, row.id)).run();
}

/** link.delete: one link of this framework. */
export function deleteLink(ctx: SaveContext, change: Op<"link.delete">): void {
  const row = requireLink(ctx, change.id);
  ctx.tx.delete(links).where(eq(links.id, row.id)).run();
  audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "link", entityId: row.id, action: "delete", before: linkContent(row) });
}
