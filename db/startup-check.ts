/** What the server does with the database at start, besides migrating it: holds it, and checks it. */
import type { Client } from "./client";
import { checkDatabase, summarizeCheck } from "./check";
import { holdServerLease } from "./server-lease";

/**
 * Marks the database as held by this server (so `frac restore` refuses while it runs) and logs
 * the cheap part of `frac db:check`: published versions, the audit chain, the append-only
 * triggers. A problem is logged, not fatal: the operator decides, with `frac db:check`.
 */
export function logStartupCheck(client: Client): void {
  holdServerLease(client.file);
  const started = performance.now();
  const report = checkDatabase(client.sqlite, { full: false });
  const ms = Math.round(performance.now() - started);
  const line = `FRAC Studio: ${summarizeCheck(report)} in ${ms} ms`;
  if (report.ok) console.log(line);
  else console.warn(line);
}
