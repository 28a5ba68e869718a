/** The logical content of a database file, table by table, for "exactly as before" after a crash. */
import crypto from "node:crypto";
import Database from "better-sqlite3";

export type TableState = { rows: number; sha256: string };

/** Every table's row count and a sha256 over its rows in rowid order (opening recovers a log a crash left). */
export function stateOf(file: string): Record<string, TableState> {
  const db = new Database(file);
  try {
    const tables = db.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string; sql: string }[];
    return Object.fromEntries(
      tables.map(({ name: t, sql }) => {
        const hash = crypto.createHash("sha256");
        // why sorted text for some: a WITHOUT ROWID table (FTS5's shadow tables) has no rowid to order by.
        const lines = /without\s+rowid/iu.test(sql)
          ? (db.prepare(`select * from "${t}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort()
          : (db.prepare(`select * from "${t}" order by rowid`).raw().all() as unknown[][]).map((row) => JSON.stringify(row));
        for (const line of lines) hash.update(line).update("\n");
        return [t, { rows: lines.length, sha256: hash.digest("hex") }];
      }),
    );
  } finally {
    db.close();
  }
}
