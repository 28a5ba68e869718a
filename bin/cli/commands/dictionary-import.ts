/** `frac dictionary import FILE`: a CASE package (1.1, or the 1.0 shape) as an outside source of the dictionary. */
import path from "node:path";
import { complain, EXIT, parse, UsageError } from "../args";
import { readInputFile } from "../files";

export const DICTIONARY_IMPORT_HELP = [
  "  import FILE [--json]   read a CASE CFPackage (CASE 1.1, or the 1.0 shape OpenSALT exports) into the dictionary",
  "                         as an outside source: each CFItem becomes an entry under its own identifier, with the",
  "                         hierarchy of its isChildOf associations. Importing the same package again creates",
  "                         nothing, updates what changed, and keeps items the package no longer holds.",
  "                         --json prints { source: { identifier, title }, created, updated, unchanged }",
].join("\n");

/** Runs `frac dictionary import`; returns the exit code. */
export async function dictionaryImport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: "boolean" } }, true);
  if (positionals.length !== 1) throw new UsageError("name exactly one FILE to import");
  const file = positionals[0];
  const bytes = await readInputFile(file);
  if (bytes === null) return EXIT.usage;
  const [{ ImportError }, { readCasePackage }, { importCaseSource }] = await Promise.all([
    import("@import/findings"),
    import("@import/case-package"),
    import("~/models/dictionary/sources.server"),
  ]);
  let read;
  try {
    read = readCasePackage(bytes);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    complain(`${file}: ${e.message} Nothing was imported.`);
    return EXIT.invalid;
  }
  const result = importCaseSource({ read, userId: null });
  if (!result.ok) {
    complain(`${file}: ${result.message}`);
    return EXIT.invalid;
  }
  const { source, created, updated, unchanged } = result;
  if (values.json) {
    process.stdout.write(JSON.stringify({ source, created, updated, unchanged }) + "\n");
    return EXIT.ok;
  }
  const what = created + updated === 0 ? "nothing changed" : `${created} created, ${updated} updated`;
  process.stdout.write(`${path.basename(file)} → source "${source.title}" (${source.identifier}): ${what}, ${unchanged} unchanged.\n`);
  return EXIT.ok;
}
