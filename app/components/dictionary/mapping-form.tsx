import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

type Choice = { id: string; code: string | null; name: string; type: string };
type Reply = { ok: true } | { ok: false; message: string };

const RELATIONS = ["exactMatch", "broader", "narrower", "related"] as const;

/** A curator's form: this outside entry [relation] [KCM entry]. */
export function MappingForm({ sourceEntryId, choices }: { sourceEntryId: string; choices: Choice[] }) {
  const { t } = useTranslation("dictionary-sources");
  const fetcher = useFetcher<Reply>();
  const id = useId();
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.message : null;
  return (
    <fetcher.Form method="post" action="/dictionary/mappings" className="mapping-form">
      <input type="hidden" name="intent" value="map" />
      <input type="hidden" name="sourceEntryId" value={sourceEntryId} />
      <label htmlFor={`${id}-relation`}>{t("entry.thisEntry")}</label>{" "}
      <select id={`${id}-relation`} name="relation" defaultValue="exactMatch">
        {RELATIONS.map((value) => (
          <option key={value} value={value}>
            {t(`relation.${value}`)}
          </option>
        ))}
      </select>{" "}
      <label htmlFor={`${id}-kcm`} className="sr-only">
        {t("map.kcmEntry")}
      </label>
      <select id={`${id}-kcm`} name="competencyId" defaultValue="" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{t("map.choose")}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.code ? `${c.code} ` : ""}
            {c.name} ({c.type})
          </option>
        ))}
      </select>{" "}
      <button type="submit" disabled={fetcher.state !== "idle"}>
        {t("map.submit")}
      </button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** Removes one mapping (curators). */
export function UnmapButton({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation("dictionary-sources");
  const fetcher = useFetcher<Reply>();
  return (
    <fetcher.Form method="post" action="/dictionary/mappings" className="unmap-form">
      <input type="hidden" name="intent" value="unmap" />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="small-button" aria-label={t("map.removeLabel", { name: label })} disabled={fetcher.state !== "idle"}>
        {t("map.remove")}
      </button>
    </fetcher.Form>
  );
}
