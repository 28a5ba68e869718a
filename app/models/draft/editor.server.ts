/** What the graph editor loads: the draft as a document, canvas positions, and the usable dictionary. */
import { eq } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencyPositions, nodes } from "@db/schema";
import { listDictionary } from "../dictionary/dictionary.server";
import { getFramework, loadDraftDocument } from "./document.server";

/** The draft with positions keyed by node id (framework nodes and competencies alike). */
export function loadEditorData({ mdoId }: { mdoId: string }) {
  const doc = loadDraftDocument({ mdoId });
  const fw = getFramework({ mdoId });
  if (!doc || !fw) return null;
  const db = getDb();
  const positions: Record<string, [number, number]> = {};
  for (const p of db.select({ id: nodes.id, x: nodes.x, y: nodes.y }).from(nodes).where(eq(nodes.frameworkId, fw.id)).all()) {
    if (p.x !== null && p.y !== null) positions[p.id] = [p.x, p.y];
  }
  for (const p of db.select().from(competencyPositions).where(eq(competencyPositions.frameworkId, fw.id)).all()) {
    positions[p.competencyId] = [p.x, p.y];
  }
  return { doc, positions, revision: fw.revision, status: fw.status };
}

/** Every dictionary entry this ministry may require: the shared KCM and its own Domain competencies. */
export function listUsableCompetencies({ mdoId }: { mdoId: string }) {
  const tree = listDictionary({ mdoIds: [mdoId], allMdos: false });
  const all = [...tree.Behavioural, ...tree.Functional, ...tree.Domain];
  return all.flatMap((theme) => [
    { ...pick(theme), theme: null },
    ...theme.subThemes.map((s) => ({ ...pick(s), theme: theme.name })),
  ]);
}

function pick(e: ReturnType<typeof listDictionary>["Behavioural"][number] | ReturnType<typeof listDictionary>["Behavioural"][number]["subThemes"][number]) {
  return {
    id: e.id,
    name: e.name,
    nameHi: e.nameHi,
    description: e.description,
    descriptionHi: e.descriptionHi,
    type: e.type,
    code: e.code,
    parentId: e.parentId,
    mdoCode: e.mdoCode,
    scale: e.scale,
  };
}
