/** `frac validate FILE.json`: checks a FracDocument with the shared validator. */
import { complain, EXIT, parse, UsageError, type Command } from "../args";
import { readInputFile } from "../files";

export const validateCommand: Command = {
  name: "validate",
  summary: "Check a FracDocument JSON file against the shared schema and validator.",
  usage: "frac validate FILE.json [--submit] [--json]",
  help: [
    "Options:",
    "  --submit   apply the submit-level rules (e.g. a role with no activity is an error, not a warning)",
    "  --json     print { file, valid, errors, warnings, findings } as JSON",
    "",
    "Exit codes: 0 no errors (warnings allowed); 1 a well-formed FracDocument with error findings;",
    "2 the file is missing, unreadable, not JSON, or not shaped like a FracDocument.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { submit: { type: "boolean" }, json: { type: "boolean" } }, true);
    if (positionals.length !== 1) throw new UsageError("name exactly one file to validate");
    const file = positionals[0];
    const bytes = await readInputFile(file);
    if (bytes === null) return EXIT.usage;
    const text = bytes.toString("utf8");

    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      complain(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
      return EXIT.usage;
    }
    const [{ parseFracDocument }, { summarizeFindings }, { validateFracDocument }] = await Promise.all([
      import("@schemas/frac-document"),
      import("@schemas/findings"),
      import("@schemas/validator"),
    ]);
    const parsed = parseFracDocument(data);
    if (!parsed.ok) {
      const shown = parsed.issues.slice(0, 5).map((i) => `${i.path || "(top level)"}: ${i.message}`);
      const more = parsed.issues.length > 5 ? ` (and ${parsed.issues.length - 5} more)` : "";
      complain(`${file} is not a FracDocument: ${shown.join("; ")}${more}`);
      return EXIT.usage;
    }

    const findings = validateFracDocument(parsed.document, { mode: values.submit ? "submit" : "draft" });
    const { errors, warnings } = summarizeFindings(findings);
    if (values.json) {
      process.stdout.write(JSON.stringify({ file, valid: errors === 0, errors, warnings, findings }, null, 2) + "\n");
    } else {
      for (const f of findings) {
        const where = f.nodeId ? ` [node ${f.nodeId}]` : f.linkId ? ` [link ${f.linkId}]` : "";
        process.stdout.write(`${f.severity.padEnd(7)} ${f.code}: ${f.message}${where}\n`);
      }
      const { nodes, links } = parsed.document;
      process.stdout.write(
        `${file}: ${nodes.length} nodes, ${links.length} links; ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.\n`,
      );
    }
    return errors > 0 ? EXIT.invalid : EXIT.ok;
  },
};
