/**
 * The import page's client: choose or drop a file, see the preview (counts, first rows, findings),
 * map unknown columns, then apply. The same file is sent again on apply, with the revision the
 * preview was made on, so nothing changes behind the author's back.
 */
import { useFetcher } from "@remix-run/react";
import { useRef, useState } from "react";
import { FindingsTable, type FindingRow } from "./findings-table";
import { MappingForm } from "./mapping-form";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";

type Counts = Record<string, number>;
type Preview = {
  fileName: string;
  size: number;
  revision: number;
  layout: string;
  encoding: string | null;
  delimiter: string | null;
  sheets: { name: string; hidden: boolean }[] | null;
  sheet: string | null;
  headerRow: number | null;
  headers: string[];
  suggestedMapping: Record<string, string | null> | null;
  rows: { row: number; cells: string[] }[];
  rowCount: number;
  findings: FindingRow[];
  findingsTotal: number;
  typeFixes: number;
  typesFromDictionary: boolean;
  plan: { ok: boolean; mode: string; created: Counts; updated: Counts; unchanged: Counts; removed: Counts; removals: string[]; linkRemovals: number } | null;
};
type Applied = { revision: number; unchanged: boolean; counts: { created: Counts; updated: Counts; removed: Counts }; fileName: string };
type Reply = { ok: false; message: string } | { ok: true; preview?: Preview; applied?: Applied };

