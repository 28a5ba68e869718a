/** A ministry's working copy, read as the interchange document (FracDocument). */
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "better-sqlite3";
import { getClient, getDb } from "@db/client";
import { competencies, frameworks, mdos, scales } from "@db/schema";
import { proficiencyScaleSchema, type ProficiencyScale } from "@schemas/scale";
import { readIndicators, type LevelIndicators } from "@schemas/indicators";
import { SCHEMA_VERSION, type FracDocument, type FracLink, type FracNode } from "@schemas/frac-document";
import { FRAMEWORK_NODE_KINDS, type FrameworkNodeKind } from "@schemas/enums";
import { preparedPerClient } from "@db/prepared";

/** The framework row of an MDO, or null when the MDO has none yet. */
export function getFramework({ mdoId }: { mdoId: string }) {
  return getDb().select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get() ?? null;
}

// Statements for the working copy, prepared once per client. Rows come as arrays (`.raw()`): a
// 20,000-node draft is read on every export and publication, and mapping each row to an object
// first (drizzle's select) cost as much as reading it (docs/benchmarks.md, issue 18).
const draftStatements = preparedPerClient(() => statementsOn(getClient().sqlite));

function statementsOn(sqlite: Database) {
  const nodeColumns =
    "kind, id, name, name_hi, description, source, created_by, created_at, updated_at, url, resource_type, sanctioned_posts, description_hi, derived_from_node_id, " +
    "case when derived_from_mdo_id is null then null else (select m.code from mdos m where m.id = derived_from_mdo_id) end, derived_from_version";
  const linkColumns = "id, from_id, to_node_id, to_competency_id, kind, level, sort_order, importance";
  return {
    nodes: sqlite.prepare(`select ${nodeColumns} from nodes where framework_id = ? order by kind, sort_order, id`).raw(),
    links: sqlite.prepare(`select ${linkColumns} from links where framework_id = ? order by from_id, sort_order, id`).raw(),
    users: sqlite.prepare("select id, name from users").raw(),
  };
}

type NodeRow = [
  FrameworkNodeKind, string, string, string | null, string, string | null, string | null, string, string, string | null, string | null, number | null,
  string | null, string | null, string | null, number | null,
];
type LinkRow = [string, string, string | null, string | null, FracLink["kind"], number | null, number, string | null];

/**
 * The MDO's working copy as a FracDocument, self-contained (it carries each referenced
 * competency's text and scale) and deterministic: an unchanged draft gives identical output.
 * Objects are built with their keys in the schema's order, so serialising them as they are gives
 * the canonical text (a publication stores JSON.stringify of this document).
 */
export function loadDraftDocument({ mdoId }: { mdoId: string }): FracDocument | null {
  const db = getDb();
  const mdo = db.select().from(mdos).where(eq(mdos.id, mdoId)).get();
  const fw = getFramework({ mdoId });
  if (!mdo || !mdo.code || !fw) return null;

  const statements = draftStatements();
  const userNames = new Map(statements.users.all() as [string, string][]);
  // The rows come ordered by kind name; the document lists kinds in NODE_KINDS order, each in row order.
  const byKind = new Map<string, FracNode[]>(FRAMEWORK_NODE_KINDS.map((k) => [k, []]));
  for (const row of statements.nodes.all(fw.id) as NodeRow[]) byKind.get(row[0])!.push(toNode(row, userNames));
  const linkRows = statements.links.all(fw.id) as LinkRow[];
  const competencyIds = new Set<string>();
  const outLinks = linkRows.map((l): FracLink => {
    if (l[3] !== null) competencyIds.add(l[3]);
    const link: Record<string, unknown> = { id: l[0], from: l[1], to: l[2] ?? l[3], kind: l[4] };
    if (l[5] !== null) link.level = l[5];
    link.order = l[6];
    if (l[7] !== null) link.importance = l[7];
    return link as FracLink;
  });
  const out = [...byKind.values()].flat();
  out.push(...competencyNodes([...competencyIds]));

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

// why a record and not spreads: one object per node instead of one per optional field (20,000 nodes).
function toNode(row: NodeRow, userNames: Map<string, string>): FracNode {
  const [kind, id, name, nameHi, description, source, createdBy, createdAt, updatedAt, url, resourceType, sanctionedPosts, descriptionHi, fromNode, fromMdo, fromVersion] = row;
  const node: Record<string, unknown> = { kind, id, name };
  if (nameHi) node.nameHi = nameHi;
  if (description) node.description = description;
  if (descriptionHi) node.descriptionHi = descriptionHi;
  if (source) node.source = source;
  if (createdBy && userNames.has(createdBy)) node.createdBy = userNames.get(createdBy);
  node.createdAt = createdAt;
  node.updatedAt = updatedAt;
  if (kind === "knowledge_resource") {
    if (url) node.url = url;
    if (resourceType) node.resourceType = resourceType;
  }
  if (kind === "position" && sanctionedPosts !== null) node.sanctionedPosts = sanctionedPosts;
  if (fromNode && fromMdo && (kind === "role" || kind === "activity")) node.derivedFrom = { nodeId: fromNode, mdo: fromMdo, version: fromVersion };
  return node as FracNode;
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
    ...(c.descriptionHi ? { descriptionHi: c.descriptionHi } : {}),
    ...(c.source ? { source: c.source } : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    competencyType: c.type,
    ...(c.code ? { code: c.code } : {}),
    ...(c.parentId ? { theme: parents.get(c.parentId), parentId: c.parentId } : {}),
    ...(c.type === "Domain" && mdoCode ? { mdoCode } : {}),
    scale: withIndicators(readScale(levels), readIndicators(c.indicators)),
  }));
}

/** The scale with each level's written indicators (format 1.1); levels without any are left as they are. */
function withIndicators(scale: ProficiencyScale, indicators: LevelIndicators): ProficiencyScale {
  if (Object.keys(indicators).length === 0) return scale;
  return { levels: scale.levels.map((l) => (indicators[String(l.level)]?.length ? { ...l, indicators: indicators[String(l.level)] } : l)) };
}

/** Parses a stored scale; a malformed one is a bug in the data, so it throws. */
export function readScale(levels: unknown): ProficiencyScale {
  return proficiencyScaleSchema.parse({ levels });
}
