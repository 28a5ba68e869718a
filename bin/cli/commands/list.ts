/** `frac list`: the active MDOs and their frameworks. */
import { EXIT, parse, type Command } from "../args";

export const listCommand: Command = {
  name: "list",
  summary: "List the active ministries/departments/organisations and their frameworks.",
  usage: "frac list [--json]",
  help: [
    "Options:",
    "  --json   print an array of { code, name, parent, framework: { status, nodes, links, publishedVersion, completeness } | null }",
    "           (completeness: the draft's score, 0–100; `frac completeness --mdo CODE` explains it)",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, { json: { type: "boolean" } });
    const [{ listActiveMdos }, { getPublishedVersionNumber }, { completenessScore }] = await Promise.all([
      import("~/models/access/mdos.server"),
      import("~/models/publication/versions.server"),
      import("~/models/insight/completeness.server"),
    ]);
    const rows = listActiveMdos().map((m) => ({
      code: m.code,
      name: m.name,
      parent: m.parentName,
      framework: m.framework
        ? {
            status: m.framework.status,
            nodes: m.framework.nodes,
            links: m.framework.links,
            publishedVersion: getPublishedVersionNumber({ mdoId: m.id }),
            // why only for --json: the table does not show it, and each score reads the whole draft.
            ...(values.json ? { completeness: completenessScore({ mdoId: m.id, version: "draft" }) ?? 0 } : {}),
          }
        : null,
    }));
    if (values.json) {
      process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
      return EXIT.ok;
    }
    if (rows.length === 0) {
      process.stdout.write("No active MDOs. An admin activates one and gives it a code.\n");
      return EXIT.ok;
    }
    const w = Math.max(4, ...rows.map((r) => r.code.length));
    process.stdout.write(`${"CODE".padEnd(w)}  ${"STATUS".padEnd(10)}  ${"NODES".padStart(6)}  ${"LINKS".padStart(6)}  NAME\n`);
    for (const r of rows) {
      const f = r.framework;
      process.stdout.write(
        `${r.code.padEnd(w)}  ${(f?.status ?? "-").padEnd(10)}  ${String(f?.nodes ?? 0).padStart(6)}  ${String(f?.links ?? 0).padStart(6)}  ${r.name}\n`,
      );
    }
    return EXIT.ok;
  },
};
