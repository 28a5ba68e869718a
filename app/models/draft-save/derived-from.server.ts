/**
 * The reuse check of an editor save: a node.create that says where it was copied from
 * (`derivedFrom`) must name a role or activity of the same kind that this ministry may reuse:
 * one in its own draft, or one in a published version of any ministry. Another ministry's draft
 * is never a source, and the refusal reads the same whether or not such a node exists.
 */
import { getClient } from "@db/client";
import type { DerivedFrom } from "@schemas/reuse";
import { aKindText, refusalText } from "~/i18n/refusal-text";
import type { FrameworkNodeKind } from "@schemas/enums";
import { refuse } from "../refusal.server";
import { findNode, type SaveContext } from "./context.server";

export type DerivedFromColumns = { derivedFromNodeId: string; derivedFromMdoId: string; derivedFromVersion: number | null };

type Published = { mdoId: string; kinds: Map<string, string> } | null;
const publishedBySave = new WeakMap<SaveContext, Map<string, Published>>();

/** The role and activity ids (with their kinds) of one published version, read once per save. */
function publishedNodes(ctx: SaveContext, mdo: string, version: number): Published {
  let cache = publishedBySave.get(ctx);
  if (!cache) publishedBySave.set(ctx, (cache = new Map()));
  const key = `${mdo}\u0000${version}`;
  if (cache.has(key)) return cache.get(key)!;
  // why the raw client: the same connection as the save's transaction, and json_each has no drizzle form.
  const { sqlite } = getClient();
  const row = sqlite
    .prepare("select v.mdo_id as mdoId, v.document as document from versions v join mdos m on m.id = v.mdo_id where m.code = ? and v.number = ?")
    .get(mdo, version) as { mdoId: string; document: string } | undefined;
  let found: Published = null;
  if (row) {
    const kinds = sqlite
      .prepare("select n.value ->> '$.id' as id, n.value ->> '$.kind' as kind from json_each(?, '$.nodes') n where n.value ->> '$.kind' in ('role', 'activity')")
      .raw()
      .all(row.document) as [string, string][];
    found = { mdoId: row.mdoId, kinds: new Map(kinds) };
  }
  cache.set(key, found);
  return found;
}

/** The columns that record where a new node was copied from, after checking the source may be reused; refuses (404) otherwise. */
export function checkDerivedFrom(ctx: SaveContext, kind: FrameworkNodeKind, from: DerivedFrom): DerivedFromColumns {
  if (kind !== "role" && kind !== "activity") refuse(400, refusalText("reuse.kindNotReusable", { kind: aKindText(kind) }));
  if (from.version === null) {
    const own = getClient().sqlite.prepare("select code from mdos where id = ?").pluck().get(ctx.mdoId) as string | null;
    // why one sentence for every other ministry: whether their draft holds such a node must not show.
    if (from.mdo !== own) refuse(404, refusalText("reuse.otherDraft"));
    const node = findNode(ctx, from.nodeId);
    if (!node || node.kind !== kind) refuse(404, refusalText("reuse.notInOwnDraft", { kind: refusalText(`kind.word.${kind}`), id: from.nodeId }));
    return { derivedFromNodeId: from.nodeId, derivedFromMdoId: ctx.mdoId, derivedFromVersion: null };
  }
  const published = publishedNodes(ctx, from.mdo, from.version);
  if (!published) refuse(404, refusalText("reuse.noVersion", { mdo: from.mdo, version: from.version }));
  if (published.kinds.get(from.nodeId) !== kind) refuse(404, refusalText("reuse.notInVersion", { mdo: from.mdo, version: from.version, kind: refusalText(`kind.word.${kind}`), id: from.nodeId }));
  return { derivedFromNodeId: from.nodeId, derivedFromMdoId: published.mdoId, derivedFromVersion: from.version };
}
