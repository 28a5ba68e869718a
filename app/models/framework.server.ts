/** A ministry's working copy, read as the interchange document (FracDocument). */
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies, frameworks, links, mdos, nodes, scales, users } from "@db/schema";
import { proficiencyScaleSchema, type ProficiencyScale } from "@schemas/scale";
import { SCHEMA_VERSION, type FracDocument, type FracLink, type FracNode } from "@schemas/frac-document";
import { NODE_KINDS } from "@schemas/enums";

const KIND_ORDER = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));

/** The framework row of an MDO, or null when the MDO has none yet. */
export function getFramework({ mdoId }: { mdoId: string }) {
  return getDb().select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get() ?? null;
}

/**
 * The MDO's working copy as a FracDocument, self-contained (it carries each referenced
 * competency's text and scale) and deterministic: an unchanged draft gives identical output.
 */
export function loadDraftDocument({ mdoId }: { mdoId: string }): FracDocument | null {
  const db = getDb();
  const mdo = db.select().from(mdos).where(eq(mdos.id, mdoId)).get();
  const fw = getFramework({ mdoId });
  if (!mdo || !mdo.code || !fw) return null;

  const userNames = new Map(db.select({ id: users.id, name: users.name }).from(users).all().map((u) => [u.id, u.name]));
  const nodeRows = db
    .select()
    .from(nodes)
    .where(eq(nodes.frameworkId, fw.id))
    .orderBy(asc(nodes.kind), asc(nodes.sortOrder), asc(nodes.id))
    .all();
  const linkRows = db
    .select()
    .from(links)
    .where(eq(links.frameworkId, fw.id))
    .orderBy(asc(links.fromId), asc(links.sortOrder), asc(links.id))
    .all();

  const out: FracNode[] = nodeRows
    .map((n): FracNode => {
      const common = {
        id: n.id,
        name: n.name,
        ...(n.nameHi ? { nameHi: n.nameHi } : {}),
        ...(n.description ? { description: n.description } : {}),
        ...(n.source ? { source: n.source } : {}),
        ...(n.createdBy && userNames.has(n.createdBy) ? { createdBy: userNames.get(n.createdBy)! } : {}),
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      };
      if (n.kind === "knowledge_resource") {
        return {
          kind: "knowledge_resource",
          ...common,
          ...(n.url ? { url: n.url } : {}),
          ...(n.resourceType ? { resourceType: n.resourceType as never } : {}),
        };
      }
      if (n.kind === "position") {
        return { kind: "position", ...common, ...(n.sanctionedPosts !== null ? { sanctionedPosts: n.sanctionedPosts } : {}) };
      }
      return { kind: n.kind, ...common };
    })
    .sort((a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);

  const competencyIds = [...new Set(linkRows.flatMap((l) => (l.toCompetencyId ? [l.toCompetencyId] : [])))];
  out.push(...competencyNodes(competencyIds));

  const outLinks: FracLink[] = linkRows.map((l) => ({
    id: l.id,
    from: l.fromId,
    to: (l.toNodeId ?? l.toCompetencyId)!,
    kind: l.kind,
    ...(l.level !== null ? { level: l.level } : {}),
    order: l.sortOrder,
    ...(l.importance !== null ? { importance: l.importance } : {}),
  }));

  return {
    schemaVersion: SCHEMA_VERSION,
    mdo: { code: mdo.code, name: mdo.name },
    version: null,
    status: fw.status,
    revision: fw.revision,
    publishedAt: null,
    nodes: out,
    links: outLinks,
  };
}

/** Dictionary entries as competency nodes, with their theme and scale, ordered by dictionary order. */
function competencyNodes(ids: string[]): FracNode[] {
  if (ids.length === 0) return [];
  const db = getDb();
  const rows = db
    .select({ c: competencies, levels: scales.levels, mdoCode: mdos.code })
    .from(competencies)
    .innerJoin(scales, eq(scales.id, competencies.scaleId))
    .leftJoin(mdos, eq(mdos.id, competencies.mdoId))
    .where(inArray(competencies.id, ids))
    .orderBy(asc(competencies.type), asc(competencies.sortOrder), asc(competencies.id))
    .all();
  const parentIds = [...new Set(rows.flatMap((r) => (r.c.parentId ? [r.c.parentId] : [])))];
  const parents = new Map(
    parentIds.length
      ? db.select({ id: competencies.id, name: competencies.name }).from(competencies).where(inArray(competencies.id, parentIds)).all().map((p) => [p.id, p.name])
      : [],
  );
  return rows.map(({ c, levels, mdoCode }) => ({
    kind: "competency",
    id: c.id,
    name: c.name,
    ...(c.nameHi ? { nameHi: c.nameHi } : {}),
    ...(c.description ? { description: c.description } : {}),
    ...(c.source ? { source: c.source } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    competencyType: c.type,
    ...(c.code ? { code: c.code } : {}),
    ...(c.parentId ? { theme: parents.get(c.parentId), parentId: c.parentId } : {}),
    ...(c.type === "Domain" && mdoCode ? { mdoCode } : {}),
    scale: readScale(levels),
  }));
}

/** Parses a stored scale; a malformed one is a bug in the data, so it throws. */
export function readScale(levels: unknown): ProficiencyScale {
  return proficiencyScaleSchema.parse({ levels });
}
