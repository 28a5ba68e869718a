/** The logical content of a database file, table by table, for "exactly as before" after a crash. */
import crypto from "node:crypto";
import Database from "better-sqlite3";

export type TableState = { rows: number; sha256: string };

/** Every table's row count and a sha256 over its rows in rowid order (opening recovers a log a crash left). */
export function stateOf(file: string): Record<string, TableState> {
  const db = new Database(file);
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const hash = crypto.createHash("sha256");
        let rows = 0;
        for (const row of db.prepare(`select * from "${t}" order by rowid`).raw().iterate()) {
          hash.update(JSON.stringify(row)).update("\n");
          rows += 1;
        }
        return [t, { rows, sha256: hash.digest("hex") }];
      }),
    );
  } finally {
    db.close();
  }
}
