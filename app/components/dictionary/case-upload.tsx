import { useFetcher } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

type Reply =
  | { ok: true; source: { identifier: string; title: string }; created: number; updated: number; unchanged: number }
  | { ok: false; message: string };

/** The curators' upload of a CASE package (an outside framework) into the dictionary as a source. */
export function CaseUpload() {
  const { t } = useTranslation("dictionary-sources");
  const fetcher = useFetcher<Reply>();
  const reply = fetcher.data;
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action="/dictionary/sources" encType="multipart/form-data" className="case-upload" aria-labelledby="case-upload-title">
      <h3 id="case-upload-title">{t("upload.title")}</h3>
      <p className="muted small">{t("upload.hint")}</p>
      <label htmlFor="case-file">{t("upload.label")}</label> <input id="case-file" name="file" type="file" accept=".json,application/json" required />{" "}
      <button type="submit" disabled={busy}>
        {busy ? t("upload.busy") : t("upload.submit")}
      </button>
      {reply && !reply.ok ? (
        <p role="alert" className="form-error">
          {reply.message}
        </p>
      ) : null}
      {reply && reply.ok ? (
        <p role="status" className="form-success">
          <Trans
            t={t}
            i18nKey={reply.created + reply.updated === 0 ? "upload.nothingChanged" : "upload.changed"}
            values={{ created: reply.created, updated: reply.updated, unchanged: reply.unchanged, title: reply.source.title }}
            components={{ anchor: <a href={`/dictionary/sources/${encodeURIComponent(reply.source.identifier)}`} /> }}
          />
        </p>
      ) : null}
    </fetcher.Form>
  );
}
