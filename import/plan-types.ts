/**
 * The shapes the plan reads (a snapshot of the ministry's draft and the dictionary it may
 * use, both loaded by the caller) and the ImportPlan it writes, which the preview shows and
 * one model call applies in one transaction.
 */
import type { CompetencyType, Importance, LinkKind, NodeKind } from "@schemas/enums";
import type { ProficiencyScale } from "@schemas/scale";
import type { ImportFinding } from "./findings";

export type ImportMode = "merge" | "replace";
/** The node kinds a spreadsheet row names (knowledge resources come only from FracDocument JSON; competencies from the dictionary). */
export type RowNodeKind = "position" | "role" | "activity";
export const ROW_NODE_KINDS: readonly RowNodeKind[] = ["position", "role", "activity"];

/** A node of the current draft. */
export type ExistingNode = {
  id: string;
  kind: Exclude<NodeKind, "competency">;
  name: string;
  description?: string | null;
  nameHi?: string | null;
  descriptionHi?: string | null;
  /** Positions only. */
  sanctionedPosts?: number | null;
};
/** A link of the current draft; `to` is a dictionary id for links to competencies. */
export type ExistingLink = { id: string; kind: LinkKind; from: string; to: string; level?: number | null; importance?: Importance | null };
export type ExistingSnapshot = { nodes: readonly ExistingNode[]; links: readonly ExistingLink[] };

/** A dictionary entry the ministry may use: a KCM theme or sub-theme, or a ministry's Domain competency. */
export type DictionaryCompetency = {
  id: string;
  name: string;
  type: CompetencyType;
  /** Name of the parent theme, for a sub-theme. */
  theme?: string | null;
  parentId?: string | null;
  /** KCM code such as BEH-001 (sub-themes of the shared dictionary). */
  code?: string | null;
  scale: ProficiencyScale;
  /** Owning ministry of a Domain competency; null for the shared KCM. */
  mdoCode?: string | null;
  description?: string | null;
  nameHi?: string | null;
  descriptionHi?: string | null;
};

/** A field the file changes; sanctioned posts travel as their decimal text, like every cell. */
export type FieldChange = { field: "name" | "description" | "nameHi" | "descriptionHi" | "scale" | "sanctionedPosts"; before: string | null; after: string };

/** A new position, role or activity; `rows` are the spreadsheet rows that name it. */
export type PlannedNode = {
  id: string;
  kind: RowNodeKind;
  name: string;
  description?: string;
  nameHi?: string;
  descriptionHi?: string;
  /** Positions only. */
  sanctionedPosts?: number;
  rows: number[];
};

/** A new dictionary entry: always a Domain competency (or its theme) owned by the importing ministry. */
export type PlannedCompetency = {
  id: string;
  name: string;
  type: "Domain";
  theme?: string;
  parentId?: string;
  description?: string;
  nameHi?: string;
  descriptionHi?: string;
  code?: string;
  source?: string;
  scale: ProficiencyScale;
  mdoCode: string;
  rows: number[];
};

export type PlannedUpdate = {
  id: string;
  name: string;
  rows: number[];
  changes: FieldChange[];
  /** The new scale, when `changes` includes "scale". */
  scale?: ProficiencyScale;
};

export type PlannedRef = { id: string; name: string };

export type KindPlan<Create> = {
  create: Create[];
  update: PlannedUpdate[];
  unchanged: PlannedRef[];
  /** Replace mode only: what the file does not mention. Merge mode never removes anything. */
  remove: PlannedRef[];
};

export type PlannedLink = {
  id: string;
  kind: LinkKind;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  level?: number;
  importance?: Importance;
  rows: number[];
};
export type PlannedLinkUpdate = PlannedLink & { levelBefore: number | null; importanceBefore: Importance | null };

/** A link the file states, before it is matched against the draft's links. */
export type CollectedLink = Omit<PlannedLink, "id"> & { first: Where };
export type RemovedLink = ExistingLink & { fromName: string; toName: string };

export type PlanCountKey = RowNodeKind | "competency" | "link";
export type PlanCounts = Record<PlanCountKey, number>;

export type ImportPlan = {
  /** False when any finding is an error: nothing may be written. */
  ok: boolean;
  mode: ImportMode;
  mdoCode: string;
  nodes: Record<RowNodeKind, KindPlan<PlannedNode>>;
  competencies: KindPlan<PlannedCompetency>;
  links: {
    create: PlannedLink[];
    update: PlannedLinkUpdate[];
    unchanged: PlannedLink[];
    remove: RemovedLink[];
  };
  created: PlanCounts;
  updated: PlanCounts;
  unchanged: PlanCounts;
  removed: PlanCounts;
  findings: ImportFinding[];
};

/**
 * Links by their two ends. The pair of ends decides the kind (a role's children are activities
 * or competencies, never both under one id), and nested maps keyed by the ids themselves are
 * much faster than one map keyed by concatenated strings: an id string caches its hash.
 */
export class LinkMap<T> {
  private readonly byFrom = new Map<string, Map<string, T>>();

  get(from: string, to: string): T | undefined {
    return this.byFrom.get(from)?.get(to);
  }

  set(from: string, to: string, value: T): void {
    let inner = this.byFrom.get(from);
    if (!inner) {
      inner = new Map();
      this.byFrom.set(from, inner);
    }
    inner.set(to, value);
  }

  *values(): IterableIterator<T> {
    for (const inner of this.byFrom.values()) yield* inner.values();
  }
}

/** Where a finding points: a spreadsheet row (and sheet), or a JSON path with row 0. */
export type Where = { row: number; sheet?: string; path?: string };

/** The row/sheet/path fields of a finding at `where`. */
export function at(where: Where): Pick<ImportFinding, "row" | "sheet" | "path"> {
  return { row: where.row, ...(where.sheet && { sheet: where.sheet }), ...(where.path && { path: where.path }) };
}
