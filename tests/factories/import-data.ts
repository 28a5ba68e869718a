/**
 * Test data for import/: the real KCM dictionary and CBIC's Domain competencies from the seed
 * data, the committed fixtures, and `applyPlan`, which does to a snapshot what the model call
 * does to the database, so that a second plan can be checked against the first's result.
 */
import { readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import Papa from "papaparse";
import type { CompetencyType } from "@schemas/enums";
import { defaultScale, type ProficiencyScale } from "@schemas/scale";
import type {
  DictionaryCompetency,
  ExistingLink,
  ExistingNode,
  ExistingSnapshot,
  ImportPlan,
} from "@import/plan-types";

const root = new URL("../../", import.meta.url);
export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`tests/fixtures/import/${name}`, root)));
export const fixtureText = (name: string): string =>
  readFileSync(new URL(`tests/fixtures/import/${name}`, root), "utf8").replace(/^\uFEFF/u, "");

type Kcm = {
  types: {
    name: CompetencyType;
    themes: { name: string; description: string; subThemes: { id: string; name: string; description: string }[] }[];
  }[];
};
type Cbic = { domainCompetencies: { name: string; nameHi?: string; description: string; levels: 3 | 4 | 5 }[] };

const kcm = JSON.parse(readFileSync(new URL("db/seed-data/kcm.json", root), "utf8")) as Kcm;
const cbic = JSON.parse(readFileSync(new URL("db/seed-data/demo-cbic.json", root), "utf8")) as Cbic;

/** The KCM themes and sub-themes as dictionary entries (shared: no mdoCode), fresh ids per call. */
export function kcmDictionary(): DictionaryCompetency[] {
  const out: DictionaryCompetency[] = [];
  for (const type of kcm.types) {
    for (const theme of type.themes) {
      const themeId = crypto.randomUUID();
      out.push({
        id: themeId,
        name: theme.name,
        type: type.name,
        theme: null,
        scale: defaultScale(5),
        mdoCode: null,
        description: theme.description,
      });
      for (const sub of theme.subThemes) {
        out.push({
          id: crypto.randomUUID(),
          name: sub.name,
          type: type.name,
          theme: theme.name,
          parentId: themeId,
          code: sub.id,
          scale: defaultScale(5),
          mdoCode: null,
          description: sub.description,
        });
      }
    }
  }
  return out;
}

/** CBIC's Domain competencies from the demo seed, owned by "CBIC"; `except` leaves some out. */
export function cbicDomain(except: string[] = []): DictionaryCompetency[] {
  return cbic.domainCompetencies
    .filter((c) => !except.includes(c.name))
    .map((c) => ({
      id: crypto.randomUUID(),
      name: c.name,
      nameHi: c.nameHi,
      type: "Domain",
      theme: null,
      scale: defaultScale(c.levels),
      mdoCode: "CBIC",
      description: c.description,
    }));
}

export const emptySnapshot = (): ExistingSnapshot => ({ nodes: [], links: [] });

/** What applying the plan would leave: the draft snapshot and the dictionary afterwards. */
export function applyPlan(
  snapshot: ExistingSnapshot,
  dictionary: readonly DictionaryCompetency[],
  plan: ImportPlan,
): { existing: ExistingSnapshot; dictionary: DictionaryCompetency[] } {
  const removedNodes = new Set(Object.values(plan.nodes).flatMap((k) => k.remove.map((r) => r.id)));
  const removedLinks = new Set(plan.links.remove.map((l) => l.id));
  const nodes = new Map<string, ExistingNode>(
    snapshot.nodes.filter((n) => !removedNodes.has(n.id)).map((n) => [n.id, { ...n }]),
  );
  for (const section of Object.values(plan.nodes)) {
    for (const c of section.create)
      nodes.set(c.id, {
        id: c.id,
        kind: c.kind,
        name: c.name,
        description: c.description ?? null,
        nameHi: c.nameHi ?? null,
        sanctionedPosts: c.sanctionedPosts ?? null,
      });
    for (const u of section.update) {
      const node = nodes.get(u.id) as ExistingNode;
      for (const change of u.changes) {
        if (change.field === "sanctionedPosts") node.sanctionedPosts = Number(change.after);
        else if (change.field !== "scale") node[change.field] = change.after;
      }
    }
  }
  const links = new Map<string, ExistingLink>(
    snapshot.links.filter((l) => !removedLinks.has(l.id)).map((l) => [l.id, { ...l }]),
  );
  for (const l of plan.links.create)
    links.set(l.id, { id: l.id, kind: l.kind, from: l.from, to: l.to, level: l.level ?? null, importance: l.importance ?? null });
  for (const l of plan.links.update) {
    const link = links.get(l.id) as ExistingLink;
    link.level = l.level ?? null;
    link.importance = l.importance ?? link.importance ?? null;
  }
  const entries = new Map(dictionary.map((e) => [e.id, { ...e }]));
  for (const c of plan.competencies.create)
    entries.set(c.id, { ...c, theme: c.theme ?? null, parentId: c.parentId ?? null });
  for (const u of plan.competencies.update) {
    const entry = entries.get(u.id) as DictionaryCompetency;
    for (const change of u.changes)
      if (change.field === "description" || change.field === "nameHi") entry[change.field] = change.after;
    if (u.scale) entry.scale = u.scale as ProficiencyScale;
  }
  return { existing: { nodes: [...nodes.values()], links: [...links.values()] }, dictionary: [...entries.values()] };
}

