/** `frac dictionary <subcommand>`: the shared competency dictionary. */
import { UsageError, type Command } from "../args";
import { DICTIONARY_IMPORT_HELP, dictionaryImport } from "./dictionary-import";

export const dictionaryCommand: Command = {
  name: "dictionary",
  summary: "The competency dictionary: import an outside framework (a CASE package) as a source.",
  usage: "frac dictionary import FILE [--json]",
  help: [
    "Subcommands:",
    DICTIONARY_IMPORT_HELP,
    "",
    "Exit codes: 0 imported; 1 the file was read but is not a usable CASE package (nothing written);",
    "2 the file cannot be read, or a wrong call.",
  ].join("\n"),
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === "import") return dictionaryImport(rest);
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : "name a subcommand: import");
  },
};
