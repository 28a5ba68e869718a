/**
 * Position profiles of a ministry's draft or published version: the profile of one position, and
 * the list of them with each one's completeness. The profile itself is built by
 * schemas/position-profile.ts; here the document and the dictionary's level indicators are read.
 */
import { inArray } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies } from "@db/schema";
import { computeCompleteness } from "@schemas/completeness";
import { positionNeeds } from "@schemas/demand";
import type { FracDocument } from "@schemas/frac-document";
import { readIndicators, type LevelIndicators } from "@schemas/indicators";
import { buildPositionProfile, type PositionProfile, type ProfileSummary } from "@schemas/position-profile";
import { loadDraftDocument } from "../draft/document.server";
import { getVersion } from "../publication/versions.server";
import type { DemandSource } from "./demand.server";

function documentOf(mdoId: string, version: DemandSource): FracDocument | null {
  return (version === "draft" ? loadDraftDocument({ mdoId }) : getVersion({ mdoId, number: version })?.document) ?? null;
}

// why the dictionary and not the document: indicators are curated on the shared entry and are not
// (yet) part of a published snapshot, so a published profile shows the entry's indicators of today.
function indicatorsFor(ids: string[]): Map<string, LevelIndicators> {
  if (ids.length === 0) return new Map();
  const rows = getDb().select({ id: competencies.id, indicators: competencies.indicators }).from(competencies).where(inArray(competencies.id, ids)).all();
  return new Map(rows.map((r) => [r.id, readIndicators(r.indicators)]));
}

/** Which draft revision or version a profile was read from, for the page to say. */
export type ProfileOrigin = { version: number | null; revision: number; publishedAt: string | null };
const originOf = (doc: FracDocument): ProfileOrigin => ({ version: doc.version, revision: doc.revision ?? 0, publishedAt: doc.publishedAt ?? null });

/** Every position of a version (or the draft) with its roles, competencies and completeness; null when there is no such version or draft. */
export function listProfiles({ mdoId, version }: { mdoId: string; version: DemandSource }): { origin: ProfileOrigin; positions: ProfileSummary[] } | null {
  const doc = documentOf(mdoId, version);
  if (!doc) return null;
  const roleCount = new Map<string, number>();
  for (const l of doc.links) if (l.kind === "position_role") roleCount.set(l.from, (roleCount.get(l.from) ?? 0) + 1);
  const completeness = computeCompleteness(doc);
  const byPosition = positionNeeds(doc);
  const posts = new Map(doc.nodes.flatMap((n) => (n.kind === "position" ? [[n.id, n.sanctionedPosts ?? null] as const] : [])));
  const positions = completeness.positions.map((p) => ({
    id: p.id,
    name: p.name,
    ...(p.nameHi ? { nameHi: p.nameHi } : {}),
    posts: posts.get(p.id) ?? null,
    roles: roleCount.get(p.id) ?? 0,
    competencies: byPosition.get(p.id)?.size ?? 0,
    score: p.score,
  }));
  return { origin: originOf(doc), positions };
}

/** One position's profile and completeness in a version (or the draft); null when there is no such version, draft or position. */
export function getProfile({ mdoId, version, positionId }: { mdoId: string; version: DemandSource; positionId: string }): { origin: ProfileOrigin; profile: PositionProfile & { score: number } } | null {
  const doc = documentOf(mdoId, version);
  if (!doc) return null;
  const indicators = indicatorsFor([...(positionNeeds(doc).get(positionId)?.keys() ?? [])]);
  const profile = buildPositionProfile(doc, positionId, (id) => indicators.get(id) ?? {});
  if (!profile) return null;
  const score = computeCompleteness(doc).positions.find((p) => p.id === positionId)?.score ?? 0;
  return { origin: originOf(doc), profile: { ...profile, score } };
}
