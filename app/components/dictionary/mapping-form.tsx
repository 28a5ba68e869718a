import { useFetcher } from "@remix-run/react";
import { useId } from "react";

type Choice = { id: string; code: string | null; name: string; type: string };
type Reply = { ok: true } | { ok: false; message: string };

const RELATIONS = [
  ["exactMatch", "is an exact match of"],
  ["broader", "is broader than"],
  ["narrower", "is narrower than"],
  ["related", "is related to"],
] as const;

/** A curator's form: this outside entry [relation] [KCM entry]. */
export function MappingForm({ sourceEntryId, choices }: { sourceEntryId: string; choices: Choice[] }) {
  const fetcher = useFetcher<Reply>();
  const id = useId();
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.message : null;
  return (
    <fetcher.Form method="post" action="/dictionary/mappings" className="mapping-form">
      <input type="hidden" name="intent" value="map" />
      <input type="hidden" name="sourceEntryId" value={sourceEntryId} />
      <label htmlFor={`${id}-relation`}>This entry</label>{" "}
      <select id={`${id}-relation`} name="relation" defaultValue="exactMatch">
        {RELATIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>{" "}
      <label htmlFor={`${id}-kcm`} className="sr-only">
        KCM entry
      </label>
      <select id={`${id}-kcm`} name="competencyId" defaultValue="" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">Choose a KCM entry…</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.code ? `${c.code} ` : ""}
            {c.name} ({c.type})
          </option>
        ))}
      </select>{" "}
      <button type="submit" disabled={fetcher.state !== "idle"}>
        Map
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
  const fetcher = useFetcher<Reply>();
  return (
    <fetcher.Form method="post" action="/dictionary/mappings" className="unmap-form">
      <input type="hidden" name="intent" value="unmap" />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="small-button" aria-label={`Remove the mapping to ${label}`} disabled={fetcher.state !== "idle"}>
        Remove
      </button>
    </fetcher.Form>
  );
}
