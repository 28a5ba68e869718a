/** `frac completeness`: how complete a ministry's framework is, 0–100, item by item and per position. */
import type { CompletenessKey } from "@schemas/completeness";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

const LABELS: Record<CompletenessKey, string> = {
  positionsWithRoles: "positions with roles",
  rolesWithActivities: "roles with activities",
  activitiesWithCompetencies: "activities with competencies",
  requirementsWithLevels: "requirements with a level on the competency's scale",
  requirementsWithImportance: "requirements with importance rated",
  nodesWithDescriptions: "positions, roles and activities with a description",
  nodesWithHindiNames: "positions, roles and activities with a Hindi name",
  positionsWithPosts: "positions with sanctioned posts",
};

export const completenessCommand: Command = {
  name: "completeness",
  summary: "How complete a ministry's framework is (0–100), item by item and per position.",
  usage: "frac completeness --mdo CODE [--version N|draft] [--json]",
  help: [
    "Options:",
    "  --mdo CODE        the ministry's code, e.g. CBIC (see `frac list`)",
    "  --version draft   the draft (working copy); the default",
    "  --version N       a published version",
    "  --json            print { score, items: [{ key, weight, done, total, missing }], positions: [{ id, name, score, items }] }",
    "",
    "Each item is the share of things that have what they should (positions with roles, roles with activities, …);",
    "the score is the weighted mean of the shares (structure and levels weigh 2, the rest 1), and an item with",
    "nothing to count yet counts as 0 %. `missing` names up to five of what lacks it.",
    "Exit codes: 0 shown; 2 unknown ministry or version, or a wrong call.",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, { mdo: { type: "string" }, version: { type: "string" }, json: { type: "boolean" } });
    if (values.mdo === undefined) throw new UsageError("give --mdo CODE");
    if (values.version !== undefined && values.version !== "draft" && !/^[1-9][0-9]{0,8}$/u.test(values.version)) {
      throw new UsageError(`--version takes a version number (1, 2, …) or "draft", not "${values.version}"`);
    }
    const [{ completenessOf }, { getMdoByCode }] = await Promise.all([import("~/models/insight/completeness.server"), import("~/models/access/mdos.server")]);
    const mdo = getMdoByCode({ code: values.mdo });
    if (!mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`)`);
      return EXIT.usage;
    }
    const version = values.version === undefined || values.version === "draft" ? "draft" : Number(values.version);
    const result = completenessOf({ mdoId: mdo.id, version });
    if (!result) {
      complain(version === "draft" ? `${mdo.code} has no framework yet` : `there is no version ${version} of ${mdo.code}`);
      return EXIT.usage;
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    const out: string[] = [`Completeness of ${mdo.code} ${version === "draft" ? "draft" : `version ${version}`}: ${result.score} / 100`];
    for (const item of result.items) {
      const examples = item.missing.length ? `; e.g. ${item.missing.map((m) => m.name).join("; ")}` : "";
      out.push(`  ${LABELS[item.key]}: ${item.done} of ${item.total} (weight ${item.weight})${examples}`);
    }
    out.push("Positions:");
    for (const p of result.positions) out.push(`  ${String(p.score).padStart(3)}  ${p.name}`);
    if (result.positions.length === 0) out.push("  none yet");
    process.stdout.write(`${out.join("\n")}\n`);
    return EXIT.ok;
  },
};
