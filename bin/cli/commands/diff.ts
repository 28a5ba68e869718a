/** `frac diff`: what changed between two published versions of a framework, or a version and the draft. */
import type { DiffLink, DiffNode, FieldChange, FracDiff } from "@schemas/diff";
import { NODE_KIND_LABELS } from "@schemas/enums";
import type { DiffSide } from "~/models/publication/versions.server";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const diffCommand: Command = {
  name: "diff",
  summary: "Show what changed between two versions of a ministry's framework, or between a version and the draft.",
  usage: "frac diff --mdo CODE [--from N] [--to M|draft] [--json]",
  help: [
    "Options:",
    "  --mdo CODE     the ministry's code, e.g. CBIC (see `frac list`)",
    "  --from N       the earlier side: a published version number, or draft (default: the latest published version)",
    "  --to M|draft   the later side: a published version number, or draft (default: draft)",
    "  --json         print { mdo, from, to, summary, nodes, links } as JSON",
    "",
    "Nodes and links are matched by id, so a renamed node shows as changed, field by field (before → after).",
    "Exit codes: 0 the diff was shown (whether or not anything changed); 2 unknown ministry or version, or a wrong call.",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, { mdo: { type: "string" }, from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" } });
    if (!values.mdo) throw new UsageError("--mdo CODE is required");
    const [{ getMdoByCode }, { diffVersions, getPublishedVersionNumber }] = await Promise.all([import("~/models/access/mdos.server"), import("~/models/publication/versions.server")]);
    const mdo = getMdoByCode({ code: values.mdo });
    if (!mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`)`);
      return EXIT.usage;
    }
    const to = side(values.to ?? "draft", "--to");
    let from: DiffSide;
    if (values.from === undefined) {
      const latest = getPublishedVersionNumber({ mdoId: mdo.id });
      if (latest === null) {
        complain(`${mdo.code} has no published version yet; nothing to compare the draft with`);
        return EXIT.usage;
      }
      from = latest;
    } else {
      from = side(values.from, "--from");
    }

    const result = diffVersions({ mdoId: mdo.id, from, to });
    if (!result.ok) {
      complain(`${mdo.code}: ${result.message}`);
      return EXIT.usage;
    }
    const { diff } = result;
    if (values.json) {
      process.stdout.write(JSON.stringify({ mdo: mdo.code, from, to, summary: diff.summary, nodes: diff.nodes, links: diff.links }, null, 2) + "\n");
    } else {
      process.stdout.write(formatDiff(mdo.code, from, to, diff));
    }
    return EXIT.ok;
  },
};

/** A version number or "draft"; anything else is a usage error. */
function side(value: string, option: string): DiffSide {
  if (value.toLowerCase() === "draft") return "draft";
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${option} must be a version number (1, 2, …) or draft, not "${value}"`);
  return Number(value);
}

const sideName = (s: DiffSide) => (s === "draft" ? "the draft" : `version ${s}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function nodeName(node: DiffNode | DiffLink["from"]): string {
  return node.kind === null ? `(missing node ${node.id})` : `${NODE_KIND_LABELS[node.kind]} "${node.name}"`;
}

function value(v: FieldChange["before"]): string {
  if (v === null) return "(none)";
  if (typeof v === "number") return String(v);
  const oneLine = v.replace(/\s+/g, " ");
  return JSON.stringify(oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine);
}

function fieldLines(changes: FieldChange[]): string[] {
  return changes.map((c) => `      ${c.field}: ${value(c.before)} → ${value(c.after)}`);
}

function linkLine(mark: string, link: DiffLink): string {
  const level = link.level !== null ? ` (level ${link.level})` : "";
  return `  ${mark} ${nodeName(link.from)} → ${nodeName(link.to)}${level}`;
}

/** The diff as a readable list: a summary line, then nodes and links added, removed and changed. */
export function formatDiff(code: string, from: DiffSide, to: DiffSide, diff: FracDiff): string {
  const s = diff.summary;
  const out = [
    `${code}: ${sideName(from)} → ${sideName(to)}`,
    s.identical
      ? "No differences."
      : `Nodes: ${s.nodesAdded} added, ${s.nodesRemoved} removed, ${s.nodesChanged} changed. ` +
        `Links: ${s.linksAdded} added, ${s.linksRemoved} removed, ${s.linksChanged} changed.`,
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push("", title, ...lines);
  };
  section(`${plural(s.nodesAdded, "node")} added`, diff.nodes.added.map((n) => `  + ${nodeName(n)}`));
  section(`${plural(s.nodesRemoved, "node")} removed`, diff.nodes.removed.map((n) => `  - ${nodeName(n)}`));
  section(`${plural(s.nodesChanged, "node")} changed`, diff.nodes.changed.flatMap((n) => [`  ~ ${nodeName(n)}`, ...fieldLines(n.changes)]));
  section(`${plural(s.linksAdded, "link")} added`, diff.links.added.map((l) => linkLine("+", l)));
  section(`${plural(s.linksRemoved, "link")} removed`, diff.links.removed.map((l) => linkLine("-", l)));
  section(`${plural(s.linksChanged, "link")} changed`, diff.links.changed.flatMap((l) => [linkLine("~", l), ...fieldLines(l.changes)]));
  return out.join("\n") + "\n";
}
