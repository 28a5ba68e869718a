/**
 * Proof that a refused write wrote nothing: every table's rows in a stable order (in-process
 * tests), or the SQLite file's sha256 on a copy of its own (tests that run the real CLI).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { getClient } from "@db/client";

// why: a refused request is recorded on purpose (an "access refused" audit row); everything else must stay as it was.
const rowsOf = (t: string) => (t === "audit_log" ? `select * from "${t}" where entity <> 'access'` : `select * from "${t}"`);

/** Every row of every table but sessions and the refused-access records, each table's rows as sorted JSON strings: equal before and after means nothing changed. */
export function databaseRows(): Record<string, string[]> {
  const { sqlite } = getClient();
  // why not sessions: a signed-in test request (requestAs) writes its own session row, which is not what a refused write may change.
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'sessions' order by name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(rowsOf(t)).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

/**
 * A copy of the seeded base database for CLI runs, so no other connection holds it open.
 * `sha256()` hashes the main file; every CLI run closes its client, which checkpoints the
 * write-ahead log into the file and deletes it, so `leftovers()` must be empty between runs.
 */
export function cliDatabase() {
  const base = process.env.FRAC_TEST_BASE_DB;
  if (!base) throw new Error("FRAC_TEST_BASE_DB is not set: run this in the integration project");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frac-cli-db-"));
  const file = path.join(dir, "db", "frac.db");
  fs.mkdirSync(path.dirname(file));
  fs.copyFileSync(base, file);
  return {
    file,
    env: { DATABASE_URL: `file:${file}` },
    sha256: () => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
    leftovers: () => fs.readdirSync(path.dirname(file)).filter((f) => f !== "frac.db"),
    /** A scratch directory beside the database, for the files a test imports. */
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A maker of private database copies (as cliDatabase), each removed after the test file's last test. */
export function cliDatabaseCopies(): () => ReturnType<typeof cliDatabase> {
  const copies: ReturnType<typeof cliDatabase>[] = [];
  afterAll(() => copies.forEach((c) => c.remove()));
  return () => {
    const db = cliDatabase();
    copies.push(db);
    return db;
  };
}

/** Runs a form post expected to be refused: its status, its message, and nothing written. */
export async function expectRefused(run: () => Promise<Response>, status: number, message: RegExp): Promise<void> {
  const before = databaseRows();
  const res = await run();
  expect(res.status).toBe(status);
  expect(((await res.json()) as { message: string }).message).toMatch(message);
  expect(databaseRows()).toEqual(before);
}
