/** A generated flat-layout CSV of many rows (the import benchmark's generator) for the crash and full-disk tests. */
import fs from "node:fs";
import Database from "better-sqlite3";
import Papa from "papaparse";
import { generateRows } from "../bench/import";

const HEADERS = ["Position", "Position description", "Role", "Role description", "Activity", "Activity description", "Competency", "Competency type", "Required level"];

/** Writes `rows` rows requiring the shared dictionary's themes of the database at `dbFile`. */
export function writeBigCsv(dbFile: string, csvFile: string, rows: number): void {
  const db = new Database(dbFile, { readonly: true });
  const themes = db.prepare("select name, type from competencies where parent_id is null and mdo_id is null order by sort_order").all() as { name: string; type: string }[];
  db.close();
  fs.writeFileSync(csvFile, Papa.unparse([HEADERS, ...generateRows(rows, themes)]));
}

if (process.argv[1]?.endsWith("big-import.ts")) writeBigCsv(process.argv[2], process.argv[3], Number(process.argv[4] ?? 100_000));
