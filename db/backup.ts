/**
 * Online backups and restores of the SQLite file. A backup is SQLite's backup API run on the
 * live connection (consistent while the server writes); a restore swaps a checked copy of a
 * backup in place of the database and keeps the file it replaced beside it.
 */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { openClient } from "./client";
import { checkDatabase, type CheckReport } from "./check";
import { serverHolding, type Lease } from "./server-lease";

/** A refusal the CLI prints as it is: `usage` is exit 2 (cannot be done now), `invalid` exit 1. */
export class MaintenanceError extends Error {
  constructor(
    message: string,
    readonly kind: "usage" | "invalid",
  ) {
    super(message);
  }
}

export type BackupResult = { file: string; bytes: number; pages: number };

/**
 * Copies the open database to `dest` with SQLite's backup API, through a temporary file
 * created mode 0600 in the same directory, checked with quick_check, flushed and renamed
 * into place: `dest` is either the previous file or a complete backup, never half of one.
 */
export async function backupDatabase(sqlite: Database.Database, source: string, dest: string): Promise<BackupResult> {
  const file = path.resolve(dest);
  if ([source, `${source}-wal`, `${source}-shm`].map((f) => path.resolve(f)).includes(file)) {
    throw new MaintenanceError(`${dest} is the database itself; give another file name for the backup`, "usage");
  }
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new MaintenanceError(`${dir}: no such directory`, "usage");
  if (fs.existsSync(file) && !fs.statSync(file).isFile()) throw new MaintenanceError(`${dest} is not a file`, "usage");
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, "", { mode: 0o600, flag: "w" });
  fs.chmodSync(tmp, 0o600);
  try {
    // why every remaining page in one step: between steps, a write by another connection (the
    // server) restarts the copy; one step is one read transaction, which a busy writer cannot restart.
    const progress = await sqlite.backup(tmp, { progress: ({ totalPages }) => totalPages });
    quickCheck(sqlite, tmp);
    fsyncFile(tmp);
    fs.renameSync(tmp, file);
    fsyncFile(dir);
    return { file, bytes: fs.statSync(file).size, pages: progress.totalPages };
  } catch (e) {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
}

function quickCheck(sqlite: Database.Database, file: string): void {
  // why ATTACH: reading the copy through the same connection needs no second database client.
  sqlite.prepare("attach database ? as fresh_backup").run(file);
  try {
    const result = sqlite.prepare("pragma fresh_backup.quick_check").pluck().all() as string[];
    if (result.join() !== "ok") throw new Error(`the backup failed its check: ${result.slice(0, 3).join("; ")}`);
  } finally {
    sqlite.prepare("detach database fresh_backup").run();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type RestoreResult = { replaced: string | null; report: CheckReport };

/**
 * Replaces the database at `target` with the backup: refused while a server holds the database
 * (unless `force`) and when the backup fails the full db:check. The backup is copied beside the
 * target, migrated and checked there, then renamed into place; the replaced file (and a
 * write-ahead log left by a crash, which holds committed writes) is kept as `<target>.replaced-<time>`.
 */
export function restoreDatabase({ backup, target, force }: { backup: string; target: string; force: boolean }): RestoreResult {
  const source = path.resolve(backup);
  if (!fs.existsSync(source)) throw new MaintenanceError(`${backup}: no such file`, "usage");
  if (!fs.statSync(source).isFile()) throw new MaintenanceError(`${backup} is not a file`, "usage");
  if (source === path.resolve(target)) throw new MaintenanceError(`${backup} is the database itself`, "usage");
  const holder: Lease | null = serverHolding(target);
  if (holder && !force) {
    throw new MaintenanceError(
      `a FRAC Studio server (process ${holder.pid}, started ${holder.startedAt}) holds ${target}; stop it first, or give --force and restart it right after the restore`,
      "usage",
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.restoring-${process.pid}`;
  const cleanup = () => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  };
  fs.copyFileSync(source, tmp);
  fs.chmodSync(tmp, 0o600);
  let report: CheckReport;
  try {
    const client = openClient(tmp);
    try {
      report = checkDatabase(client.sqlite, { full: true });
    } finally {
      client.sqlite.close();
    }
  } catch (e) {
    cleanup();
    throw new MaintenanceError(`${backup} cannot be read as a FRAC Studio database: ${(e as Error).message}`, "invalid");
  }
  if (!report.ok) {
    cleanup();
    return { replaced: null, report };
  }
  fsyncFile(tmp);
  const replaced = fs.existsSync(target) ? `${target}.replaced-${new Date().toISOString().replace(/[:.]/gu, "-")}` : null;
  if (replaced) {
    fs.renameSync(target, replaced);
    // why keep the log with it: after a crash the -wal holds committed writes; SQLite finds it by the new name.
    if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${replaced}-wal`);
    fs.rmSync(`${target}-shm`, { force: true });
  }
  fs.renameSync(tmp, target);
  fsyncFile(path.dirname(target));
  return { replaced, report };
}
