/** `frac acbp`: a ministry's Annual Capacity Building Plan for a financial year, as the workbook it sends to the CBC. */
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const acbpCommand: Command = {
  name: "acbp",
  summary: "A ministry's Annual Capacity Building Plan (ACBP) for a financial year, as an .xlsx workbook.",
  usage: "frac acbp --mdo CODE [--year YYYY] -o FILE.xlsx",
  help: [
    "Options:",
    "  --mdo CODE         the ministry's code, e.g. CBIC (see `frac list`)",
    "  --year YYYY        the financial year starting in April of YYYY: --year 2026 (or 2026-27) is",
    "                     1 April 2026 to 31 March 2027; the default is the current financial year (in India's time)",
    "  -o, --output FILE  the workbook to write (.xlsx)",
    "",
    "The plan saved on the ACBP page (/frameworks/CODE/acbp) for that year; with none saved, the starting",
    "plan drawn from the competency demand of the latest published version: one row per competency and level,",
    "by priority (importance weight × sanctioned posts), officials to reach = sanctioned posts.",
    "Exit codes: 0 written; 2 unknown ministry, nothing published, or a wrong call.",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, {
      mdo: { type: "string" },
      year: { type: "string" },
      output: { type: "string", short: "o" },
    });
    if (values.mdo === undefined) throw new UsageError("give --mdo CODE");
    if (!values.output) throw new UsageError("the plan is a workbook: give -o FILE.xlsx");
    const [{ currentFinancialYear, financialYearLabel, parseFinancialYear }, { getMdoByCode }, { loadAcbp }, { acbpXlsx }, { writeAtomically }] = await Promise.all([
      import("@schemas/acbp"),
      import("~/models/access/mdos.server"),
      import("~/models/insight/acbp.server"),
      import("@export/acbp-xlsx"),
      import("./export"),
    ]);
    const year = values.year === undefined ? currentFinancialYear() : parseFinancialYear(values.year);
    if (year === null) throw new UsageError(`--year takes the year a financial year starts in, e.g. 2026 or 2026-27, from 2000 to 2100; not "${values.year}"`);

    const mdo = getMdoByCode({ code: values.mdo });
    if (!mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`)`);
      return EXIT.usage;
    }
    const plan = loadAcbp({ mdoId: mdo.id, year });
    if (!plan.source) {
      complain(`${mdo.code} has no published version yet: an ACBP is drawn from a published framework's competency demand`);
      return EXIT.usage;
    }
    const bytes = await acbpXlsx({ mdo: { code: mdo.code, name: mdo.name }, ...plan });
    await writeAtomically(values.output, (async function* () {
      yield bytes;
    })());
    const what = plan.saved ? "the saved plan" : `the starting plan from version ${plan.source.number}`;
    process.stderr.write(`Wrote ${mdo.code}'s ACBP ${financialYearLabel(year)} (${what}, ${plan.lines.length} rows) to ${values.output}\n`);
    return EXIT.ok;
  },
};
