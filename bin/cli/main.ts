/**
 * Dispatches `frac <command>`; every command has --help, and errors never print a stack.
 * Commands import their work (models, the database, exporters) inside `run`, so `--help` and a
 * command load only what they use (scripts/build-node.mjs splits each into its own chunk).
 */
import { complain, EXIT, UsageError, type Command } from "./args";
import { acbpCommand } from "./commands/acbp";
import { backupCommand, restoreCommand } from "./commands/backup";
import { dbCheck } from "./commands/check";
import { dbMigrate, dbSeed } from "./commands/db";
import { completenessCommand } from "./commands/completeness";
import { demandCommand } from "./commands/demand";
import { dictionaryCommand } from "./commands/dictionary";
import { diffCommand } from "./commands/diff";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { listCommand } from "./commands/list";
import { publishStaticCommand } from "./commands/publish-static";
import { tokenCommand } from "./commands/token";
import { userCommand } from "./commands/user";
import { validateCommand } from "./commands/validate";

const COMMANDS: Command[] = [
  dbMigrate,
  dbSeed,
  dbCheck,
  backupCommand,
  restoreCommand,
  listCommand,
  validateCommand,
  importCommand,
  exportCommand,
  demandCommand,
  completenessCommand,
  acbpCommand,
  publishStaticCommand,
  diffCommand,
  dictionaryCommand,
  userCommand,
  tokenCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: frac <command> [options]",
    "",
    "FRAC Studio's command line. Uses the database named by DATABASE_URL (file:PATH; default data/frac.db).",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `frac <command> --help` for a command's options.",
    "Exit codes: 0 success, 1 the input was read but is invalid (nothing written), 2 it could not be read or the call is wrong.",
  ].join("\n");
}

/** Runs the CLI with these arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview() + "\n");
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    complain(`unknown command "${name}". Run \`frac --help\` to see the commands.`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`Usage: ${command.usage}\n\n${command.summary}\n\n${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      complain(`${e.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    complain(e instanceof Error ? e.message : String(e));
    return EXIT.usage;
  } finally {
    // why not a static import: opening nothing should load no database code.
    if (globalThis.__fracClient) (await import("@db/client")).closeClient();
  }
}
