/**
 * A ministry's draft read for the demand and completeness rules only: the node and link columns
 * those rules look at, and the dictionary entries its requirements point to. Reading the whole
 * FracDocument (every column, the authors' names, links sorted in SQL) was two thirds of the time
 * of a 20,000-node framework's demand (decision 030). What this returns is NOT an interchange
 * document: node timestamps and link ids are left blank, so it must never be exported or stored.
 */
import { getClient } from "@db/client";
import { preparedPerClient } from "@db/prepared";
import { FRAMEWORK_NODE_KINDS, type FrameworkNodeKind } from "@schemas/enums";
import { SCHEMA_VERSION, type FracDocument, type FracLink, type FracNode } from "@schemas/frac-document";
import { competencyNodes } from "../draft/document.server";

const statements = preparedPerClient(() => {
  const { sqlite } = getClient();
  return {
    head: sqlite.prepare("select m.code, m.name, f.status, f.revision, f.id from mdos m join frameworks f on f.mdo_id = m.id where m.id = ?").raw(),
    nodes: sqlite.prepare("select kind, id, name, name_hi, description, sanctioned_posts from nodes where framework_id = ? order by kind, sort_order, id").raw(),
    // why not ordered in SQL: sorting 60,000 rows there cost more than ordering each node's few links below.
    links: sqlite.prepare("select from_id, to_node_id, to_competency_id, kind, level, importance, sort_order, id from links where framework_id = ?").raw(),
  };
});

type Head = [string | null, string, FracDocument["status"], number, string];
type NodeRow = [FrameworkNodeKind, string, string, string | null, string, number | null];
type LinkRow = [string, string | null, string | null, FracLink["kind"], number | null, string | null, number, string];

// Link order within one node's links, as the full document has it (sort order, then id as SQLite compares text).
const byOrderThenId = (a: LinkRow, b: LinkRow) => a[6] - b[6] || (a[7] < b[7] ? -1 : a[7] > b[7] ? 1 : 0);

/** The draft as computeDemand and computeCompleteness need it (their results equal those of the full document); null without a draft. */
export function loadDraftForRules({ mdoId }: { mdoId: string }): FracDocument | null {
  const s = statements();
  const head = s.head.get(mdoId) as Head | undefined;
  if (!head || !head[0]) return null;
  const [code, name, status, revision, frameworkId] = head;

  const byKind = new Map<string, FracNode[]>(FRAMEWORK_NODE_KINDS.map((k) => [k, []]));
  for (const [kind, id, nodeName, nameHi, description, sanctionedPosts] of s.nodes.all(frameworkId) as NodeRow[]) {
    const node: Record<string, unknown> = { kind, id, name: nodeName, createdAt: "", updatedAt: "" };
    if (nameHi) node.nameHi = nameHi;
    if (description) node.description = description;
    if (kind === "position" && sanctionedPosts !== null) node.sanctionedPosts = sanctionedPosts;
    byKind.get(kind)!.push(node as FracNode);
  }

  const linksFrom = new Map<string, LinkRow[]>();
  const competencyIds = new Set<string>();
  for (const row of s.links.all(frameworkId) as LinkRow[]) {
    if (row[2] !== null) competencyIds.add(row[2]);
    const list = linksFrom.get(row[0]);
    if (list) list.push(row);
    else linksFrom.set(row[0], [row]);
  }
  const links: FracLink[] = [];
  for (const list of linksFrom.values()) {
    if (list.length > 1) list.sort(byOrderThenId);
    for (const [from, toNode, toCompetency, kind, level, importance, order] of list) {
      const link: Record<string, unknown> = { id: "", from, to: toNode ?? toCompetency, kind, order };
      if (level !== null) link.level = level;
      if (importance !== null) link.importance = importance;
      links.push(link as FracLink);
    }
  }
  const nodes = [...byKind.values()].flat();
  nodes.push(...competencyNodes([...competencyIds]));
  return { schemaVersion: SCHEMA_VERSION, mdo: { code, name }, version: null, status, revision, publishedAt: null, nodes, links };
}
