/**
 * The import page's client: choose or drop a file, see the preview (counts, first rows, findings),
 * map unknown columns, then apply. The same file is sent again on apply, with the revision the
 * preview was made on, so nothing changes behind the author's back.
 */
import { useFetcher } from "@remix-run/react";
import { useRef, useState } from "react";
import { FindingsTable, type FindingRow } from "./findings-table";
import { MappingForm } from "./mapping-form";

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

const LAYOUTS: Record<string, string> = {
  flat: "Flat layout (one row per chain)",
  "frac-export": "FRAC Studio CSV export",
  igot: "iGOT FRAC bulk-upload workbook",
  "frac-json": "FracDocument JSON",
  "frac-workbook": "FRAC Studio Excel export (a sheet per kind)",
  unknown: "Not recognised: map the columns below",
};
const KINDS = ["position", "role", "activity", "competency", "link"] as const;
const KIND_LABELS = { position: "Positions", role: "Roles", activity: "Activities", competency: "Competencies (dictionary)", link: "Links" } as const;
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

  const send = (intent: "preview" | "apply", extra: Record<string, string> = {}) => {
    if (!file.current) return setLocalError("Choose a file first.");
    if (file.current.size > maxBytes) return setLocalError(`The file is ${mb(file.current.size)}; at most ${mb(maxBytes)} can be imported at once.`);
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
        <h2 id="upload-title">1. Choose the file</h2>
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
          <span>Drop a .csv, .xlsx or .json file here, or </span>
          <span className="button">choose a file</span>
          <input type="file" name="file" accept=".csv,.tsv,.txt,.xlsx,.json" className="sr-only" onChange={(e) => choose(e.currentTarget.files?.[0])} aria-describedby="upload-help" />
        </label>
        <p id="upload-help" className="muted small">
          CSV in UTF-8 or UTF-16 (Excel’s “Unicode text”), separated by commas, semicolons or tabs; Excel workbooks; FracDocument JSON. Up to {mb(maxBytes)}.
        </p>
        <fieldset className="mode">
          <legend>How the file is applied</legend>
          <label>
            <input type="radio" name="mode" value="merge" checked={mode === "merge"} onChange={() => setMode("merge")} /> Add and update (nothing is removed)
          </label>
          <label>
            <input type="radio" name="mode" value="replace" checked={mode === "replace"} onChange={() => setMode("replace")} /> Replace the draft by the file (the preview lists everything it would remove)
          </label>
        </fieldset>
        {fileLabel ? (
          <p>
            Selected: <strong>{fileLabel}</strong>{" "}
            <button type="button" className="button" onClick={() => send("preview", readAs)} disabled={busy}>
              Preview again
            </button>
          </p>
        ) : null}
        {busy ? (
          <p role="status" className="progress">
            <span className="spinner" aria-hidden="true" /> {fetcher.formData?.get("intent") === "apply" ? "Applying" : "Reading and checking"} {fileLabel}…
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
              ? `Nothing to change: the draft already matches ${applied.fileName}.`
              : `Imported ${applied.fileName}: created ${sum(applied.counts.created)}, updated ${sum(applied.counts.updated)}, removed ${sum(applied.counts.removed)}. `}
            <a href={`/frameworks/${code}`}>Open the framework</a>
          </p>
        ) : null}
      </section>

      {preview && !busy ? (
        <>
          <section className="panel" aria-labelledby="preview-title">
            <h2 id="preview-title">2. Preview</h2>
            <p>
              <strong>{preview.fileName}</strong>: {LAYOUTS[preview.layout] ?? preview.layout}
              {preview.encoding ? `, ${preview.encoding}` : ""}
              {preview.delimiter ? `, separated by ${preview.delimiter === "\t" ? "tabs" : `“${preview.delimiter}”`}` : ""}; {preview.rowCount} rows.
            </p>
            {preview.sheets && preview.sheets.length > 1 ? (
              <div className="field inline">
                <label htmlFor="sheet">Worksheet</label>
                <select id="sheet" defaultValue={preview.sheet ?? ""} onChange={(e) => send("preview", { sheet: e.target.value })}>
                  {preview.sheets.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                      {s.hidden ? " (hidden)" : ""}
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
                <caption>What the import would do</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">Create</th>
                    <th scope="col" className="num">Update</th>
                    <th scope="col" className="num">Unchanged</th>
                    {preview.plan.mode === "replace" ? <th scope="col" className="num">Remove</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {KINDS.map((k) => (
                    <tr key={k}>
                      <th scope="row">{KIND_LABELS[k]}</th>
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
                  Replacing removes {preview.plan.removals.length} nodes and {preview.plan.linkRemovals} links that the file does not mention
                </summary>
                <ul>
                  {preview.plan.removals.map((n, i) => (
                    <li key={`${n}-${i}`}>{n}</li>
                  ))}
                </ul>
              </details>
            ) : null}
            {preview.rows.length ? (
              <div className="table-scroll" tabIndex={0} role="region" aria-label="First rows of the file">
                <table className="data-table preview-table">
                  <caption>The first rows, as they will be read</caption>
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
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
              <h2 id="apply-title">3. Apply</h2>
              {preview.plan.ok ? (
                <button type="button" className="button primary" onClick={() => send("apply", { ...readAs, baseRevision: String(preview.revision), ...(preview.sheet ? { sheet: preview.sheet } : {}) })}>
                  Apply the import
                </button>
              ) : (
                <p className="form-error">The file has errors, so it cannot be applied. Fix the rows listed above and preview it again.</p>
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
  const these = rows === 1 ? "1 row names" : `${rows} rows name`;
  return (
    <section className="panel type-fix" aria-labelledby="type-fix-title">
      <h2 id="type-fix-title">Competency types that differ from the dictionary</h2>
      <p>
        {these} a dictionary competency with a Competency type the dictionary does not give it (the errors below say which type to write).
        You can correct the file, or read it again here with the dictionary’s types; applying then uses them too. The file itself is not changed.
      </p>
      <button type="button" className="button primary" onClick={onFix}>
        Take the dictionary’s type for {rows === 1 ? "this row" : `all ${rows} rows`}
      </button>
    </section>
  );
}

const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
