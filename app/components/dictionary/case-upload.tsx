import { useFetcher } from "@remix-run/react";

type Reply =
  | { ok: true; source: { identifier: string; title: string }; created: number; updated: number; unchanged: number }
  | { ok: false; message: string };

/** The curators' upload of a CASE package (an outside framework) into the dictionary as a source. */
export function CaseUpload() {
  const fetcher = useFetcher<Reply>();
  const reply = fetcher.data;
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action="/dictionary/sources" encType="multipart/form-data" className="case-upload" aria-labelledby="case-upload-title">
      <h3 id="case-upload-title">Import an outside framework</h3>
      <p className="muted small">
        A CASE package (JSON, CASE 1.1 or the 1.0 shape OpenSALT exports). Its items keep their identifiers; importing the same package again
        updates what changed and creates nothing new.
      </p>
      <label htmlFor="case-file">CASE package (.json)</label>{" "}
      <input id="case-file" name="file" type="file" accept=".json,application/json" required />{" "}
      <button type="submit" disabled={busy}>
        {busy ? "Importing…" : "Import"}
      </button>
      {reply && !reply.ok ? (
        <p role="alert" className="form-error">
          {reply.message}
        </p>
      ) : null}
      {reply && reply.ok ? (
        <p role="status" className="form-success">
          {reply.created + reply.updated === 0 ? "Nothing changed" : `Created ${reply.created}, updated ${reply.updated}`}, {reply.unchanged} unchanged in{" "}
          <a href={`/dictionary/sources/${encodeURIComponent(reply.source.identifier)}`}>{reply.source.title}</a>.
        </p>
      ) : null}
    </fetcher.Form>
  );
}
