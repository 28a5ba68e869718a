/**
 * Demand and completeness of a draft, kept until the draft or the dictionary changes. Reading a
 * 20,000-node draft costs over 100 ms even read narrowly (insight-document.server.ts), and a ministry's pages, the CBC
 * and the CLI ask for the same draft many times between two saves. The key is the draft's revision
 * (every save, import and reuse raises it) and the dictionary's revision (triggers raise it on
 * every change to an entry, which a draft shows by name and type without changing its revision).
 */
import { getClient } from "@db/client";
import { preparedPerClient } from "@db/prepared";
import type { FracDocument } from "@schemas/frac-document";
import { loadInsightDocument } from "./insight-document.server";

// Two results (demand, completeness) for every active ministry's draft, with room to spare.
const CACHE_MAX = 2000;
const cache = new Map<string, unknown>();

const statements = preparedPerClient(() => {
  const { sqlite } = getClient();
  return {
    stamp: sqlite.prepare(
      "select f.id, f.revision, (select revision from dictionary_revision where id = 1) from frameworks f where f.mdo_id = ?",
    ).raw(),
    dictionary: sqlite.prepare("select revision from dictionary_revision where id = 1").raw(),
  };
});

/** The dictionary's revision: raised by every change to an entry. */
export function dictionaryRevision(): number {
  return (statements().dictionary.get() as [number] | undefined)?.[0] ?? 0;
}

/** What `compute` gives for the ministry's draft, from the cache while neither the draft nor the dictionary has changed; null without a draft. */
export function cachedForDraft<T>(what: "demand" | "completeness", mdoId: string, compute: (doc: FracDocument) => T): T | null {
  const stamp = statements().stamp.get(mdoId) as [string, number, number | null] | undefined;
  if (!stamp) return null;
  // why the file in the key: test databases are copies of one seeded file, so the same framework id can mean different drafts.
  const key = `${getClient().file}\n${what}\n${stamp.join("\n")}`;
  if (cache.has(key)) {
    const hit = cache.get(key) as T;
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const doc = loadInsightDocument({ mdoId });
  if (!doc) return null;
  const result = compute(doc);
  cache.set(key, result);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return result;
}
