/** Argument parsing shared by the commands (node's util.parseArgs), with usage errors as exit 2. */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {}

/** Exit codes every command uses. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export type Command = {
  name: string;
  summary: string;
  usage: string;
  help: string;
  run: (argv: string[]) => Promise<number>;
};

/** Parses argv strictly; unknown options and missing values become UsageErrors. */
export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/^TypeError \[[A-Z_]+\]: /, "") : String(e));
  }
}

/** Prints one line to stderr, prefixed with the program name. */
export function complain(message: string): void {
  process.stderr.write(`frac: ${message}\n`);
}
