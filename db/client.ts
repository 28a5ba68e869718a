/**
 * The one database client of a process. Opening it applies the committed migrations,
 * so every entry point (server, CLI, tests) sees the current schema.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { backfillAuditChain } from "./audit-chain";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
export type Client = { db: Db; sqlite: Database.Database; file: string };
/** The handle a `db.transaction(...)` callback receives: models that write together take it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// why: this file runs both from db/ (CLI, tests) and bundled into build/ (server); both sit one level below the root.
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
export const MIGRATIONS_DIR = path.join(projectRoot, "db", "migrations");

/** The SQLite file named by DATABASE_URL (`file:PATH`), else data/frac.db under the project. */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) return path.join(projectRoot, "data", "frac.db");
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must look like file:PATH (got "${url}")`);
  }
  const file = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (!file) throw new Error("DATABASE_URL names no file (expected file:PATH)");
  return path.resolve(file);
}

/** Opens a SQLite file with the project's pragmas and applies pending migrations. */
export function openClient(file: string): Client {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  refuseReadOnly(file);
  createOwnerOnly(file);
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } catch (e) {
    sqlite.close();
    const code = (e as { code?: string }).code ?? "";
    if (/^SQLITE_(READONLY|CANTOPEN|PERM)/u.test(code)) throw new Error(readOnlyMessage(file));
    throw e;
  }
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  backfillAuditChain(sqlite);
  return { db, sqlite, file };
}

function readOnlyMessage(file: string): string {
  return `the database ${file} cannot be written (the file or its directory is read-only). FRAC Studio writes to it, and SQLite keeps its write-ahead log (${path.basename(file)}-wal) in the same directory: give the user running it write access to both.`;
}

// why before opening: SQLite silently opens an unwritable file read-only, and the first write fails far from the cause.
function refuseReadOnly(file: string): void {
  for (const target of fs.existsSync(file) ? [file, path.dirname(file)] : [path.dirname(file)]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      throw new Error(readOnlyMessage(file));
    }
  }
}

/**
 * Creates the database file readable and writable by its owner only (0600); its directory, when
 * new, is made for the owner only too. SQLite gives the -wal and -shm files the database's mode.
 * An existing file keeps the mode it has.
 */
function createOwnerOnly(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, "wx", 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
}

declare global {
  var __fracClient: Client | undefined;
  var __fracLentClient: Client | undefined;
}

/** The process-wide client; the dev server re-requires the bundle, so it lives on globalThis. */
export function getClient(): Client {
  if (globalThis.__fracLentClient) return globalThis.__fracLentClient;
  const file = databaseFile();
  if (!globalThis.__fracClient || globalThis.__fracClient.file !== file) {
    globalThis.__fracClient?.sqlite.close();
    globalThis.__fracClient = openClient(file);
  }
  return globalThis.__fracClient;
}

/**
 * Runs synchronous `work` with `client` standing in for the process-wide client, so models write
 * to a file other than DATABASE_URL's (the test setup seeds its base file this way). The caller
 * keeps owning `client`: it is not closed here.
 */
export function withClient<T>(client: Client, work: () => T): T {
  const before = globalThis.__fracLentClient;
  globalThis.__fracLentClient = client;
  try {
    return work();
  } finally {
    globalThis.__fracLentClient = before;
  }
}

/** The drizzle handle of the process-wide client. */
export function getDb(): Db {
  return getClient().db;
}

/** Closes the process-wide client (CLI commands call it before exiting). */
export function closeClient(): void {
  globalThis.__fracClient?.sqlite.close();
  globalThis.__fracClient = undefined;
}
