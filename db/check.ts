/**
 * What `frac db:check` proves about a database file: SQLite's own integrity and foreign-key
 * checks, every published version's stored bytes against its stored sha256 (and the sha256 the
 * audit log recorded when it was published), the audit log's hash chain, and that the
 * append-only triggers are still there.
 */
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { auditHash, CHAIN_START, iterateAuditRows, readBackfill, type Backfill } from "./audit-chain";

export type CheckName = "integrity_check" | "foreign_key_check" | "version_sha256" | "audit_chain" | "triggers";

/** One thing found wrong: which check, which table and row, and what. */
export type Problem = { check: CheckName; table: string; id: string | null; message: string };

export type CheckReport = {
  ok: boolean;
  problems: Problem[];
  /** What was looked at, for the human-readable summary. */
  counted: { versions: number; auditRows: number; backfill: Backfill | null; full: boolean };
};

/** The triggers that keep published versions, the review trail and the audit log append-only. */
export const APPEND_ONLY_TRIGGERS = [
  "audit_log_no_update",
  "audit_log_no_delete",
  "versions_no_update",
  "versions_no_delete",
  "review_events_no_update",
  "review_events_no_delete",
] as const;

const MAX_SQLITE_MESSAGES = 100;

/**
 * Runs the checks on an open database. `full: false` is the cheap part the server runs at
 * start (tamper evidence: versions, audit chain, triggers); `full: true` adds SQLite's
 * integrity_check and foreign_key_check, which read every page.
 */
export function checkDatabase(sqlite: Database.Database, { full }: { full: boolean }): CheckReport {
  const problems: Problem[] = [];
  if (full) {
    problems.push(...integrity(sqlite), ...foreignKeys(sqlite));
  }
  problems.push(...triggers(sqlite));
  const versions = checkVersions(sqlite, problems);
  const auditRows = checkAuditChain(sqlite, problems);
  return { ok: problems.length === 0, problems, counted: { versions, auditRows, backfill: readBackfill(sqlite), full } };
}

function integrity(sqlite: Database.Database): Problem[] {
  const lines = sqlite.prepare(`pragma integrity_check(${MAX_SQLITE_MESSAGES})`).pluck().all() as string[];
  if (lines.length === 1 && lines[0] === "ok") return [];
  return lines.map((message) => ({ check: "integrity_check", table: tableNamedIn(message), id: null, message }));
}

function tableNamedIn(message: string): string {
  return /(?:table|index) (\S+)/u.exec(message)?.[1] ?? "";
}

function foreignKeys(sqlite: Database.Database): Problem[] {
  const rows = sqlite.prepare("pragma foreign_key_check").all() as { table: string; rowid: number | null; parent: string; fkid: number }[];
  return rows.slice(0, MAX_SQLITE_MESSAGES).map((r) => ({
    check: "foreign_key_check",
    table: r.table,
    id: r.rowid === null ? null : primaryKeyOf(sqlite, r.table, r.rowid),
    message: `points at a row of ${r.parent} that does not exist`,
  }));
}

/** The row's primary key where the table has a text id (what the app shows), else its rowid. */
function primaryKeyOf(sqlite: Database.Database, table: string, rowid: number): string {
  const columns = sqlite.prepare(`select name from pragma_table_info(?) where pk = 1`).pluck().all(table) as string[];
  if (columns.length !== 1) return String(rowid);
  const key = sqlite.prepare(`select "${columns[0].replaceAll('"', '""')}" from "${table.replaceAll('"', '""')}" where rowid = ?`).pluck().get(rowid);
  return key === undefined || key === null ? String(rowid) : String(key);
}

function triggers(sqlite: Database.Database): Problem[] {
  const present = new Set(sqlite.prepare("select name from sqlite_master where type = 'trigger'").pluck().all() as string[]);
  return APPEND_ONLY_TRIGGERS.filter((name) => !present.has(name)).map((name) => ({
    check: "triggers",
    table: name.replace(/_no_(update|delete)$/u, ""),
    id: null,
    message: `the trigger ${name} is missing, so rows of this table can be ${name.endsWith("update") ? "changed" : "deleted"}`,
  }));
}

type VersionRow = { id: string; mdo: string; number: number; document: string; sha256: string };

