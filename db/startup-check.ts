/** What the server does with the database at start: opens it (or says plainly why it cannot), holds it, and checks it. */
import { getClient, type Client } from "./client";
import { checkDatabase, summarizeCheck } from "./check";
import { holdServerLease } from "./server-lease";

/**
 * Opens the database for the server, or exits with one clear line (a read-only file, a file that
 * is not a database) instead of a stack trace. Then marks the database as held by this server (so
 * `frac restore` refuses while it runs) and logs the cheap part of `frac db:check`: published
 * versions, the audit chain, the append-only triggers. A problem is logged, not fatal: the
 * operator decides, with `frac db:check`.
 */
export function openForServing(): Client {
  let client: Client;
  try {
    client = getClient();
  } catch (e) {
    console.error(`FRAC Studio cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
  holdServerLease(client.file);
  const started = performance.now();
  const report = checkDatabase(client.sqlite, { full: false });
  const line = `FRAC Studio: ${summarizeCheck(report)} in ${Math.round(performance.now() - started)} ms`;
  if (report.ok) console.log(line);
  else console.warn(line);
  return client;
}
