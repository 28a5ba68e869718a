/**
 * Statements prepared once per database client, for queries on every API request (building and
 * preparing a drizzle query costs more than running it). The client changes when tests or the dev
 * server reopen the database, so each client gets its own statements.
 */
import { getDb, type Db } from "./client";

/** A getter for what `build` prepares on the current client, built on first use. */
export function preparedPerClient<T>(build: (db: Db) => T): () => T {
  const byClient = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let prepared = byClient.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      byClient.set(db, prepared);
    }
    return prepared;
  };
}
