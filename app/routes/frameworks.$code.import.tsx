import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ImportError } from "@import/findings";
import { FLAT_KEYS } from "@schemas/flat-layout";
import { LIMITS } from "@schemas/limits";
import { ImportView } from "~/components/import/import-view";
import { StatusBadge } from "~/components/status-badge";
import { analyseForMdo, applyImportPlan, loadImportContext, sha256Hex } from "~/models/import/import.server";
import { requireMdoAccess } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { readImportUpload, UploadRefused } from "~/http/import-upload.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Import into ${data.mdo.code} · FRAC Studio` : "Import · FRAC Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "edit");
  const ctx = loadImportContext({ mdoId: mdo.id });
  if (!ctx) throw notFound(`${mdo.name} has no framework yet.`);
  return json({ mdo: { code: mdo.code, name: mdo.name }, status: ctx.status, revision: ctx.revision, maxBytes: LIMITS.IMPORT_FILE_BYTES_MAX });
}

const fields = z.object({
  intent: z.enum(["preview", "apply"], { error: "Unknown intent." }),
  mode: z.enum(["merge", "replace"]).default("merge"),
  sheet: z.string().max(200).optional(),
  mapping: z.string().max(100_000).optional(),
  headerRow: z.coerce.number().int().min(1).max(1000).optional(),
  baseRevision: z.coerce.number().int().min(0).optional(),
  // The one-click fix: rows whose Competency type contradicts the dictionary take the dictionary's.
  typesFromDictionary: z.enum(["1"], { error: "typesFromDictionary must be 1 when given." }).optional(),
});
const mappingSchema = z.record(z.string().max(500), z.enum(FLAT_KEYS).nullable());

const PREVIEW_FINDINGS_MAX = 2000;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "edit");
  let form: FormData;
  try {
    form = await readImportUpload(request);
  } catch (e) {
    if (e instanceof UploadRefused) return json({ ok: false as const, message: e.message }, { status: e.status });
    throw e;
  }
  const file = form.get("file");
  const parsed = fields.safeParse(Object.fromEntries([...form.entries()].filter(([k]) => k !== "file")));
  if (!parsed.success) return json({ ok: false as const, message: parsed.error.issues[0].message }, { status: 400 });
  // why the name: a form sent without a chosen file has an empty, unnamed part; a chosen empty file is named and analyseImport says it is empty.
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return json({ ok: false as const, message: "Choose a file to import." }, { status: 400 });
  let mapping: z.infer<typeof mappingSchema> | undefined;
  if (parsed.data.mapping) {
    const m = mappingSchema.safeParse(safeJson(parsed.data.mapping));
    if (!m.success) return json({ ok: false as const, message: "The column mapping could not be read." }, { status: 400 });
    mapping = m.data;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let result;
  try {
    result = await analyseForMdo({ mdoId: mdo.id, mdoCode: mdo.code, fileName: file.name, bytes, sheet: parsed.data.sheet || undefined, mapping, headerRow: parsed.data.headerRow, mode: parsed.data.mode, typesFromDictionary: parsed.data.typesFromDictionary === "1" });
  } catch (e) {
    if (e instanceof ImportError) return json({ ok: false as const, message: e.message }, { status: e.status });
    throw e;
  }
  if (!result) throw notFound(`${mdo.name} has no framework yet.`);
  const { analysis, revision } = result;
  if (parsed.data.intent === "apply") {
    if (!analysis.plan) return json({ ok: false as const, message: "Map the columns before applying." }, { status: 400 });
    const applied = applyImportPlan({ mdoId: mdo.id, userId: user.id, plan: analysis.plan, fileName: file.name, sha256: sha256Hex(bytes), baseRevision: parsed.data.baseRevision });
    if (!applied.ok) return json({ ok: false as const, message: applied.message }, { status: applied.status });
    return json({ ok: true as const, applied: { revision: applied.revision, unchanged: applied.unchanged, counts: applied.counts, fileName: file.name } });
  }
  const plan = analysis.plan;
  return json({
    ok: true as const,
    preview: {
      fileName: file.name,
      size: file.size,
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
      typesFromDictionary: parsed.data.typesFromDictionary === "1",
      plan: plan
        ? {
            ok: plan.ok,
            mode: plan.mode,
            created: plan.created,
            updated: plan.updated,
            unchanged: plan.unchanged,
            removed: plan.removed,
            removals: [...plan.nodes.position.remove, ...plan.nodes.role.remove, ...plan.nodes.activity.remove].slice(0, 500).map((n) => n.name),
            linkRemovals: plan.links.remove.length,
          }
        : null,
    },
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export default function ImportPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Frameworks</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${data.mdo.code}`}>{data.mdo.code}</Link>{" "}
        <span aria-hidden="true">›</span> <span>Import</span>
      </nav>
      <h1>
        Import into {data.mdo.name} <StatusBadge status={data.status} />
      </h1>
      <p className="muted">
        Bring in the spreadsheets you already have. You see a preview first; nothing is written unless the whole file is valid. Start from the
        template: <a href="/templates/frac-flat-template.csv">CSV</a> or <a href="/templates/frac-flat-template.xlsx">Excel</a>.
      </p>
      <ImportView code={data.mdo.code} maxBytes={data.maxBytes} />
    </>
  );
}
