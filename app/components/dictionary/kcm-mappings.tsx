import { Link } from "@remix-run/react";

type Mapped = { id: string; relationLabel: string; sourceEntryId: string; statement: string; humanCodingScheme: string | null; sourceId: string; sourceTitle: string };

/** On a KCM entry's page: the outside entries curators have mapped to it. */
export function KcmMappings({ mappings }: { mappings: Mapped[] }) {
  if (mappings.length === 0) return null;
  return (
    <>
      <h2>In outside frameworks</h2>
      <ul className="mapping-list">
        {mappings.map((m) => (
          <li key={m.id}>
            <Link to={`/dictionary/${encodeURIComponent(m.sourceEntryId)}`}>{m.statement}</Link> {m.humanCodingScheme ? <code className="small">{m.humanCodingScheme}</code> : null}{" "}
            <span className="muted small">
              ({m.sourceTitle}) {m.relationLabel} this entry
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
