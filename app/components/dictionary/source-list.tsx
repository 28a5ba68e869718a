import { Link } from "@remix-run/react";

export type SourceListItem = { id: string; title: string; creator: string; caseVersion: string | null; entries: number };

/** The outside frameworks read into the dictionary, each linking to its entries. */
export function SourceList({ sources }: { sources: SourceListItem[] }) {
  if (sources.length === 0) return <p className="empty">No outside frameworks have been imported yet.</p>;
  return (
    <ul className="source-list">
      {sources.map((s) => (
        <li key={s.id}>
          <Link to={`/dictionary/sources/${encodeURIComponent(s.id)}`}>{s.title}</Link>{" "}
          <span className="muted small">
            · {s.entries} {s.entries === 1 ? "entry" : "entries"}
            {s.creator ? ` · ${s.creator}` : ""} · CASE {s.caseVersion ?? "1.0"}
          </span>
        </li>
      ))}
    </ul>
  );
}
