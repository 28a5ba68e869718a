import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BilingualName } from "~/components/bilingual-name";
import type { Outline, OutlineResource, Requirement } from "~/components/outline/outline-model";
import { levelName } from "~/i18n/level-name";

/** The framework as nested lists: positions → roles → activities → competencies with required levels. */
export function OutlineView({ outline }: { outline: Outline }) {
  const { t } = useTranslation("framework");
  if (outline.positions.length === 0) {
    return <p className="empty">{t("outline.noPositions")}</p>;
  }
  return (
    <div className="outline">
      {outline.positions.map((p) => (
        <section key={p.node.id} className="outline-position" aria-labelledby={`pos-${p.node.id}`}>
          <h2 id={`pos-${p.node.id}`}>
            <span className="kind kind-position">{t("common:kind.position")}</span> <BilingualName name={p.node.name} nameHi={p.node.nameHi} />
          </h2>
          {p.node.description ? <p className="muted">{p.node.description}</p> : null}
          <Resources items={p.resources} />
          <ul className="outline-roles">
            {p.roles.map((r) => (
              <li key={r.linkId}>
                <details open>
                  <summary>
                    <span className="kind kind-role">{t("common:kind.role")}</span> <BilingualName name={r.node.name} nameHi={r.node.nameHi} />
                  </summary>
                  <Requirements items={r.requirements} label={t("outline.requiredByRole")} />
                  <ul className="outline-activities">
                    {r.activities.map((a) => (
                      <li key={a.linkId}>
                        <span className="kind kind-activity">{t("common:kind.activity")}</span> <BilingualName name={a.node.name} nameHi={a.node.nameHi} />
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
  const { t } = useTranslation("framework");
  if (items.length === 0) return null;
  return (
    <ul className="requirements" aria-label={label ?? t("outline.competenciesRequired")}>
      {items.map((r) => {
        const level = r.competency.scale.levels.find((l) => l.level === r.level);
        return (
          <li key={r.linkId} className={`req req-${r.competency.competencyType.toLowerCase()}`}>
            <Link to={`/dictionary/${r.competency.id}`} title={r.competency.description ?? undefined}>
              <BilingualName name={r.competency.name} nameHi={r.competency.nameHi} />
            </Link>{" "}
            <span className="req-type">{t(`common:competencyType.${r.competency.competencyType}`)}</span>{" "}
            <span className="level" title={level?.descriptor}>
              {t("common:level", { level: r.level })}
              {level ? ` · ${levelName(t, level.name)}` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Resources({ items }: { items: OutlineResource[] }) {
  const { t } = useTranslation("framework");
  if (items.length === 0) return null;
  return (
    <ul className="resources" aria-label={t("outline.knowledgeResources")}>
      {items.map((r) => (
        <li key={r.linkId}>
          <span className="kind kind-resource">{t("common:kind.knowledge_resource")}</span>{" "}
          {r.node.kind === "knowledge_resource" && r.node.url ? (
            <a href={r.node.url} rel="noopener noreferrer" target="_blank">
              <BilingualName name={r.node.name} nameHi={r.node.nameHi} />
            </a>
          ) : (
            <BilingualName name={r.node.name} nameHi={r.node.nameHi} />
          )}
        </li>
      ))}
    </ul>
  );
}
