/** competency.create in an editor save: a new Domain competency owned by the saving MDO. */
import { eq, isNull, or } from "drizzle-orm";
import { competencies } from "@db/schema";
import { defaultScaleIdFor } from "@db/seed-scales";
import type { EditOp } from "@schemas/edit-ops";
import { normalizeName } from "@schemas/text";
import { audit } from "../audit/write.server";
import { idTaken, type SaveContext } from "./context.server";
import { refusalText } from "~/i18n/refusal-text";
import { refuse } from "../refusal.server";

type CompetencyCreate = Extract<EditOp, { op: "competency.create" }>;

/** The names this MDO sees in the dictionary (shared entries and its own), loaded once per save. */
function dictionary(ctx: SaveContext): NonNullable<SaveContext["dictionary"]> {
  if (ctx.dictionary) return ctx.dictionary;
  const rows = ctx.tx
    .select({ name: competencies.name, mdoId: competencies.mdoId, sortOrder: competencies.sortOrder })
    .from(competencies)
    .where(or(isNull(competencies.mdoId), eq(competencies.mdoId, ctx.mdoId)))
    .all();
  const names = new Map<string, string>();
  let top = -1;
  for (const row of rows) {
    if (!names.has(normalizeName(row.name))) names.set(normalizeName(row.name), row.name);
    if (row.mdoId === ctx.mdoId) top = Math.max(top, row.sortOrder);
  }
  ctx.dictionary = { names, nextOrder: top + 1 };
  return ctx.dictionary;
}

/** competency.create: a Domain competency of this MDO whose name is new to the dictionary it sees. */
export function createCompetency(ctx: SaveContext, change: CompetencyCreate): void {
  if (idTaken(ctx, change.id)) refuse(400, refusalText("competency.idTaken", { id: change.id }));
  const dict = dictionary(ctx);
  const key = normalizeName(change.fields.name);
  const existing = dict.names.get(key);
  if (existing !== undefined) refuse(400, refusalText("competency.nameTaken", { name: existing }));

  const f = change.fields;
  const row = {
    id: change.id,
    type: "Domain" as const,
    name: f.name,
    nameHi: f.nameHi || null,
    description: f.description ?? "",
    descriptionHi: f.descriptionHi || null,
    mdoId: ctx.mdoId,
    scaleId: defaultScaleIdFor(change.levels),
    source: f.source || null,
    status: "active" as const,
    sortOrder: dict.nextOrder++,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  ctx.tx.insert(competencies).values(row).run();
  dict.names.set(key, row.name);
  const content = {
    type: row.type,
    name: row.name,
    ...(row.nameHi ? { nameHi: row.nameHi } : {}),
    ...(row.description ? { description: row.description } : {}),
    ...(row.descriptionHi ? { descriptionHi: row.descriptionHi } : {}),
    ...(row.source ? { source: row.source } : {}),
    levels: change.levels,
  };
  audit(ctx.tx, { userId: ctx.userId, mdoId: ctx.mdoId, entity: "competency", entityId: row.id, action: "create", after: content });
}
