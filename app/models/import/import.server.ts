/**
 * Spreadsheet import against the database: load the snapshot the pure planner reads, and apply
 * a plan in ONE transaction with a summary audit entry (file name, sha256, counts) and one audit
 * row per node, competency and link it created, changed or removed (removals with their values
 * before). Nothing is written unless the whole plan is valid.
 */
import crypto from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { getClient } from "@db/client";
import { competencies, frameworks, links, nodes, scales } from "@db/schema";
import { analyseImport, type DictionaryCompetency, type ExistingSnapshot, type FieldChange, type ImportMode, type ImportPlan, type UserMapping } from "@import/index";
import type { ProficiencyScale } from "@schemas/scale";
import { sha256Hex } from "@db/hash";
import { audit, auditMany, type AuditEntry } from "../audit/write.server";
import { refuseTakenIds } from "./foreign-ids.server";

export { sha256Hex };
import { refusalResult, refuse, refusedOf, type Refused } from "../refusal.server";
import { holderText } from "../review/guard.server";
import { isUnderReview } from "@schemas/enums";
import { refusalText } from "~/i18n/refusal-text";
import { listUsableCompetencies } from "../draft/editor.server";

/** The draft's nodes and links, and the dictionary this ministry may use, as the planner reads them. */
export function loadImportContext({ mdoId }: { mdoId: string }): { existing: ExistingSnapshot; dictionary: DictionaryCompetency[]; revision: number; status: string } | null {
  const { db } = getClient();
  const fw = db.select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get();
  if (!fw) return null;
  const nodeRows = db
    .select({ id: nodes.id, kind: nodes.kind, name: nodes.name, description: nodes.description, nameHi: nodes.nameHi, descriptionHi: nodes.descriptionHi, sanctionedPosts: nodes.sanctionedPosts })
    .from(nodes)
    .where(eq(nodes.frameworkId, fw.id))
    .all();
  const linkRows = db.select().from(links).where(eq(links.frameworkId, fw.id)).all();
  const existing: ExistingSnapshot = {
    nodes: nodeRows,
    links: linkRows.map((l) => ({ id: l.id, kind: l.kind, from: l.fromId, to: (l.toNodeId ?? l.toCompetencyId)!, level: l.level, importance: l.importance })),
  };
  const dictionary = listUsableCompetencies({ mdoId }).map((c) => ({ ...c, theme: c.theme ?? null }));
  return { existing, dictionary, revision: fw.revision, status: fw.status };
}

export type AnalyseInput = { mdoId: string; mdoCode: string; fileName: string; bytes: Uint8Array; sheet?: string; mapping?: UserMapping; headerRow?: number; mode: ImportMode; typesFromDictionary?: boolean };

/** Reads and plans a file for this ministry's draft (pure stages over the loaded snapshot). */
export async function analyseForMdo(input: AnalyseInput) {
  const ctx = loadImportContext({ mdoId: input.mdoId });
  if (!ctx) return null;
  const read = await analyseImport({ ...input, existing: ctx.existing, dictionary: ctx.dictionary, mdoCode: input.mdoCode });
  const plan = read.plan && refuseTakenIds(read.plan);
  const analysis = plan ? { ...read, plan, findings: plan.findings } : read;
  return { analysis, revision: ctx.revision, status: ctx.status };
}

export type ApplyImportResult =
  | { ok: true; revision: number; unchanged: boolean; counts: { created: ImportPlan["created"]; updated: ImportPlan["updated"]; removed: ImportPlan["removed"] } }
  | Refused;

