/**
 * One import request's work, as the import worker runs it: read, check and plan the file against
 * this ministry's draft and, when asked, apply the plan in one transaction. It returns only what
 * the page shows (a preview's summary, or what was applied), so a 100,000-row plan never has to be
 * copied back to the server's main thread.
 */
import { ImportError, type ImportMode, type UserMapping } from "@import/index";
import { analyseForMdo, applyImportPlan, sha256Hex } from "./import.server";
import { refusalText, type RefusalKey, type RefusalParams } from "~/i18n/refusal-text";
import { checkedText, refusalFields } from "../refusal.server";

/** What the import page asked for, with the uploaded file's bytes. */
export type ImportJob = {
  intent: "preview" | "apply";
  mdoId: string;
  mdoCode: string;
  userId: string;
  fileName: string;
  bytes: Uint8Array;
  sheet?: string;
  mapping?: UserMapping;
  headerRow?: number;
  mode: ImportMode;
  typesFromDictionary: boolean;
  baseRevision?: number;
};

const PREVIEW_FINDINGS_MAX = 2000;
const REMOVALS_SHOWN_MAX = 500;

type Analysis = NonNullable<Awaited<ReturnType<typeof analyseForMdo>>>["analysis"];

/** The preview the page renders: the file's layout, its first rows, findings (at most 2,000) and the plan's counts. */
export function previewOf(job: Pick<ImportJob, "fileName" | "bytes" | "typesFromDictionary">, analysis: Analysis, revision: number) {
  const plan = analysis.plan;
  return {
    fileName: job.fileName,
    size: job.bytes.byteLength,
    revision,
    layout: analysis.layout,
    encoding: analysis.encoding ?? null,
    delimiter: analysis.delimiter ?? null,
    sheets: analysis.sheets ?? null,
    sheet: analysis.sheet ?? null,
    headerRow: analysis.headerRow,
    headers: analysis.headers,
    suggestedMapping: analysis.suggestedMapping ?? null,
    rows: analysis.preview,
    rowCount: analysis.rowCount,
    findings: analysis.findings.slice(0, PREVIEW_FINDINGS_MAX),
    findingsTotal: analysis.findings.length,
    // Rows the "take the dictionary's type" fix would mend (counted over every finding, not only those shown).
    typeFixes: analysis.findings.filter((f) => f.code === "competency_type_mismatch" && f.dictionaryType).length,
    typesFromDictionary: job.typesFromDictionary,
    plan: plan
      ? {
          ok: plan.ok,
          mode: plan.mode,
          created: plan.created,
          updated: plan.updated,
          unchanged: plan.unchanged,
          removed: plan.removed,
          removals: [...plan.nodes.position.remove, ...plan.nodes.role.remove, ...plan.nodes.activity.remove].slice(0, REMOVALS_SHOWN_MAX).map((n) => n.name),
          linkRemovals: plan.links.remove.length,
        }
      : null,
  };
}

export type ImportPreview = ReturnType<typeof previewOf>;
export type ImportApplied = { revision: number; unchanged: boolean; counts: Extract<ReturnType<typeof applyImportPlan>, { ok: true }>["counts"]; fileName: string };

/** The outcome of a job: a preview, what was applied, or a refusal with its status and sentence. */
export type ImportJobResult =
  | { ok: true; preview: ImportPreview }
  | { ok: true; applied: ImportApplied }
  | { ok: false; status: number; message: string; code?: RefusalKey; params?: RefusalParams };

/** Runs one job to its end; an unreadable file or a refused plan is a result, anything else is thrown. */
export async function runImportJob(job: ImportJob): Promise<ImportJobResult> {
  let result;
  try {
    result = await analyseForMdo(job);
  } catch (e) {
    if (e instanceof ImportError) {
      const text = checkedText(e.text);
      return { ok: false, status: e.status, message: e.message, ...(text ? { code: text.key, ...(text.params ? { params: text.params } : {}) } : {}) };
    }
    throw e;
  }
  if (!result) return { ok: false, status: 404, ...refusalFields(refusalText("import.noFrameworkYet")) };
  const { analysis, revision } = result;
  if (job.intent === "preview") return { ok: true, preview: previewOf(job, analysis, revision) };
  if (!analysis.plan) return { ok: false, status: 400, ...refusalFields(refusalText("import.mapFirst")) };
  const applied = applyImportPlan({ mdoId: job.mdoId, userId: job.userId, plan: analysis.plan, fileName: job.fileName, sha256: sha256Hex(job.bytes), baseRevision: job.baseRevision });
  if (!applied.ok) return applied;
  return { ok: true, applied: { revision: applied.revision, unchanged: applied.unchanged, counts: applied.counts, fileName: job.fileName } };
}
