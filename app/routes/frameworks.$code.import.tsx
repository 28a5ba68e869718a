import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FLAT_KEYS } from "@schemas/flat-layout";
import { LIMITS } from "@schemas/limits";
import { ImportView } from "~/components/import/import-view";
import { StatusBadge } from "~/components/status-badge";
import { loadImportContext } from "~/models/import/import.server";
import { runImportInWorker } from "~/models/import/runner.server";
import { requireMdoAccess } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { readImportUpload, UploadRefused } from "~/http/import-upload.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";
import { Trans, useTranslation } from "react-i18next";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "import:title", "Import", { code: data.mdo.code }) : pageTitle(matches, "import:crumb", "Import");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "edit");
  const ctx = loadImportContext({ mdoId: mdo.id });
  if (!ctx) throw notFound(refusalText("page.noFrameworkYet", { name: mdo.name }));
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
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return json({ ok: false as const, message: (await getServerT(request, "import"))("chooseFile") }, { status: 400 });
  let mapping: z.infer<typeof mappingSchema> | undefined;
  if (parsed.data.mapping) {
    const m = mappingSchema.safeParse(safeJson(parsed.data.mapping));
    if (!m.success) return json({ ok: false as const, message: (await getServerT(request, "import"))("mappingUnreadable") }, { status: 400 });
    mapping = m.data;
  }
  const result = await runImportInWorker({
    intent: parsed.data.intent,
    mdoId: mdo.id,
    mdoCode: mdo.code,
    userId: user.id,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    sheet: parsed.data.sheet || undefined,
    mapping,
    headerRow: parsed.data.headerRow,
    mode: parsed.data.mode,
    typesFromDictionary: parsed.data.typesFromDictionary === "1",
    baseRevision: parsed.data.baseRevision,
  });
  if (!result.ok) {
    if (result.status === 404) throw notFound(refusalText("page.noFrameworkYet", { name: mdo.name }));
    return json({ ok: false as const, message: (await inReaderLanguage(request, result)).message }, { status: result.status });
  }
  return json("preview" in result ? { ok: true as const, preview: result.preview } : { ok: true as const, applied: result.applied });
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
  const { t } = useTranslation("import");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${data.mdo.code}`}>{data.mdo.code}</Link>{" "}
        <span aria-hidden="true">›</span> <span>{t("crumb")}</span>
      </nav>
      <h1>
        {t("heading", { name: data.mdo.name })} <StatusBadge status={data.status} />
      </h1>
      <p className="muted">
        <Trans t={t} i18nKey="intro" components={[<a key="0" href="/templates/frac-flat-template.csv" />, <a key="1" href="/templates/frac-flat-template.xlsx" />]} />
      </p>
      <HindiColumnsHint />
      <ImportView code={data.mdo.code} maxBytes={data.maxBytes} />
    </>
  );
}

/** Where Hindi names and descriptions go in a spreadsheet (decision 026). */
function HindiColumnsHint() {
  const { t } = useTranslation("content");
  return <p className="muted">{t("importHint")}</p>;
}
