/** `frac dictionary search QUERY`: the dictionary's entries matching a query, best first. */
import { COMPETENCY_TYPES, type CompetencyType } from "@schemas/enums";
import { searchWords } from "@schemas/search-text";
import { complain, EXIT, parse, UsageError } from "../args";

export const DICTIONARY_SEARCH_USAGE = "frac dictionary search QUERY [--type TYPE] [--limit N] [--json]";
export const DICTIONARY_SEARCH_HELP = [
  "  search QUERY   entries whose name, Hindi name, KCM code or description match QUERY, best first",
  "                 (the last word matches as a prefix; misspelt words are read as the nearest indexed word)",
  `    --type TYPE  only ${COMPETENCY_TYPES.join(", ")} entries`,
  "    --limit N    at most N entries (1-200, default 20)",
  "    --json       print an array of { id, code, name, type, theme, source }",
].join("\n");

function readType(value: string | undefined): CompetencyType | undefined {
  if (value === undefined) return undefined;
  const type = COMPETENCY_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase());
  if (!type) throw new UsageError(`--type must be one of ${COMPETENCY_TYPES.join(", ")} (got "${value}")`);
  return type;
}

function readLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new UsageError(`--limit must be a whole number from 1 to 200 (got "${value}")`);
  return n;
}

/** Runs the search subcommand; every dictionary entry of every ministry is searched (the operator's view). */
export async function dictionarySearch(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { type: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } }, true);
  if (positionals.length !== 1) throw new UsageError("give one QUERY (quote it when it has spaces)");
  const type = readType(values.type);
  const limit = readLimit(values.limit);
  const query = positionals[0]!;
  if (searchWords(query).length === 0) {
    complain(`the query "${query}" has no letters or digits to search for`);
    return EXIT.invalid;
  }
  const { searchEntries } = await import("~/models/search/search.server");
  const hits = searchEntries({ query, viewer: { mdoIds: [], allMdos: true }, types: type ? [type] : undefined, limit });
  const rows = hits.map((h) => ({ id: h.id, code: h.code, name: h.name, type: h.type, theme: h.theme, source: h.source }));
  if (values.json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    return EXIT.ok;
  }
  if (rows.length === 0) {
    process.stdout.write(`No dictionary entry matches "${query}".\n`);
    return EXIT.ok;
  }
  for (const r of rows) {
    const where = r.theme ? ` (${r.theme})` : "";
    process.stdout.write(`${(r.code ?? "-").padEnd(8)}  ${(r.type ?? "").padEnd(11)}  ${r.name}${where}  ${r.id}\n`);
  }
  return EXIT.ok;
}
