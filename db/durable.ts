/**
 * Durability where it is announced: the database runs `synchronous = NORMAL` (in WAL mode a
 * crash of the process loses nothing, but a power cut can lose the last commits); the
 * transactions whose outcome is told outside the app — a publication, a notice that may be
 * e-mailed — commit with `synchronous = FULL`, so they are on disk before anyone hears of them.
 * docs/decisions/006-durable-publication.md has the measurements.
 */
import { getClient } from "./client";

/** Runs `work` (one or more transactions of the process-wide client) with every commit flushed to disk. */
export function durably<T>(work: () => T): T {
  const { sqlite } = getClient();
  // why around and not inside: the setting is read at commit; outside a transaction it is simply set.
  sqlite.pragma("synchronous = FULL");
  try {
    return work();
  } finally {
    sqlite.pragma("synchronous = NORMAL");
  }
}
