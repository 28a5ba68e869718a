/** `frac backup` and `frac restore`: an online copy of the database, and putting one back. */
import fs from "node:fs";
import path from "node:path";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const backupCommand: Command = {
  name: "backup",
  summary: "Write a consistent copy of the database to FILE, safe while the server runs and writes.",
  usage: "frac backup FILE",
  help: [
    "Uses SQLite's online backup API: the copy is the database as of one moment, whatever the server",
    "writes meanwhile. The file is created mode 0600 (it holds password hashes), checked with",
    "quick_check, flushed to disk and then renamed into place, so FILE is never half a backup.",
    "An existing FILE is replaced. Restore it with `frac restore FILE`.",
    "",
    "Exit codes: 0 written, 2 the database or FILE's directory cannot be used.",
  ].join("\n"),
  async run(argv) {
    const { positionals } = parse(argv, {}, true);
    if (positionals.length !== 1) throw new UsageError("give exactly one FILE to write the backup to");
    const [{ databaseFile, getClient }, { backupDatabase }] = await Promise.all([import("@db/client"), import("@db/backup")]);
    const file = databaseFile();
    if (!fs.existsSync(file)) {
      complain(`${file}: no such database file (set DATABASE_URL=file:PATH)`);
      return EXIT.usage;
    }
    try {
      const { sqlite } = getClient();
      const result = await backupDatabase(sqlite, file, positionals[0]);
      const mb = (result.bytes / (1024 * 1024)).toFixed(1);
      process.stdout.write(`Backed up ${path.relative(process.cwd(), file) || file} to ${result.file} (${mb} MB, ${result.pages} pages).\n`);
      return EXIT.ok;
    } catch (e) {
      return await failed(e);
    }
  },
};

export const restoreCommand: Command = {
  name: "restore",
  summary: "Replace the database with a backup (refused while a server holds it); the replaced file is kept beside it.",
  usage: "frac restore FILE [--force]",
  help: [
    "Options:",
    "  --force   restore even though a server holds the database; restart the server right after,",
    "            since it keeps writing to the replaced file until it is restarted",
    "",
    "A running server holds the database with the file <database>.server (its process id); the",
    "restore is refused while that process runs. The backup is copied beside the database, brought",
    "to the current schema and checked with `frac db:check`'s full checks; only a clean copy is",
    "renamed into place. The file it replaces is kept as <database>.replaced-<time> (with its",
    "write-ahead log, if a crash left one).",
    "",
    "Exit codes: 0 restored, 1 the backup fails the checks (nothing changed), 2 it cannot be read or a server holds the database.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { force: { type: "boolean" } }, true);
    if (positionals.length !== 1) throw new UsageError("give exactly one backup FILE to restore");
    const [{ databaseFile }, { restoreDatabase }, { formatProblem }] = await Promise.all([import("@db/client"), import("@db/backup"), import("@db/check")]);
    const target = databaseFile();
    try {
      const { replaced, report } = restoreDatabase({ backup: positionals[0], target, force: values.force ?? false });
      if (!report.ok) {
        complain(`${positionals[0]} fails the database checks; nothing was restored:`);
        for (const p of report.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
        return EXIT.invalid;
      }
      process.stdout.write(`Restored ${target} from ${positionals[0]}.${replaced ? ` The replaced database is kept as ${replaced}.` : ""}\n`);
      return EXIT.ok;
    } catch (e) {
      return await failed(e);
    }
  },
};

async function failed(e: unknown): Promise<number> {
  const { MaintenanceError } = await import("@db/backup");
  if (e instanceof MaintenanceError) {
    complain(e.message);
    return e.kind === "invalid" ? EXIT.invalid : EXIT.usage;
  }
  complain(e instanceof Error ? e.message : String(e));
  return EXIT.usage;
}
