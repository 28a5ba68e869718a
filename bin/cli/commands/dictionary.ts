/** `frac dictionary <subcommand>`: the shared competency dictionary. */
import { EXIT, UsageError, type Command } from "../args";
import { DICTIONARY_IMPORT_HELP, dictionaryImport } from "./dictionary-import";
import { dictionarySearch, DICTIONARY_SEARCH_HELP, DICTIONARY_SEARCH_USAGE } from "./dictionary-search";

const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<number>> = { search: dictionarySearch, import: dictionaryImport };

export const dictionaryCommand: Command = {
  name: "dictionary",
  summary: "The competency dictionary: search it, or import an outside framework (a CASE package) as a source.",
  usage: `${DICTIONARY_SEARCH_USAGE}\n       frac dictionary import FILE [--json]`,
  help: [
    "Subcommands:",
    DICTIONARY_SEARCH_HELP,
    "",
    DICTIONARY_IMPORT_HELP,
    "",
    "Exit codes (import): 0 imported; 1 the file was read but is not a usable CASE package (nothing written);",
    "2 the file cannot be read, or a wrong call.",
  ].join("\n"),
  async run(argv) {
    const [sub, ...rest] = argv;
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(sub ? `unknown subcommand "${sub}" (known: ${Object.keys(SUBCOMMANDS).join(", ")})` : "name a subcommand: search or import");
    return (await run(rest)) ?? EXIT.ok;
  },
};
