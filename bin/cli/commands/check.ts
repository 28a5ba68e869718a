/** `frac db:check`: is the database whole, and was nothing published or audited changed behind the app's back? */
import fs from "node:fs";
import { complain, EXIT, parse, type Command } from "../args";

export const dbCheck: Command = {
  name: "db:check",
  summary: "Check the database: SQLite integrity, foreign keys, published versions against their sha256, the audit log's hash chain.",
  usage: "frac db:check [--json]",
  help: [
    "Options:",
    "  --json   print { ok, problems: [{ check, table, id, message }] }",
    "",
    "Checks (each problem names its check, table and row):",
    "  integrity_check     SQLite's own check of every page and index",
    "  foreign_key_check   every reference points at a row that exists",
    "  version_sha256      every published version's stored document matches its stored sha256,",
    "                      and the sha256 the audit log recorded when it was published",
    "  audit_chain         every audit row carries the hash of the row before it and a hash of its own",
    "                      content, and no row is missing: a row changed or removed behind the app's back breaks it",
    "  triggers            the triggers that keep versions, review events and the audit log append-only exist",
    "",
    "Exit codes: 0 all holds, 1 problems were found (each listed), 2 the database cannot be read.",
    "The server runs the same checks without integrity_check and foreign_key_check at every start and logs the result.",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, { json: { type: "boolean" } });
    const [{ databaseFile, getClient }, { checkDatabase, formatProblem, summarizeCheck }] = await Promise.all([import("@db/client"), import("@db/check")]);
    const file = databaseFile();
    if (!fs.existsSync(file)) {
      complain(`${file}: no such database file (set DATABASE_URL=file:PATH)`);
      return EXIT.usage;
    }
    let sqlite;
    try {
      sqlite = getClient().sqlite;
    } catch (e) {
      complain(`cannot read ${file}: ${(e as Error).message}`);
      return EXIT.usage;
    }
    const report = checkDatabase(sqlite, { full: true });
    if (values.json) {
      process.stdout.write(JSON.stringify({ ok: report.ok, problems: report.problems }) + "\n");
    } else {
      const n = report.problems.length;
      process.stdout.write((report.ok ? summarizeCheck(report) : `database check: ${n} ${n === 1 ? "problem" : "problems"}:`) + "\n");
      for (const p of report.problems) process.stdout.write(`  ${formatProblem(p)}\n`);
      const b = report.counted.backfill;
      if (b && b.rows > 0) {
        process.stdout.write(`Note: audit rows 1 to ${b.throughId} were written before the hash chain existed; they were chained on ${b.at}, which proves them unchanged since then, not since they were written.\n`);
      }
    }
    return report.ok ? EXIT.ok : EXIT.invalid;
  },
};
