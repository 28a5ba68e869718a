/**
 * Open reading of what is published: with PUBLIC_READ=1 every ministry's published versions, and
 * otherwise those of the ministries an admin opened on /admin/mdos, are readable through the read
 * API and the CASE binding without a token. Drafts never are: those routes serve only versions.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "@db/client";
import { mdos } from "@db/schema";
import { publicReadForAll } from "~/config.server";
import { audit } from "../audit/write.server";

/** Which ministries' published versions may be read without a token: all, or these ids. */
export function openMinistries(): { all: boolean; ids: Set<string> } {
  if (publicReadForAll()) return { all: true, ids: new Set() };
  const rows = getDb()
    .select({ id: mdos.id })
    .from(mdos)
    .where(and(eq(mdos.active, true), eq(mdos.publicRead, true)))
    .all();
  return { all: false, ids: new Set(rows.map((r) => r.id)) };
}

/** Opens or closes a ministry's published versions to reading without a token (admins; audited). */
export function setPublicRead({ mdoId, open, actorId }: { mdoId: string; open: boolean; actorId: string }): boolean {
  return getDb().transaction((tx) => {
    const mdo = tx.select({ publicRead: mdos.publicRead }).from(mdos).where(and(eq(mdos.id, mdoId), eq(mdos.active, true))).get();
    if (!mdo) return false;
    if (mdo.publicRead === open) return true;
    tx.update(mdos).set({ publicRead: open }).where(eq(mdos.id, mdoId)).run();
    audit(tx, { userId: actorId, mdoId, entity: "mdo", entityId: mdoId, action: open ? "open_reading" : "close_reading", before: { publicRead: mdo.publicRead }, after: { publicRead: open } });
    return true;
  });
}