/** Each version's bytes against its sha256, and that sha256 against the one its publication's audit row recorded. */
function checkVersions(sqlite: Database.Database, problems: Problem[]): number {
  const published = new Map<string, string | null>();
  const publications = sqlite.prepare("select entity_id as id, after from audit_log where entity = 'version' and action = 'publish'").all() as { id: string; after: string | null }[];
  for (const row of publications) published.set(row.id, recordedSha(row.after));
  let count = 0;
  const rows = sqlite.prepare("select v.id, coalesce(m.code, v.mdo_id) as mdo, v.number, v.document, v.sha256 from versions v left join mdos m on m.id = v.mdo_id order by v.mdo_id, v.number");
  for (const v of rows.iterate() as IterableIterator<VersionRow>) {
    count += 1;
    const name = `version ${v.number} of ${v.mdo}`;
    const actual = crypto.createHash("sha256").update(v.document, "utf8").digest("hex");
    if (actual !== v.sha256) {
      problems.push({ check: "version_sha256", table: "versions", id: v.id, message: `${name}: the stored document does not match its stored sha256 (it was changed after publication)` });
    }
    if (!published.has(v.id)) {
      problems.push({ check: "version_sha256", table: "versions", id: v.id, message: `${name}: no audit row records its publication` });
    } else if (published.get(v.id) !== v.sha256) {
      problems.push({ check: "version_sha256", table: "versions", id: v.id, message: `${name}: its sha256 differs from the one the audit log recorded when it was published` });
    }
  }
  return count;
}

function recordedSha(after: string | null): string | null {
  try {
    const value = after === null ? null : (JSON.parse(after) as { sha256?: unknown });
    return typeof value?.sha256 === "string" ? value.sha256 : null;
  } catch {
    return null;
  }
}

/**
 * Walks the log in id order. Each row must carry the previous row's stored hash, its own hash
 * must match its content, and ids must run without gaps (AUTOINCREMENT never reuses or skips an
 * id of a committed row, so a gap is a removed row). Each break is reported once, at its row.
 */
function checkAuditChain(sqlite: Database.Database, problems: Problem[]): number {
  let prev: { id: number; hash: string } | null = null;
  let count = 0;
  for (const row of iterateAuditRows(sqlite)) {
    count += 1;
    const id = String(row.id);
    const expectedPrev: string = prev?.hash ?? CHAIN_START;
    const expectedId: number = prev ? prev.id + 1 : 1;
    if (row.id !== expectedId) {
      const gap = row.id - 1 === expectedId ? `row ${expectedId} is` : `rows ${expectedId} to ${row.id - 1} are`;
      problems.push({ check: "audit_chain", table: "audit_log", id, message: `${gap} missing before this row (removed from the log)` });
    }
    if (row.hash === null || row.prevHash === null) {
      problems.push({ check: "audit_chain", table: "audit_log", id, message: "the row has no place in the hash chain (hash missing)" });
    } else {
      if (row.prevHash !== expectedPrev) {
        const before = prev ? `row ${prev.id}` : "the start of the log";
        problems.push({ check: "audit_chain", table: "audit_log", id, message: `the chain breaks here: this row does not carry the hash of ${before} (a row before it was changed, removed or inserted)` });
      }
      if (auditHash(row.prevHash, row) !== row.hash) {
        problems.push({ check: "audit_chain", table: "audit_log", id, message: "the row's content does not match its hash (it was changed after it was written)" });
      }
    }
    prev = { id: row.id, hash: row.hash ?? "" };
  }
  const sequence = sqlite.prepare("select seq from sqlite_sequence where name = 'audit_log'").pluck().get() as number | undefined;
  const lastId = prev?.id ?? 0;
  if (sequence !== undefined && sequence > lastId) {
    const gap = sequence === lastId + 1 ? `row ${sequence} is` : `rows ${lastId + 1} to ${sequence} are`;
    problems.push({ check: "audit_chain", table: "audit_log", id: String(sequence), message: `${gap} missing at the end of the log (removed)` });
  }
  return count;
}

/** One line for the server log and the CLI: "database check: ok (…)" or the number of problems and the first few. */
export function summarizeCheck(report: CheckReport): string {
  const { versions, auditRows, full } = report.counted;
  const what = `${full ? "integrity, foreign keys, " : ""}${versions} published ${versions === 1 ? "version" : "versions"}, ${auditRows} audit ${auditRows === 1 ? "row" : "rows"} in the hash chain, append-only triggers`;
  if (report.ok) return `database check: ok (${what})`;
  const n = report.problems.length;
  return `database check: ${n} ${n === 1 ? "problem" : "problems"} (run \`frac db:check\` for the full list); first: ${formatProblem(report.problems[0])}`;
}

/** "audit_log 42: the row's content does not match its hash [audit_chain]". */
export function formatProblem(p: Problem): string {
  return `${p.table}${p.id ? ` ${p.id}` : ""}: ${p.message} [${p.check}]`;
}
