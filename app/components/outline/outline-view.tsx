import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { BilingualDescription, bilingualName, usePageLanguage } from "~/components/bilingual-name";
import { ReusedFrom } from "~/components/reuse/reused-from";
import { expandOutline, type OutlineData, type OutlineNode, type OutlineResource, type Requirement } from "~/components/outline/outline-model";
import type { Language } from "~/i18n/i18n";
import { levelName } from "~/i18n/level-name";

/**
 * The framework as nested lists: positions → roles → activities → competencies with required levels.
 * Why the rows are plain functions and not components: CBIC's outline has about 1,500 names and 600
 * requirements, and a hook per row (the language, the translations) was a fifth of the page's render
 * on the server; the page asks once and hands the answers down. A role that several positions hold
 * is shown in full once (CBIC: 33 roles held 90 times), which also makes the page shorter to read.
 */
export function OutlineView({ data }: { data: OutlineData }) {
  const { t } = useTranslation("framework");
  const lang = usePageLanguage();
  const outline = useMemo(() => expandOutline(data), [data]);
  const page = useMemo(() => pageOf(t, lang), [t, lang]);
  // A role held by several positions is shown in full under the first; the others link to it.
  const firstHolder = useMemo(() => {
    const first = new Map<string, { linkId: string; position: OutlineNode }>();
    for (const p of outline.positions) for (const r of p.roles) if (!first.has(r.node.id)) first.set(r.node.id, { linkId: r.linkId, position: p.node });
    return first;
  }, [outline]);
  if (outline.positions.length === 0) {
    return <p className="empty">{t("outline.noPositions")}</p>;
  }
  return (
    <div className="outline">
      {outline.positions.map((p) => (
        <section key={p.node.id} className="outline-position" aria-labelledby={`pos-${p.node.id}`}>
          <h2 id={`pos-${p.node.id}`}>
            <span className="kind kind-position">{page.kind.position}</span> {bilingualName(p.node, lang)}
          </h2>
          <BilingualDescription content={p.node} className="muted" />
          {resources(page, p.resources)}
          <ul className="outline-roles">
            {p.roles.map((r) => {
              const first = firstHolder.get(r.node.id)!;
              if (first.linkId !== r.linkId) {
                return (
                  <li key={r.linkId} className="outline-shared-role">
                    <span className="kind kind-role">{page.kind.role}</span> {bilingualName(r.node, lang)}
                    {reused(r.node)}
                    <p className="muted small">
                      {page.sharedRole} <a href={`#role-${r.node.id}`}>{bilingualName(first.position, lang)}</a>
                    </p>
                  </li>
                );
              }
              return (
                <li key={r.linkId} id={`role-${r.node.id}`}>
                  <details open>
                    <summary>
                      <span className="kind kind-role">{page.kind.role}</span> {bilingualName(r.node, lang)}
                      {reused(r.node)}
                    </summary>
                    {requirements(page, r.requirements, page.requiredByRole)}
                    <ul className="outline-activities">
                      {r.activities.map((a) => (
                        <li key={a.linkId}>
                          <span className="kind kind-activity">{page.kind.activity}</span> {bilingualName(a.node, lang)}
                          {reused(a.node)}
                          {requirements(page, a.requirements)}
                          {resources(page, a.resources)}
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** What every row of the page says the same way, translated once per page. */
type Page = ReturnType<typeof pageOf>;
function pageOf(t: TFunction<"framework">, lang: Language) {
  const labels = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = make()));
    return label;
  };
  return {
    lang,
    kind: { position: t("common:kind.position"), role: t("common:kind.role"), activity: t("common:kind.activity"), resource: t("common:kind.knowledge_resource") },
    requiredByRole: t("outline.requiredByRole"),
    sharedRole: t("outline.sharedRole"),
    competenciesRequired: t("outline.competenciesRequired"),
    knowledgeResources: t("outline.knowledgeResources"),
    type: (type: string) => once(`type.${type}`, () => t(`common:competencyType.${type}`)),
    level: (level: number) => once(`level.${level}`, () => t("common:level", { level })),
    levelName: (name: string) => once(`levelName.${name}`, () => levelName(t, name)),
  };
}

/** "Reused from …" only where a node was reused (most are not: no component for them). */
function reused(node: OutlineNode) {
  return (node.kind === "role" || node.kind === "activity") && node.derivedFrom ? <ReusedFrom node={node} /> : null;
}

function requirements(page: Page, items: Requirement[], label?: string) {
  if (items.length === 0) return null;
  return (
    <ul className="requirements" aria-label={label ?? page.competenciesRequired}>
      {items.map((r) => {
        const level = r.competency.scale.levels.find((l) => l.level === r.level);
        const type = r.competency.competencyType;
        return (
          <li key={r.linkId} className={`req req-${type.toLowerCase()}`}>
            {/* why a plain link: a Remix Link per requirement resolved its path on every render, 600 times a page */}
            <a href={`/dictionary/${r.competency.id}`}>{bilingualName(r.competency, page.lang)}</a> <span className="req-type">{page.type(type)}</span>{" "}
            <span className="level">
              {page.level(r.level)}
              {level ? ` · ${page.levelName(level.name)}` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function resources(page: Page, items: OutlineResource[]) {
  if (items.length === 0) return null;
  return (
    <ul className="resources" aria-label={page.knowledgeResources}>
      {items.map((r) => (
        <li key={r.linkId}>
          <span className="kind kind-resource">{page.kind.resource}</span>{" "}
          {r.node.kind === "knowledge_resource" && r.node.url ? (
            <a href={r.node.url} rel="noopener noreferrer" target="_blank">
              {bilingualName(r.node, page.lang)}
            </a>
          ) : (
            bilingualName(r.node, page.lang)
          )}
        </li>
      ))}
    </ul>
  );
}
