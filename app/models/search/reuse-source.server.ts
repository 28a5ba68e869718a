/**
 * What one reuse copies: a role (with its activities) or an activity, with their competency
 * requirements, read from the ministry's own draft or from a published version. Another
 * ministry's draft is never read; requirements this ministry cannot link (another ministry's
 * Domain competency, a retired entry) are named as skipped instead of copied.
 */
import { inArray } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies } from "@db/schema";
import type { FracDocument, FracLink } from "@schemas/frac-document";
import type { ReusableKind, ReuseSource, ReuseSourceLink, ReuseSourceNode } from "@schemas/reuse";
import { loadDraftDocument } from "../draft/document.server";
import { getMdoByCode } from "../access/mdos.server";
import { getVersion } from "../publication/versions.server";

export type ReuseFrom = { mdo: string; version: number | null };

/** The document a reuse reads: the viewer's own draft (version null) or a published version; null otherwise. */
function sourceDocument(viewerMdoId: string, from: ReuseFrom): FracDocument | null {
  const mdo = getMdoByCode({ code: from.mdo });
  if (!mdo) return null;
  if (from.version === null) return mdo.id === viewerMdoId ? loadDraftDocument({ mdoId: mdo.id }) : null;
  return getVersion({ mdoId: mdo.id, number: from.version })?.document ?? null;
}

type Usable = { id: string; ok: boolean; reason?: "foreign-domain" | "retired" };

/** Whether the viewer's draft may link each competency (a merged entry counts as its survivor). */
function usableCompetencies(viewerMdoId: string, ids: string[]): Map<string, Usable> {
  if (ids.length === 0) return new Map();
  const rows = getDb()
    .select({ id: competencies.id, mdoId: competencies.mdoId, status: competencies.status, mergedInto: competencies.mergedIntoId })
    .from(competencies)
    .where(inArray(competencies.id, ids))
    .all();
  const survivors = new Map(
    getDb()
      .select({ id: competencies.id, mdoId: competencies.mdoId, status: competencies.status })
      .from(competencies)
      .where(inArray(competencies.id, rows.flatMap((r) => (r.mergedInto ? [r.mergedInto] : []))))
      .all()
      .map((s) => [s.id, s] as const),
  );
  const out = new Map<string, Usable>();
  for (const r of rows) {
    const target = r.mergedInto ? (survivors.get(r.mergedInto) ?? r) : r;
    if (target.mdoId !== null && target.mdoId !== viewerMdoId) out.set(r.id, { id: target.id, ok: false, reason: "foreign-domain" });
    else if (target.status !== "active") out.set(r.id, { id: target.id, ok: false, reason: "retired" });
    else out.set(r.id, { id: target.id, ok: true });
  }
  return out;
}

/**
 * The role or activity `nodeId` of `from` as a reuse source for the draft of `viewerMdoId`
 * (which the caller checked the user may edit); null when there is no such node that they may reuse.
 */
export function loadReuseSource({ viewerMdoId, from, nodeId }: { viewerMdoId: string; from: ReuseFrom; nodeId: string }): ReuseSource | null {
  const doc = sourceDocument(viewerMdoId, from);
  const root = doc?.nodes.find((n) => n.id === nodeId);
  if (!doc || !root || (root.kind !== "role" && root.kind !== "activity")) return null;
  const byId = new Map(doc.nodes.map((n) => [n.id, n] as const));
  const childLinks = new Map<string, FracLink[]>();
  doc.links.forEach((l) => childLinks.set(l.from, [...(childLinks.get(l.from) ?? []), l]));
  const ordered = (id: string) => [...(childLinks.get(id) ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

  const asSource = (n: { id: string; kind: ReusableKind; name: string; nameHi?: string; description?: string }): ReuseSourceNode => ({
    id: n.id,
    kind: n.kind,
    name: n.name,
    ...(n.nameHi ? { nameHi: n.nameHi } : {}),
    ...(n.description ? { description: n.description } : {}),
  });
  const nodes: ReuseSourceNode[] = [asSource({ ...root, kind: root.kind })];
  const links: ReuseSourceLink[] = [];
  const requirementLinks: FracLink[] = [];
  const visit = (id: string) => {
    for (const l of ordered(id)) {
      if (l.kind === "role_activity") {
        const activity = byId.get(l.to);
        if (activity?.kind !== "activity") continue;
        if (!nodes.some((n) => n.id === activity.id)) {
          nodes.push(asSource({ ...activity, kind: "activity" }));
          visit(activity.id);
        }
        links.push({ kind: "role_activity", from: id, to: activity.id });
      } else if ((l.kind === "role_competency" || l.kind === "activity_competency") && l.level !== undefined) {
        requirementLinks.push(l);
      }
    }
  };
  visit(root.id);

  const usable = usableCompetencies(viewerMdoId, [...new Set(requirementLinks.map((l) => l.to))]);
  const skipped: ReuseSource["skipped"] = [];
  for (const l of requirementLinks) {
    const u = usable.get(l.to);
    const name = byId.get(l.to)?.name ?? l.to;
    if (!u) continue; // not in this install's dictionary at all: nothing it could point at
    if (!u.ok) {
      if (!skipped.some((s) => s.competency === name)) skipped.push({ competency: name, reason: u.reason! });
      continue;
    }
    // why: two merged entries may now be one survivor, and a node links to a competency once.
    if (links.some((k) => k.from === l.from && k.to === u.id)) continue;
    links.push({ kind: l.kind as ReuseSourceLink["kind"], from: l.from, to: u.id, level: l.level, ...(l.importance ? { importance: l.importance } : {}) });
  }
  return { from, nodes, links, skipped };
}
