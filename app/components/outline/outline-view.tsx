import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BilingualDescription, BilingualName } from "~/components/bilingual-name";
import { ReusedFrom } from "~/components/reuse/reused-from";
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
          <BilingualDescription content={p.node} className="muted" />
          <Resources items={p.resources} />
          <ul className="outline-roles">
            {p.roles.map((r) => (
              <li key={r.linkId}>
                <details open>
                  <summary>
                    <span className="kind kind-role">{t("common:kind.role")}</span> <BilingualName name={r.node.name} nameHi={r.node.nameHi} />
                    <ReusedFrom node={r.node} />
                  </summary>
                  <Requirements items={r.requirements} label={t("outline.requiredByRole")} />
                  <ul className="outline-activities">
                    {r.activities.map((a) => (
                      <li key={a.linkId}>
                        <span className="kind kind-activity">{t("common:kind.activity")}</span> <BilingualName name={a.node.name} nameHi={a.node.nameHi} />
                        <ReusedFrom node={a.node} />
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

/**
 * The few labels a requirement repeats (its type, "Level N"), translated once per language and kept:
 * CBIC's outline has about 700 requirements, and asking i18next for each label each time cost a
 * quarter of the page's render.
 */
const requirementLabels = new Map<string, string>();
function labelOnce(lang: string, key: string, make: () => string): string {
  const cacheKey = `${lang}|${key}`;
  let label = requirementLabels.get(cacheKey);
  if (label === undefined) {
    label = make();
    requirementLabels.set(cacheKey, label);
  }
  return label;
}

function Requirements({ items, label }: { items: Requirement[]; label?: string }) {
  const { t, i18n } = useTranslation("framework");
  if (items.length === 0) return null;
  const lang = i18n.language;
  return (
    <ul className="requirements" aria-label={label ?? labelOnce(lang, "outline.competenciesRequired", () => t("outline.competenciesRequired"))}>
      {items.map((r) => {
        const level = r.competency.scale.levels.find((l) => l.level === r.level);
        const type = r.competency.competencyType;
        return (
          <li key={r.linkId} className={`req req-${type.toLowerCase()}`}>
            <Link to={`/dictionary/${r.competency.id}`}>
              <BilingualName name={r.competency.name} nameHi={r.competency.nameHi} />
            </Link>{" "}
            <span className="req-type">{labelOnce(lang, `type.${type}`, () => t(`common:competencyType.${type}`))}</span>{" "}
            <span className="level">
              {labelOnce(lang, `level.${r.level}`, () => t("common:level", { level: r.level }))}
              {level ? ` · ${labelOnce(lang, `levelName.${level.name}`, () => levelName(t, level.name))}` : ""}
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
