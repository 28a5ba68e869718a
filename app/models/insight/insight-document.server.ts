/**
 * A draft read for demand and completeness only: the fields those rules read (schemas/demand.ts,
 * schemas/completeness.ts), in the order the full draft document has them, and nothing else. The
 * first read of a 20,000-node draft after a change had to read the whole document (descriptions,
 * provenance, dates, every link's id and order, each competency's text and indicators), which was
 * most of the time and pushed it over 300 ms (issue 16). `tests/integration/insight-document.test.ts`
 * checks that the rules give exactly the same answers on this read as on the whole document.
 */
import { getClient } from "@db/client";
import { preparedPerClient } from "@db/prepared";
import { FRAMEWORK_NODE_KINDS, IMPORTANCE_LEVELS, LINK_KINDS, type CompetencyType, type FrameworkNodeKind } from "@schemas/enums";
import { SCHEMA_VERSION, type FracDocument, type FracLink, type FracNode } from "@schemas/frac-document";
import { readDraftHead, sharedScaleOfText } from "../draft/document.server";

// Every character JavaScript's \s matches: a description made only of these is not filled in
// (schemas/completeness.ts), so SQLite can say "filled" without sending the text.
const WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

// One letter per value of a fixed list ('a' the first), and '-' for none.
const CODE_BASE = "a".charCodeAt(0);
const DASH = "-".charCodeAt(0);
const ZERO = "0".charCodeAt(0);
const ONE = "1".charCodeAt(0);
const codeOf = (column: string, values: readonly string[]) =>
  `case ${column} ${values.map((v, i) => `when '${v}' then '${String.fromCharCode(CODE_BASE + i)}'`).join(" ")} else '-' end`;

const statements = preparedPerClient(() => {
  const { sqlite } = getClient();
  return {
    // The same order as the whole document's nodes and links (app/models/draft/document.server.ts).
    nodes: sqlite
      .prepare("select kind, id, name, name_hi, trim(description, @ws) <> '', sanctioned_posts from nodes where framework_id = @id order by kind, sort_order, id")
      .raw(),
    // why one text for all links: better-sqlite3 makes an array per row, and 63,000 rows of six
    // values cost three times what one joined text and a scan in JavaScript do. Each link is four
    // one-character codes (kind, level, importance, whether it points at the dictionary), its
    // source id, a separator and its target id; links are separated by another character. The
    // inner select reads them in order from the covering index links_framework_order. Ids are UUIDs, so
    // neither separator occurs in them.
    links: sqlite
      .prepare(
        `select group_concat(link, char(30)) from (select ${codeOf("kind", LINK_KINDS)} || ` +
          "case when level between 0 and 9 then char(48 + level) else '-' end || " +
          `${codeOf("importance", IMPORTANCE_LEVELS)} || (to_competency_id is not null) || from_id || char(31) || coalesce(to_node_id, to_competency_id) as link ` +
          "from links where framework_id = ? order by from_id, sort_order, id)",
      )
      .pluck(),
    competencies: sqlite
      .prepare(
        "select c.id, c.name, c.type, c.code, s.levels from competencies c join scales s on s.id = c.scale_id " +
          "where c.id in (select value from json_each(?)) order by c.type, c.sort_order, c.id",
      )
      .raw(),
  };
});

type NodeRow = [FrameworkNodeKind, string, string, string | null, 0 | 1, number | null];
type CompetencyRow = [string, string, CompetencyType, string | null, string];

/**
 * The ministry's draft with what demand and completeness read: each node's kind, id, name, Hindi
 * name, posts and whether its description is filled in (as a stand-in text); each link's ends, kind,
 * level and importance; each competency's name, code, type and scale. Null without a draft. Not a
 * document to show, store or export: everything else is missing.
 */
export function loadInsightDocument({ mdoId }: { mdoId: string }): FracDocument | null {
  const s = statements();
  const head = readDraftHead(mdoId);
  if (!head) return null;
  const { code, name, status, revision, frameworkId } = head;
  const byKind = new Map<string, FracNode[]>(FRAMEWORK_NODE_KINDS.map((k) => [k, []]));
  for (const [kind, id, nodeName, nameHi, described, posts] of s.nodes.all({ id: frameworkId, ws: WHITESPACE }) as NodeRow[]) {
    const node: Record<string, unknown> = { kind, id, name: nodeName };
    if (nameHi) node.nameHi = nameHi;
    if (described) node.description = "…";
    if (kind === "position" && posts !== null) node.sanctionedPosts = posts;
    byKind.get(kind)!.push(node as FracNode);
  }
  const competencyIds = new Set<string>();
  const joined = (s.links.get(frameworkId) as string | null) ?? "";
  const links: FracLink[] = [];
  let from = "";
  for (let at = 0; at < joined.length; ) {
    const split = joined.indexOf("\x1f", at + 4);
    const end = joined.indexOf("\x1e", split);
    const next = end === -1 ? joined.length : end;
    // why: links come sorted by source, so most share the previous link's source string (less to allocate and to hash).
    if (split - at - 4 !== from.length || !joined.startsWith(from, at + 4)) from = joined.slice(at + 4, split);
    const to = joined.slice(split + 1, next);
    const link: Record<string, unknown> = { from, to, kind: LINK_KINDS[joined.charCodeAt(at) - CODE_BASE] };
    const level = joined.charCodeAt(at + 1);
    if (level !== DASH) link.level = level - ZERO;
    const importance = joined.charCodeAt(at + 2);
    if (importance !== DASH) link.importance = IMPORTANCE_LEVELS[importance - CODE_BASE];
    if (joined.charCodeAt(at + 3) === ONE) competencyIds.add(to);
    links.push(link as FracLink);
    at = next + 1;
  }
  const nodes = [...byKind.values()].flat();
  if (competencyIds.size > 0) {
    for (const [id, competencyName, type, competencyCode, levels] of s.competencies.all(JSON.stringify([...competencyIds])) as CompetencyRow[]) {
      const node: Record<string, unknown> = { kind: "competency", id, name: competencyName, competencyType: type, scale: sharedScaleOfText(levels) };
      if (competencyCode) node.code = competencyCode;
      nodes.push(node as FracNode);
    }
  }
  return { schemaVersion: SCHEMA_VERSION, mdo: { code, name }, version: null, status, revision, publishedAt: null, nodes, links };
}
