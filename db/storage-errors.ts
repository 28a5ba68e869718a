/**
 * Writes that fail for reasons of the machine, not of the input: a full disk, a database held
 * by another writer for too long. They roll back like any refusal, and the user is told what
 * happened in words, never with a 500.
 */
import Database from "better-sqlite3";

export type StorageFailure = { status: 503 | 507; message: string };

/** What to tell the user when `error` is a full disk or a busy database; null for any other error. */
export function storageFailure(error: unknown): StorageFailure | null {
  if (!(error instanceof Database.SqliteError)) return null;
  if (error.code === "SQLITE_FULL") {
    return { status: 507, message: "The server's disk is full, so nothing was saved and everything is as it was before. Ask the administrator to free disk space, then try again." };
  }
  if (error.code.startsWith("SQLITE_BUSY")) {
    return { status: 503, message: "The database is busy with another large change (an import, a backup), so nothing was saved. Try again in a moment." };
  }
  return null;
}