/** Applies a valid plan in one transaction; refuses a plan with errors, a frozen draft, or a draft changed since `baseRevision`. */
export function applyImportPlan(input: { mdoId: string; userId: string | null; plan: ImportPlan; fileName: string; sha256: string; baseRevision?: number }): ApplyImportResult {
  const { plan } = input;
  if (!plan.ok) return refusalResult(400, refusalText("import.fileHasErrors"));
  const { db, sqlite } = getClient();
  // why: bulk writes touch several B-trees per row; a bigger page cache is worth ~2× (docs/benchmarks.md).
  sqlite.pragma("cache_size = -65536");
  try {
    return db.transaction((tx) => {
      const fw = tx.select().from(frameworks).where(eq(frameworks.mdoId, input.mdoId)).get();
      if (!fw) refuse(409, refusalText("import.noFramework"));
      if (isUnderReview(fw.status)) refuse(409, refusalText("import.frozen", { frozen: refusalText("frozen"), holder: holderText(tx, fw) }));
      if (input.baseRevision !== undefined && input.baseRevision !== fw.revision) {
        refuse(409, refusalText("import.stalePreview"));
      }
      const changes = (c: ImportPlan["created"]) => Object.values(c).reduce((a, b) => a + b, 0);
      if (changes(plan.created) + changes(plan.updated) + changes(plan.removed) === 0) {
        // why: re-importing the same file must change nothing, not even the revision or the audit log.
        return { ok: true as const, revision: fw.revision, counts: { created: plan.created, updated: plan.updated, removed: plan.removed }, unchanged: true };
      }
      const now = new Date().toISOString();
      const trail: AuditEntry[] = [];
      const ownIds = new Set(tx.select({ id: nodes.id }).from(nodes).where(eq(nodes.frameworkId, fw.id)).all().map((n) => n.id));
      const planned = [...plan.nodes.position.create, ...plan.nodes.role.create, ...plan.nodes.activity.create];
      const clashes = [
        ...chunked(planned.map((n) => n.id), (ids) => tx.select({ id: nodes.id }).from(nodes).where(inArray(nodes.id, ids)).all()),
        ...chunked(plan.competencies.create.map((c) => c.id), (ids) => tx.select({ id: competencies.id }).from(competencies).where(inArray(competencies.id, ids)).all()),
      ];
      if (clashes.length) refuse(400, refusalText("import.foreignId", { id: clashes[0].id }));

      // Dictionary: new Domain competencies of this ministry (themes first, so sub-themes can point at them).
      const scaleId = scaleIdFor(tx);
      const mdoCompetencies = [...plan.competencies.create].sort((a, b) => Number(!!a.parentId) - Number(!!b.parentId));
      for (const c of mdoCompetencies) {
        tx.insert(competencies)
          .values({ id: c.id, code: c.code ?? null, type: "Domain", name: c.name, nameHi: c.nameHi ?? null, description: c.description ?? "", descriptionHi: c.descriptionHi ?? null, parentId: c.parentId ?? null, mdoId: input.mdoId, scaleId: scaleId(c.scale), source: c.source ?? `Imported from ${input.fileName}` })
          .run();
        trail.push({ entity: "competency", entityId: c.id, action: "create", before: null, after: present({ type: "Domain", name: c.name, nameHi: c.nameHi, description: c.description, descriptionHi: c.descriptionHi, code: c.code, parentId: c.parentId }) });
      }
      for (const u of plan.competencies.update) {
        const row = tx.select({ mdoId: competencies.mdoId }).from(competencies).where(eq(competencies.id, u.id)).get();
        if (row?.mdoId !== input.mdoId) refuse(400, refusalText("import.sharedEntry", { name: u.name }));
        const set: Record<string, unknown> = { updatedAt: now };
        for (const ch of u.changes) {
          if (ch.field === "scale" && u.scale) set.scaleId = scaleId(u.scale);
          else if (ch.field !== "scale") set[ch.field] = ch.after;
        }
        tx.update(competencies).set(set).where(eq(competencies.id, u.id)).run();
        for (const ch of u.changes) trail.push({ entity: "competency", entityId: u.id, action: "update", field: ch.field, before: ch.before, after: ch.after });
      }

      // Framework nodes and links, with prepared statements on the bulk path.
      const insertNode = sqlite.prepare("insert into nodes (id, framework_id, kind, name, name_hi, description, description_hi, source, sanctioned_posts, sort_order, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      const maxOrder = sqlite.prepare("select coalesce(max(sort_order), -1) + 1 as n from nodes where framework_id = ? and kind = ?");
      const nextOrder = new Map<string, number>();
      for (const n of planned) {
        const order = nextOrder.get(n.kind) ?? (maxOrder.get(fw.id, n.kind) as { n: number }).n;
        nextOrder.set(n.kind, order + 1);
        insertNode.run(n.id, fw.id, n.kind, n.name, n.nameHi ?? null, n.description ?? "", n.descriptionHi ?? null, `Imported from ${input.fileName}`, n.sanctionedPosts ?? null, order, input.userId, now, now);
        trail.push({ entity: "node", entityId: n.id, action: "create", before: null, after: present({ kind: n.kind, name: n.name, nameHi: n.nameHi, description: n.description, descriptionHi: n.descriptionHi, sanctionedPosts: n.sanctionedPosts }) });
      }
      for (const kind of ["position", "role", "activity"] as const) {
        for (const u of plan.nodes[kind].update) {
          if (!ownIds.has(u.id)) refuse(400, refusalText("node.missing", { id: u.id }));
          const set: Record<string, unknown> = { updatedAt: now };
          // why Number: sanctioned posts travel through the plan as text, like every cell; the column is an integer.
          const value = (ch: FieldChange, text: string | null) => (ch.field === "sanctionedPosts" && text !== null ? Number(text) : text);
          for (const ch of u.changes) if (ch.field !== "scale") set[ch.field] = value(ch, ch.after);
          tx.update(nodes).set(set).where(eq(nodes.id, u.id)).run();
          for (const ch of u.changes) if (ch.field !== "scale") trail.push({ entity: "node", entityId: u.id, action: "update", field: ch.field, before: value(ch, ch.before), after: value(ch, ch.after) });
        }
      }
      const insertLink = sqlite.prepare("insert into links (id, framework_id, kind, from_id, to_node_id, to_competency_id, level, importance, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      const linkOrder = new Map<string, number>();
      for (const l of plan.links.create) {
        const toCompetency = l.kind === "activity_competency" || l.kind === "role_competency";
        const next = linkOrder.get(l.from) ?? nextLinkOrder(sqlite, l.from);
        linkOrder.set(l.from, next + 1);
        insertLink.run(l.id, fw.id, l.kind, l.from, toCompetency ? null : l.to, toCompetency ? l.to : null, l.level ?? null, l.importance ?? null, next);
        trail.push({ entity: "link", entityId: l.id, action: "create", before: null, after: present({ kind: l.kind, from: l.from, to: l.to, level: l.level, importance: l.importance, order: next }) });
      }
      const setLevel = sqlite.prepare("update links set level = ?, importance = coalesce(?, importance) where id = ? and framework_id = ?");
      for (const l of plan.links.update) {
        setLevel.run(l.level ?? null, l.importance ?? null, l.id, fw.id);
        const level = l.level ?? null;
        if (level !== l.levelBefore) trail.push({ entity: "link", entityId: l.id, action: "update", field: "level", before: l.levelBefore, after: level });
        if (l.importance !== undefined && l.importance !== l.importanceBefore) trail.push({ entity: "link", entityId: l.id, action: "update", field: "importance", before: l.importanceBefore, after: l.importance });
      }
      if (plan.mode === "replace") {
        // why RETURNING: each removal's audit row keeps the values the row had, read by the delete itself.
        const delLink = sqlite.prepare("delete from links where id = ? and framework_id = ? returning *");
        const delNodeLinks = sqlite.prepare("delete from links where framework_id = ? and (from_id = ? or to_node_id = ?) returning *");
        const delNode = sqlite.prepare("delete from nodes where id = ? and framework_id = ? returning *");
        const removedLink = (row: unknown) => trail.push({ entity: "link", entityId: (row as RawLink).id, action: "delete", before: linkBefore(row as RawLink), after: null });
        for (const l of plan.links.remove) for (const row of delLink.all(l.id, fw.id)) removedLink(row);
        for (const kind of ["activity", "role", "position"] as const) {
          for (const n of plan.nodes[kind].remove) {
            for (const row of delNodeLinks.all(fw.id, n.id, n.id)) removedLink(row);
            for (const row of delNode.all(n.id, fw.id)) trail.push({ entity: "node", entityId: n.id, action: "delete", before: nodeBefore(row as RawNode), after: null });
          }
        }
      }
      const revision = fw.revision + 1;
      tx.update(frameworks).set({ revision, updatedAt: now, updatedBy: input.userId }).where(eq(frameworks.id, fw.id)).run();
      const counts = { created: plan.created, updated: plan.updated, removed: plan.removed };
      auditMany(sqlite, { userId: input.userId, mdoId: input.mdoId, entries: trail });
      audit(tx, { userId: input.userId, mdoId: input.mdoId, entity: "import", entityId: fw.id, action: "import", after: { fileName: input.fileName, sha256: input.sha256, mode: plan.mode, ...counts } });
      return { ok: true as const, revision, counts, unchanged: false };
      // why immediate: a deferred transaction that read the draft before an editor save committed could
      // not write after it (SQLITE_BUSY_SNAPSHOT, which no timeout waits out); immediate waits its turn.
    }, { behavior: "immediate" });
  } catch (e) {
    return refusedOf(e);
  }
}

/** The fields that have a value (audit rows leave out empty ones, as the editor's do). */
function present(fields: Record<string, string | number | null | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined && value !== "") out[key] = value;
  return out;
}

type RawNode = { kind: string; name: string; name_hi: string | null; description: string; description_hi: string | null; source: string | null; url: string | null; resource_type: string | null; sanctioned_posts: number | null; sort_order: number };
type RawLink = { id: string; kind: string; from_id: string; to_node_id: string | null; to_competency_id: string | null; level: number | null; importance: string | null; sort_order: number };

const nodeBefore = (r: RawNode) =>
  present({ kind: r.kind, name: r.name, nameHi: r.name_hi, description: r.description, descriptionHi: r.description_hi, source: r.source, url: r.url, resourceType: r.resource_type, sanctionedPosts: r.sanctioned_posts, order: r.sort_order });
const linkBefore = (r: RawLink) => present({ kind: r.kind, from: r.from_id, to: r.to_node_id ?? r.to_competency_id, level: r.level, importance: r.importance, order: r.sort_order });

function chunked<T>(ids: string[], run: (ids: string[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...run(ids.slice(i, i + 500)));
  return out;
}

function nextLinkOrder(sqlite: ReturnType<typeof getClient>["sqlite"], from: string): number {
  const row = sqlite.prepare("select coalesce(max(sort_order), -1) + 1 as n from links where from_id = ?").get(from) as { n: number };
  return row.n;
}

/** Finds the scale row with exactly these levels (the defaults among them), or makes one. */
function scaleIdFor(tx: Parameters<Parameters<ReturnType<typeof getClient>["db"]["transaction"]>[0]>[0]) {
  const known = new Map(tx.select().from(scales).all().map((s) => [JSON.stringify(s.levels), s.id]));
  return (scale: ProficiencyScale): string => {
    const key = JSON.stringify(scale.levels);
    const found = known.get(key);
    if (found) return found;
    const id = crypto.randomUUID();
    tx.insert(scales).values({ id, name: `Imported (${scale.levels.length} levels)`, levels: scale.levels }).run();
    known.set(key, id);
    return id;
  };
}
