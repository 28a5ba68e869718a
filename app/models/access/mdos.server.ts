/** Ministries, departments and organisations (MDOs) and what each user may see of them. */
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import crypto from "node:crypto";
import { frameworks, links, mdos, nodes } from "@db/schema";
import { refusalText, type RefusalKey, type RefusalParams } from "~/i18n/refusal-text";
import { refusalFields } from "../refusal.server";
import { audit } from "../audit/write.server";
import { preparedPerClient } from "@db/prepared";

export type MdoRow = { id: string; code: string; name: string; parentId: string | null };

const mdoByCode = preparedPerClient((db) =>
  db
    .select({ id: mdos.id, code: mdos.code, name: mdos.name, parentId: mdos.parentId })
    .from(mdos)
    .where(and(eq(mdos.active, true), sql`upper(${mdos.code}) = upper(${sql.placeholder("code")})`))
    .prepare(),
);

/** The active MDO with this code (codes match case-insensitively), or null. */
export function getMdoByCode({ code }: { code: string }): MdoRow | null {
  const row = mdoByCode().get({ code });
  return row && row.code ? { ...row, code: row.code } : null;
}

export type MdoSummary = MdoRow & {
  parentName: string | null;
  framework: { status: string; nodes: number; links: number; revision: number; updatedAt: string } | null;
};

/** Active MDOs with their framework's status and size; `onlyIds` limits it to those MDOs. */
export function listActiveMdos({ onlyIds }: { onlyIds?: string[] } = {}): MdoSummary[] {
  const db = getDb();
  const parent = sql`(select p.name from mdos p where p.id = ${mdos.parentId})`;
  const rows = db
    .select({
      id: mdos.id,
      code: mdos.code,
      name: mdos.name,
      parentId: mdos.parentId,
      parentName: sql<string | null>`${parent}`,
      frameworkId: frameworks.id,
      status: frameworks.status,
      revision: frameworks.revision,
      updatedAt: frameworks.updatedAt,
      nodeCount: sql<number>`(select count(*) from ${nodes} where ${nodes.frameworkId} = ${frameworks.id})`,
      linkCount: sql<number>`(select count(*) from ${links} where ${links.frameworkId} = ${frameworks.id})`,
    })
    .from(mdos)
    .leftJoin(frameworks, eq(frameworks.mdoId, mdos.id))
    .where(eq(mdos.active, true))
    .orderBy(asc(mdos.name))
    .all();
  return rows
    .filter((r) => r.code && (!onlyIds || onlyIds.includes(r.id)))
    .map((r) => ({
      id: r.id,
      code: r.code!,
      name: r.name,
      parentId: r.parentId,
      parentName: r.parentName,
      framework: r.frameworkId
        ? { status: r.status!, nodes: r.nodeCount, links: r.linkCount, revision: r.revision!, updatedAt: r.updatedAt! }
        : null,
    }));
}

/** Inactive organisations from iGOT's list whose name contains `q` (case-insensitive), for admins to activate. */
export function searchInactiveMdos({ q, limit = 25 }: { q: string; limit?: number }) {
  const needle = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return getDb()
    .select({ id: mdos.id, name: mdos.name })
    .from(mdos)
    .where(and(eq(mdos.active, false), sql`${mdos.name} like ${needle} escape '\\'`))
    .orderBy(asc(mdos.name))
    .limit(limit)
    .all();
}

export type ActivateResult = { ok: true; mdoCode: string } | { ok: false; field: "mdoId" | "code" | "parent"; message: string; code: RefusalKey; params?: RefusalParams };

/** Activates an organisation under a unique code (optionally under an active parent) and gives it an empty draft. */
export function activateMdo(input: { mdoId: string; code: string; parentCode: string | null; actorId: string }): ActivateResult {
  const db = getDb();
  return db.transaction((tx) => {
    const mdo = tx.select().from(mdos).where(eq(mdos.id, input.mdoId)).get();
    if (!mdo) return { ok: false, field: "mdoId", ...refusalFields(refusalText("mdo.missing")) };
    if (mdo.active) return { ok: false, field: "mdoId", ...refusalFields(refusalText("mdo.alreadyActive", { name: mdo.name, code: mdo.code ?? "" })) };
    const code = input.code.toUpperCase();
    const clash = tx.select({ name: mdos.name }).from(mdos).where(sql`upper(${mdos.code}) = ${code}`).get();
    if (clash) return { ok: false, field: "code", ...refusalFields(refusalText("mdo.codeTaken", { code, name: clash.name })) };
    let parentId: string | null = null;
    if (input.parentCode) {
      const parent = tx
        .select({ id: mdos.id })
        .from(mdos)
        .where(and(eq(mdos.active, true), sql`upper(${mdos.code}) = upper(${input.parentCode})`))
        .get();
      if (!parent) return { ok: false, field: "parent", ...refusalFields(refusalText("mdo.noParent", { code: input.parentCode })) };
      parentId = parent.id;
    }
    tx.update(mdos).set({ active: true, code, parentId }).where(eq(mdos.id, mdo.id)).run();
    tx.insert(frameworks).values({ id: crypto.randomUUID(), mdoId: mdo.id }).onConflictDoNothing().run();
    audit(tx, { userId: input.actorId, mdoId: mdo.id, entity: "mdo", entityId: mdo.id, action: "activate", before: { active: false }, after: { active: true, code, parentId } });
    return { ok: true, mdoCode: code };
  });
}
