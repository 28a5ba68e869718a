/** Ministries, departments and organisations (MDOs) and what each user may see of them. */
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { frameworks, links, mdos, nodes } from "@db/schema";

export type MdoRow = { id: string; code: string; name: string; parentId: string | null };

/** The active MDO with this code (codes match case-insensitively), or null. */
export function getMdoByCode({ code }: { code: string }): MdoRow | null {
  const row = getDb()
    .select({ id: mdos.id, code: mdos.code, name: mdos.name, parentId: mdos.parentId })
    .from(mdos)
    .where(and(eq(mdos.active, true), sql`upper(${mdos.code}) = upper(${code})`))
    .get();
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
