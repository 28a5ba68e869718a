/**
 * How `frac restore` knows a server is using the database: the server writes `<database>.server`
 * (its process id and start time) when it starts and removes it when it exits. A file left by a
 * server that was killed names a process that no longer runs, and counts as free.
 */
import fs from "node:fs";
import os from "node:os";

export type Lease = { pid: number; host: string; startedAt: string };

/** The lease file of a database file. */
export function leaseFile(databaseFile: string): string {
  return `${databaseFile}.server`;
}

/** Marks the database as held by this process until it exits. */
export function holdServerLease(databaseFile: string): void {
  const file = leaseFile(databaseFile);
  const lease: Lease = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(lease) + "\n", { mode: 0o644 });
  process.on("exit", () => {
    if (readLease(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  });
}

/** The server holding the database, or null when none is running (no lease, or its process is gone). */
export function serverHolding(databaseFile: string): Lease | null {
  const lease = readLease(leaseFile(databaseFile));
  if (!lease) return null;
  // why: a lease written on another host (a shared disk) cannot be probed; assume it is live.
  if (lease.host !== os.hostname()) return lease;
  return isRunning(lease.pid) ? lease : null;
}

function readLease(file: string): Lease | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Lease>;
    if (typeof value.pid !== "number" || typeof value.host !== "string" || typeof value.startedAt !== "string") return null;
    return value as Lease;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // why EPERM counts as running: the process exists, it only belongs to another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
