/** A ministry's working copy, read as the interchange document (FracDocument). */
import { eq } from "drizzle-orm";
import type { Database } from "better-sqlite3";
import { getClient, getDb } from "@db/client";
import { frameworks } from "@db/schema";
import { proficiencyScaleSchema, type ProficiencyScale } from "@schemas/scale";
import { readIndicators, type LevelIndicators } from "@schemas/indicators";
import { SCHEMA_VERSION, type FracDocument, type FracLink, type FracNode } from "@schemas/frac-document";
import { FRAMEWORK_NODE_KINDS, type CompetencyType, type FrameworkNodeKind } from "@schemas/enums";
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
  const competencyColumns =
    "c.id, c.name, c.name_hi, c.description, c.description_hi, c.source, c.created_at, c.updated_at, c.type, c.code, c.parent_id, p.name, m.code, s.levels, c.indicators";
  return {
    // why one statement: the dashboard reads hundreds of small drafts on its first visit, and two built queries per draft cost more than reading it.
    head: sqlite.prepare("select m.code, m.name, f.status, f.revision, f.id from mdos m join frameworks f on f.mdo_id = m.id where m.id = ?").raw(),
    nodes: sqlite.prepare(`select ${nodeColumns} from nodes where framework_id = ? order by kind, sort_order, id`).raw(),
    links: sqlite.prepare(`select ${linkColumns} from links where framework_id = ? order by from_id, sort_order, id`).raw(),
    users: sqlite.prepare("select id, name from users").raw(),
    competencies: sqlite
      .prepare(
        `select ${competencyColumns} from competencies c join scales s on s.id = c.scale_id left join competencies p on p.id = c.parent_id left join mdos m on m.id = c.mdo_id ` +
          "where c.id in (select value from json_each(?)) order by c.type, c.sort_order, c.id",
      )
      .raw(),
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
  const statements = draftStatements();
  const head = readDraftHead(mdoId);
  if (!head) return null;
  const { code, name, status, revision, frameworkId } = head;
  const userNames = new Map(statements.users.all() as [string, string][]);
  // The rows come ordered by kind name; the document lists kinds in NODE_KINDS order, each in row order.
  const byKind = new Map<string, FracNode[]>(FRAMEWORK_NODE_KINDS.map((k) => [k, []]));
  for (const row of statements.nodes.all(frameworkId) as NodeRow[]) byKind.get(row[0])!.push(toNode(row, userNames));
  const linkRows = statements.links.all(frameworkId) as LinkRow[];
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
    mdo: { code, name },
    version: null,
    status,
    revision,
    publishedAt: null,
    nodes: out,
    links: outLinks,
  };
}

/** The ministry's code and name and its draft's status, revision and framework id; null without a draft or a code. */
export function readDraftHead(mdoId: string): { code: string; name: string; status: FracDocument["status"]; revision: number; frameworkId: string } | null {
  const head = draftStatements().head.get(mdoId) as [string | null, string, FracDocument["status"], number, string] | undefined;
  if (!head || !head[0]) return null;
  const [code, name, status, revision, frameworkId] = head;
  return { code, name, status, revision, frameworkId };
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

type CompetencyRow = [
  string, string, string | null, string, string | null, string | null, string, string, CompetencyType, string | null, string | null, string | null, string | null, string, string | null,
];

/** Dictionary entries as competency nodes, with their theme and scale, ordered by dictionary order. */
function competencyNodes(ids: string[]): FracNode[] {
  if (ids.length === 0) return [];
  const rows = draftStatements().competencies.all(JSON.stringify(ids)) as CompetencyRow[];
  return rows.map((row): FracNode => {
    const [id, name, nameHi, description, descriptionHi, source, createdAt, updatedAt, type, code, parentId, parentName, mdoCode, levels, indicators] = row;
    return {
      kind: "competency",
      id,
      name,
      ...(nameHi ? { nameHi } : {}),
      ...(description ? { description } : {}),
      ...(descriptionHi ? { descriptionHi } : {}),
      ...(source ? { source } : {}),
      createdAt,
      updatedAt,
      competencyType: type,
      ...(code ? { code } : {}),
      ...(parentId ? { theme: parentName ?? undefined, parentId } : {}),
      ...(type === "Domain" && mdoCode ? { mdoCode } : {}),
      scale: withIndicators(readScaleText(levels), indicators === null ? {} : readIndicators(JSON.parse(indicators))),
    } as FracNode;
  });
}

// A handful of scales serve thousands of entries: each stored text is checked once, and the checked scale kept.
const checkedScales = new Map<string, ProficiencyScale>();

/** A stored scale's JSON text as the one checked ProficiencyScale kept for it: shared, so read it, never change it. */
export function sharedScaleOfText(levels: string): ProficiencyScale {
  let checked = checkedScales.get(levels);
  if (checked === undefined) {
    checked = readScale(JSON.parse(levels));
    if (checkedScales.size >= 1000) checkedScales.clear();
    checkedScales.set(levels, checked);
  }
  return checked;
}

/** A stored scale's JSON text as a fresh ProficiencyScale, exactly as readScale gives it (checked once per distinct text). */
function readScaleText(levels: string): ProficiencyScale {
  const checked = sharedScaleOfText(levels);
  // why a copy: each document gets its own objects, as when every entry's scale was parsed on its own.
  return { levels: checked.levels.map((l) => (l.indicators ? { ...l, indicators: [...l.indicators] } : { ...l })) };
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
