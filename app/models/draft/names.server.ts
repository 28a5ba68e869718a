/** Current names of framework nodes and dictionary entries, for lists that show what an id was. */
import { inArray } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies, nodes } from "@db/schema";

/** The distinct ids given, and the names of those that are nodes or competencies (others are left for the caller). */
export function nodeAndCompetencyNames(ids: (string | null)[]): { wanted: string[]; names: Map<string, string> } {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  if (wanted.length === 0) return { wanted, names };
  const db = getDb();
  for (const n of db.select({ id: nodes.id, name: nodes.name }).from(nodes).where(inArray(nodes.id, wanted)).all()) names.set(n.id, n.name);
  for (const c of db.select({ id: competencies.id, name: competencies.name }).from(competencies).where(inArray(competencies.id, wanted)).all()) names.set(c.id, c.name);
  return { wanted, names };
}
