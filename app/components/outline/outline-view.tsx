import { Link } from "@remix-run/react";
import type { Outline, OutlineResource, Requirement } from "~/components/outline/outline-model";

/** The framework as nested lists: positions → roles → activities → competencies with required levels. */
export function OutlineView({ outline }: { outline: Outline }) {
  if (outline.positions.length === 0) {
    return <p className="empty">This framework has no positions yet.</p>;
  }
  return (
    <div className="outline">
      {outline.positions.map((p) => (
        <section key={p.node.id} className="outline-position" aria-labelledby={`pos-${p.node.id}`}>
          <h2 id={`pos-${p.node.id}`}>
            <span className="kind kind-position">Position</span> {p.node.name}
            {p.node.nameHi ? <span lang="hi" className="hindi"> · {p.node.nameHi}</span> : null}
          </h2>
          {p.node.description ? <p className="muted">{p.node.description}</p> : null}
          <Resources items={p.resources} />
          <ul className="outline-roles">
            {p.roles.map((r) => (
              <li key={r.linkId}>
                <details open>
                  <summary>
                    <span className="kind kind-role">Role</span> {r.node.name}
                    {r.node.nameHi ? <span lang="hi" className="hindi"> · {r.node.nameHi}</span> : null}
                  </summary>
                  <Requirements items={r.requirements} label="Required by the role itself" />
                  <ul className="outline-activities">
                    {r.activities.map((a) => (
                      <li key={a.linkId}>
                        <span className="kind kind-activity">Activity</span> {a.node.name}
                        <Requirements items={a.requirements} />
                        <Resources items={a.resources} />
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Requirements({ items, label }: { items: Requirement[]; label?: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="requirements" aria-label={label ?? "Competencies required"}>
      {items.map((r) => {
        const level = r.competency.scale.levels.find((l) => l.level === r.level);
        return (
          <li key={r.linkId} className={`req req-${r.competency.competencyType.toLowerCase()}`}>
            <Link to={`/dictionary/${r.competency.id}`} title={r.competency.description ?? undefined}>
              {r.competency.name}
            </Link>{" "}
            <span className="req-type">{r.competency.competencyType}</span>{" "}
            <span className="level" title={level?.descriptor}>
              Level {r.level}
              {level ? ` · ${level.name}` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Resources({ items }: { items: OutlineResource[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="resources" aria-label="Knowledge resources">
      {items.map((r) => (
        <li key={r.linkId}>
          <span className="kind kind-resource">Resource</span>{" "}
          {r.node.kind === "knowledge_resource" && r.node.url ? (
            <a href={r.node.url} rel="noopener noreferrer" target="_blank">
              {r.node.name}
            </a>
          ) : (
            r.node.name
          )}
        </li>
      ))}
    </ul>
  );
}
