/** `frac demand`: how many positions and sanctioned posts need each competency, at each level. */
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const demandCommand: Command = {
  name: "demand",
  summary: "Competency demand of a ministry's framework (or of every ministry): positions and sanctioned posts per competency and level.",
  usage: "frac demand --mdo CODE [--version N|draft] [--json] [--format csv|xlsx -o FILE] | frac demand --all [...]",
  help: [
    "Options:",
    "  --mdo CODE        the ministry's code, e.g. CBIC (see `frac list`)",
    "  --version N       a published version; the default is the latest published version",
    "  --version draft   the draft (working copy)",
    "  --all             every active ministry's latest published version, summed (instead of --mdo)",
    "  --json            print [{ competency: { id, code, name, type }, level, positions, posts }]",
    "  --format csv|xlsx write a table instead (csv to standard output or -o; xlsx needs -o)",
    "  -o, --output FILE write to FILE",
    "",
    "A position needs competency C at level L when a path position → role → C or position → role → activity → C",
    "carries level L; where its paths give different levels, the highest counts, so a position is counted once per",
    "competency. `posts` adds up the positions' sanctioned posts (a position without them adds none).",
    "Exit codes: 0 shown; 2 unknown ministry or version, or a wrong call.",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, {
      mdo: { type: "string" },
      version: { type: "string" },
      all: { type: "boolean" },
      json: { type: "boolean" },
      format: { type: "string" },
      output: { type: "string", short: "o" },
    });
    if (Boolean(values.all) === (values.mdo !== undefined)) throw new UsageError("give either --mdo CODE or --all");
    if (values.all && values.version !== undefined) throw new UsageError("--version goes with --mdo; --all reads every ministry's latest version");
    const format = values.format;
    if (format !== undefined && format !== "csv" && format !== "xlsx") throw new UsageError(`--format takes csv or xlsx, not "${format}"`);
    if (format && values.json) throw new UsageError("give --json or --format, not both");
    if (format === "xlsx" && !values.output) throw new UsageError("xlsx is a binary format: give -o FILE");
    if (values.version !== undefined && values.version !== "draft" && !/^[1-9][0-9]{0,8}$/u.test(values.version)) {
      throw new UsageError(`--version takes a version number (1, 2, …) or "draft", not "${values.version}"`);
    }

    const [{ demandOf, demandOfAll }, { getMdoByCode }, { getPublishedVersionNumber }] = await Promise.all([
      import("~/models/insight/demand.server"),
      import("~/models/access/mdos.server"),
      import("~/models/publication/versions.server"),
    ]);
    let rows;
    let title = "every ministry's latest published version";
    if (values.mdo !== undefined) {
      const mdo = getMdoByCode({ code: values.mdo });
      if (!mdo) {
        complain(`no active MDO with code "${values.mdo}" (see \`frac list\`)`);
        return EXIT.usage;
      }
      const latest = getPublishedVersionNumber({ mdoId: mdo.id });
      const version = values.version === "draft" ? "draft" : values.version !== undefined ? Number(values.version) : latest;
      if (version === null) {
        complain(`${mdo.code} has no published version yet; use --version draft`);
        return EXIT.usage;
      }
      rows = demandOf({ mdoId: mdo.id, version });
      if (!rows) {
        complain(version === "draft" ? `${mdo.code} has no framework yet` : `there is no version ${version} of ${mdo.code}`);
        return EXIT.usage;
      }
      title = `${mdo.code} ${version === "draft" ? "draft" : `version ${version}`}`;
    } else {
      rows = demandOfAll();
    }

    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    if (format) {
      const [{ tableCsv }, { demandXlsx }, { DEMAND_HEADERS, demandCells }, { writeAtomically }] = await Promise.all([
        import("@export/table-csv"),
        import("@export/demand-xlsx"),
        import("@schemas/demand"),
        import("./export"),
      ]);
      const bytes = format === "csv" ? tableCsv(DEMAND_HEADERS, rows.map(demandCells)) : await demandXlsx(rows, title);
      if (!values.output) {
        process.stdout.write(bytes);
        return EXIT.ok;
      }
      await writeAtomically(values.output, (async function* () {
        yield bytes;
      })());
      process.stderr.write(`Wrote the demand of ${title} (${rows.length} rows) to ${values.output}\n`);
      return EXIT.ok;
    }
    process.stdout.write(`Competency demand: ${title}\n`);
    if (rows.length === 0) process.stdout.write("No position needs a competency yet.\n");
    for (const r of rows) {
      const code = r.competency.code ? ` (${r.competency.code})` : "";
      process.stdout.write(`  ${r.competency.name}${code}, level ${r.level}: ${r.positions} position${r.positions === 1 ? "" : "s"}, ${r.posts.toLocaleString("en-IN")} post${r.posts === 1 ? "" : "s"}\n`);
    }
    return EXIT.ok;
  },
};