const LAYOUTS = new Set(["flat", "frac-export", "igot", "frac-json", "frac-workbook", "unknown"]);
const KINDS = ["position", "role", "activity", "competency", "link"] as const;
// What a preview was read with, and its apply must be too.
const READ_AS = new Set(["sheet", "mapping", "typesFromDictionary"]);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/** Upload, preview and apply. */
export function ImportView({ code, maxBytes }: { code: string; maxBytes: number }) {
  const fetcher = useFetcher<Reply>();
  const file = useRef<File | null>(null);
  const [fileLabel, setFileLabel] = useState<string | null>(null);
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [dragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  // The sheet and column mapping the shown preview was made with: applying must read the file the same way.
  const [readAs, setReadAs] = useState<Record<string, string>>({});
  const reply = fetcher.data;
  const busy = fetcher.state !== "idle";
  const preview: Preview | null = reply?.ok && "preview" in reply && reply.preview ? (reply.preview as Preview) : null;
  const applied = reply?.ok && "applied" in reply && reply.applied ? reply.applied : null;
  const { t } = useTranslation("import");
  const f = useFormat();

  const send = (intent: "preview" | "apply", extra: Record<string, string> = {}) => {
    if (!file.current) return setLocalError(t("chooseFirst"));
    if (file.current.size > maxBytes) return setLocalError(t("tooLarge", { size: mb(file.current.size), max: mb(maxBytes) }));
    setLocalError(null);
    const form = new FormData();
    form.set("intent", intent);
    form.set("mode", mode);
    form.set("file", file.current);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    if (intent === "preview") setReadAs(Object.fromEntries(Object.entries(extra).filter(([k]) => READ_AS.has(k))));
    fetcher.submit(form, { method: "post", encType: "multipart/form-data", action: `/frameworks/${code}/import` });
  };
  const choose = (f: File | undefined) => {
    if (!f) return;
    file.current = f;
    setFileLabel(`${f.name} (${mb(f.size)})`);
    send("preview");
  };

  return (
    <div className="import">
      <section className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">{t("step1")}</h2>
        <label
          className={`dropzone${dragging ? " is-dragging" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            choose(e.dataTransfer.files[0]);
          }}
        >
          <span>{t("drop")} </span>
          <span className="button">{t("choose")}</span>
          <input type="file" name="file" accept=".csv,.tsv,.txt,.xlsx,.json" className="sr-only" onChange={(e) => choose(e.currentTarget.files?.[0])} aria-describedby="upload-help" />
        </label>
        <p id="upload-help" className="muted small">
          {t("help", { max: mb(maxBytes) })}
        </p>
        <fieldset className="mode">
          <legend>{t("modeLegend")}</legend>
          <label>
            <input type="radio" name="mode" value="merge" checked={mode === "merge"} onChange={() => setMode("merge")} /> {t("modeMerge")}
          </label>
          <label>
            <input type="radio" name="mode" value="replace" checked={mode === "replace"} onChange={() => setMode("replace")} /> {t("modeReplace")}
          </label>
        </fieldset>
        {fileLabel ? (
          <p>
            {t("selected")} <strong>{fileLabel}</strong>{" "}
            <button type="button" className="button" onClick={() => send("preview", readAs)} disabled={busy}>
              {t("previewAgain")}
            </button>
          </p>
        ) : null}
        {busy ? (
          <p role="status" className="progress">
            <span className="spinner" aria-hidden="true" /> {t(fetcher.formData?.get("intent") === "apply" ? "applying" : "reading", { file: fileLabel })}
          </p>
        ) : null}
        {localError || (reply && !reply.ok) ? (
          <p role="alert" className="form-error">
            {localError ?? (reply && !reply.ok ? reply.message : "")}
          </p>
        ) : null}
        {applied ? (
          <p role="status" className="form-success">
            {applied.unchanged
              ? t("appliedNothing", { file: applied.fileName })
              : t("applied", { file: applied.fileName, created: sum(applied.counts.created), updated: sum(applied.counts.updated), removed: sum(applied.counts.removed) })}{" "}
            <a href={`/frameworks/${code}`}>{t("openFramework")}</a>
          </p>
        ) : null}
      </section>

      {preview && !busy ? (
        <>
          <section className="panel" aria-labelledby="preview-title">
            <h2 id="preview-title">{t("step2")}</h2>
            <p>
              <strong>{preview.fileName}</strong>: {LAYOUTS.has(preview.layout) ? t(`layout.${preview.layout}`) : preview.layout}
              {preview.encoding ? `, ${preview.encoding}` : ""}
              {preview.delimiter ? `, ${preview.delimiter === "\t" ? t("byTabs") : t("byChar", { char: preview.delimiter })}` : ""}; {t("rows", { count: preview.rowCount, n: f.number(preview.rowCount) })}
            </p>
            {preview.sheets && preview.sheets.length > 1 ? (
              <div className="field inline">
                <label htmlFor="sheet">{t("worksheet")}</label>
                <select id="sheet" defaultValue={preview.sheet ?? ""} onChange={(e) => send("preview", { sheet: e.target.value })}>
                  {preview.sheets.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                      {s.hidden ? ` ${t("hidden")}` : ""}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {preview.layout === "unknown" || readAs.mapping ? (
              <MappingForm
                key={`${preview.fileName}-${preview.sheet ?? ""}`}
                headers={preview.headers}
                suggested={readAs.mapping ? (JSON.parse(readAs.mapping) as Record<string, string | null>) : (preview.suggestedMapping ?? {})}
                onApply={(mapping) => send("preview", { mapping: JSON.stringify(mapping), ...(preview.sheet ? { sheet: preview.sheet } : {}) })}
              />
            ) : null}
            {preview.plan ? (
              <table className="data-table counts-table">
                <caption>{t("plan.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("plan.kind")}</th>
                    <th scope="col" className="num">{t("plan.create")}</th>
                    <th scope="col" className="num">{t("plan.update")}</th>
                    <th scope="col" className="num">{t("plan.unchanged")}</th>
                    {preview.plan.mode === "replace" ? <th scope="col" className="num">{t("plan.remove")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {KINDS.map((k) => (
                    <tr key={k}>
                      <th scope="row">{t(`plan.kinds.${k}`)}</th>
                      <td className="num">{preview.plan!.created[k] ?? 0}</td>
                      <td className="num">{preview.plan!.updated[k] ?? 0}</td>
                      <td className="num">{preview.plan!.unchanged[k] ?? 0}</td>
                      {preview.plan!.mode === "replace" ? <td className="num">{preview.plan!.removed[k] ?? 0}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {preview.plan?.mode === "replace" && preview.plan.removals.length ? (
              <details className="removals" open>
                <summary>
                  {t("plan.removes", { nodes: preview.plan.removals.length, links: preview.plan.linkRemovals })}
                </summary>
                <ul>
                  {preview.plan.removals.map((n, i) => (
                    <li key={`${n}-${i}`}>{n}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            {preview.rows.length ? (
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t("firstRowsLabel")}>
                <table className="data-table preview-table">
                  <caption>{t("firstRows")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("row")}</th>
                      {preview.headers.map((h, i) => (
                        <th key={`${h}-${i}`} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.row}>
                        <th scope="row">{r.row}</th>
                        {r.cells.map((c, i) => (
                          <td key={i}>{c}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
          {preview.typeFixes > 0 ? (
            <TypeFix
              rows={preview.typeFixes}
              onFix={() => send("preview", { ...readAs, typesFromDictionary: "1", ...(preview.sheet ? { sheet: preview.sheet } : {}) })}
            />
          ) : null}
          <FindingsTable findings={preview.findings} total={preview.findingsTotal} fileName={preview.fileName} />
          {preview.plan ? (
            <section className="panel" aria-labelledby="apply-title">
              <h2 id="apply-title">{t("step3")}</h2>
              {preview.plan.ok ? (
                <button type="button" className="button primary" onClick={() => send("apply", { ...readAs, baseRevision: String(preview.revision), ...(preview.sheet ? { sheet: preview.sheet } : {}) })}>
                  {t("apply")}
                </button>
              ) : (
                <p className="form-error">{t("cannotApply")}</p>
              )}
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** The one-click fix for rows whose Competency type contradicts the dictionary. */
function TypeFix({ rows, onFix }: { rows: number; onFix: () => void }) {
  const { t } = useTranslation("import");
  return (
    <section className="panel type-fix" aria-labelledby="type-fix-title">
      <h2 id="type-fix-title">{t("typeFix.heading")}</h2>
      <p>{t("typeFix.text", { count: rows })}</p>
      <button type="button" className="button primary" onClick={onFix}>
        {t("typeFix.button", { count: rows })}
      </button>
    </section>
  );
}

const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
