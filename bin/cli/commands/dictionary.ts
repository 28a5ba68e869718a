/** `frac dictionary <subcommand>`: work on the competency dictionary. */
import { EXIT, UsageError, type Command } from "../args";
import { dictionarySearch, DICTIONARY_SEARCH_HELP, DICTIONARY_SEARCH_USAGE } from "./dictionary-search";

const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<number>> = { search: dictionarySearch };

export const dictionaryCommand: Command = {
  name: "dictionary",
  summary: "Work on the competency dictionary: search it.",
  usage: DICTIONARY_SEARCH_USAGE,
  help: ["Subcommands:", DICTIONARY_SEARCH_HELP].join("\n"),
  async run(argv) {
    const [sub, ...rest] = argv;
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(sub ? `unknown subcommand "${sub}" (known: ${Object.keys(SUBCOMMANDS).join(", ")})` : "name a subcommand, e.g. search");
    return (await run(rest)) ?? EXIT.ok;
  },
};
