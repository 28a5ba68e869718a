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
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
export type Client = { db: Db; sqlite: Database.Database; file: string };

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
  createOwnerOnly(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db, sqlite, file };
}

/**
 * Creates the database file readable and writable by its owner only (0600), in a directory only
 * the owner can enter when it is new. SQLite gives the -wal and -shm files the database's mode.
 * An existing file keeps the mode it has.
 */
function createOwnerOnly(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, "wx", 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
}

declare global {
  var __fracClient: Client | undefined;
}

/** The process-wide client; the dev server re-requires the bundle, so it lives on globalThis. */
export function getClient(): Client {
  const file = databaseFile();
  if (!globalThis.__fracClient || globalThis.__fracClient.file !== file) {
    globalThis.__fracClient?.sqlite.close();
    globalThis.__fracClient = openClient(file);
  }
  return globalThis.__fracClient;
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