/** CSV text from rows, the way a spreadsheet program would write it. */
export function toCsv(rows: string[][], delimiter = ",", newline = "\r\n"): string {
  return Papa.unparse(rows, { delimiter, newline }) + newline;
}

/** Bytes of a UTF-16 file, optionally with its BOM, as Excel's "Unicode text" writes it. */
export function utf16(text: string, order: "le" | "be", bom = true): Uint8Array {
  const le = Buffer.from((bom ? "\uFEFF" : "") + text, "utf16le");
  if (order === "le") return new Uint8Array(le);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

export const utf8 = (text: string, bom = false): Uint8Array => new TextEncoder().encode((bom ? "\uFEFF" : "") + text);

/** The flat header row, in the export's order. */
export const FLAT_HEADER_ROW = [
  "Position id",
  "Position",
  "Position description",
  "Role id",
  "Role",
  "Role description",
  "Activity id",
  "Activity",
  "Activity description",
  "Competency id",
  "Competency",
  "Competency type",
  "Theme",
  "Required level",
  "Position Hindi name",
  "Role Hindi name",
  "Activity Hindi name",
  "Importance",
  "Sanctioned posts",
  "Position Hindi description",
  "Role Hindi description",
  "Activity Hindi description",
  "Role reused from",
  "Activity reused from",
];

type FlatRowInput = Partial<
  Record<
    | "positionId"
    | "position"
    | "positionDescription"
    | "roleId"
    | "role"
    | "roleDescription"
    | "activityId"
    | "activity"
    | "activityDescription"
    | "competencyId"
    | "competency"
    | "competencyType"
    | "theme"
    | "requiredLevel"
    | "positionNameHi"
    | "roleNameHi"
    | "activityNameHi"
    | "importance"
    | "sanctionedPosts"
    | "positionDescriptionHi"
    | "roleDescriptionHi"
    | "activityDescriptionHi"
    | "roleDerivedFrom"
    | "activityDerivedFrom",
    string
  >
>;

/** One flat row from named values (the rest empty), with overrides. */
export function flatRow(o: FlatRowInput = {}): string[] {
  const v: FlatRowInput = {
    position: "Under Secretary, Budget Division",
    role: "Budget preparation",
    activity: "Consolidate demands for grants",
    competency: "Budget Formulation & Implementation",
    competencyType: "Functional",
    theme: "Financial Management",
    requiredLevel: "3",
    ...o,
  };
  return [
    v.positionId,
    v.position,
    v.positionDescription,
    v.roleId,
    v.role,
    v.roleDescription,
    v.activityId,
    v.activity,
    v.activityDescription,
    v.competencyId,
    v.competency,
    v.competencyType,
    v.theme,
    v.requiredLevel,
    v.positionNameHi,
    v.roleNameHi,
    v.activityNameHi,
    v.importance,
    v.sanctionedPosts,
    v.positionDescriptionHi,
    v.roleDescriptionHi,
    v.activityDescriptionHi,
    v.roleDerivedFrom,
    v.activityDerivedFrom,
  ].map((cell) => cell ?? "");
}

/** A zip archive holding the given files uncompressed: a ".xlsx" that is really a zip of something else. */
export function storedZip(files: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
