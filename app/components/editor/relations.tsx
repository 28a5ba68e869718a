/**
 * The selected node's links, editable without dragging: children (with add and unlink),
 * competency requirements with their level, and the parents that use this node.
 */
import { allowedChildKinds, type Importance, type NodeKind } from "@schemas/enums";
import { Combobox, type ComboOption } from "../combobox";
import { ProposeLink } from "../dictionary/propose-link";
import { ImportanceSelect } from "./importance-select";
import { LevelSelect } from "./level-select";
import { focusPanel } from "./keyboard";
import { LinkTo } from "./link-to";
import type { EditorLink, EditorNode } from "./types";
import { useTranslation } from "react-i18next";

export type RelationActions = {
  addChild: (parentId: string, kind: NodeKind, name: string) => void;
  linkExisting: (parentId: string, childId: string) => void;
  requireCompetency: (parentId: string, competencyId: string) => void;
  createDomain: (parentId: string, name: string) => void;
  unlink: (link: EditorLink) => void;
  setLevel: (link: EditorLink, level: number) => void;
  setImportance: (link: EditorLink, importance: Importance | null) => void;
  select: (id: string) => void;
};

type Props = {
  node: EditorNode;
  nodes: Record<string, EditorNode>;
  childLinks: EditorLink[];
  parentLinks: EditorLink[];
  optionsFor: (kind: NodeKind) => ComboOption[];
  /** The dictionary entries typed text names (by code or name), as the import reads a Competency cell. */
  namedCompetencies?: (text: string) => ComboOption[];
  readOnly: boolean;
  actions: RelationActions;
};

/** Lists and edits the node's children by kind, and shows who uses it. */
export function Relations({ node, nodes, childLinks, parentLinks, optionsFor, namedCompetencies, readOnly, actions }: Props) {
  const kinds = allowedChildKinds(node.kind);
  const { t } = useTranslation("editor");
  // why lower case: the kind sits inside a sentence ("Add role to this position"); Hindi has no case.
  const kindName = (k: NodeKind) => t(`common:kind.${k}`).toLowerCase();
  return (
    <>
      {kinds.map((kind) => {
        const links = childLinks.filter((l) => nodes[l.to]?.kind === kind);
        const heading = kind === "competency" ? t("rel.competencies") : t(`rel.plural.${kind}`);
        return (
          <section key={kind} className="relation" aria-label={t("rel.headingOf", { heading, name: node.name })}>
            <h3>
              {heading}{" "}
              <span className="muted">({links.length})</span>
            </h3>
            {links.length === 0 ? <p className="muted small">{t("rel.none")}</p> : null}
            <ul className="relation-list">
              {links.map((l) => {
                const child = nodes[l.to];
                return (
                  <li key={l.id}>
                    <button type="button" className="link-button" onClick={() => actions.select(child.id)}>
                      {child.name}
                    </button>
                    {child.kind === "competency" ? (
                      <LevelSelect
                        scale={child.scale}
                        value={l.level ?? 1}
                        disabled={readOnly}
                        label={t("rel.levelOf", { name: child.name })}
                        onChange={(level) => actions.setLevel(l, level)}
                      />
                    ) : null}
                    {kind === "competency" ? (
                      <ImportanceSelect
                        value={l.importance}
                        disabled={readOnly}
                        label={t("rel.importanceOf", { name: child.name })}
                        onChange={(importance) => actions.setImportance(l, importance)}
                      />
                    ) : null}
                    {readOnly ? null : (
                      <button type="button" className="button small-button" aria-label={t("rel.unlinkNamed", { name: child.name })} onClick={() => actions.unlink(l)}>
                        {t("rel.unlink")}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            {readOnly ? null : kind === "competency" ? (
              <>
                <Combobox
                  label={t("rel.require")}
                  placeholder={t("rel.requirePlaceholder")}
                  options={optionsFor("competency")}
                  named={namedCompetencies}
                  onChoose={(o) => actions.requireCompetency(node.id, o.id)}
                  onCreate={(text) => actions.createDomain(node.id, text)}
                  createLabel={(text) => t("rel.createDomain", { name: text })}
                />
                <ProposeLink />
              </>
            ) : (
              <Combobox
                label={t("rel.addTo", { kind: kindName(kind), parent: kindName(node.kind) })}
                placeholder={t("rel.addPlaceholder", { kind: kindName(kind) })}
                options={optionsFor(kind).filter((o) => !links.some((l) => l.to === o.id))}
                onChoose={(o) => actions.linkExisting(node.id, o.id)}
                onCreate={(text) => actions.addChild(node.id, kind, text)}
                createLabel={(text) => t("rel.createNamed", { kind: kindName(kind), name: text })}
              />
            )}
          </section>
        );
      })}
      {node.kind !== "position" ? (
        <section className="relation" aria-label={t("rel.usedBy")}>
          <h3>
            {t("rel.usedBy")} <span className="muted">({parentLinks.length})</span>
          </h3>
          {parentLinks.length === 0 ? <p className="muted small">{t("rel.nothingLinks")}</p> : null}
          <ul className="relation-list">
            {parentLinks.map((l) => {
              const parent = nodes[l.from];
              return (
                <li key={l.id}>
                  <span className={`kind kind-${parent.kind === "knowledge_resource" ? "resource" : parent.kind}`}>{t(`common:kind.${parent.kind}`)}</span>{" "}
                  <button type="button" className="link-button" onClick={() => actions.select(parent.id)}>
                    {parent.name}
                  </button>
                  {node.kind === "competency" ? (
                    <LevelSelect scale={node.scale} value={l.level ?? 1} disabled={readOnly} label={t("rel.levelRequiredBy", { name: parent.name })} onChange={(level) => actions.setLevel(l, level)} />
                  ) : null}
                  {node.kind === "competency" ? (
                    <ImportanceSelect value={l.importance} disabled={readOnly} label={t("rel.importanceFor", { name: parent.name })} onChange={(importance) => actions.setImportance(l, importance)} />
                  ) : null}
                </li>
              );
            })}
          </ul>
          {readOnly ? null : (
            <LinkTo
              node={node}
              nodes={nodes}
              parentLinks={parentLinks}
              onLink={(parentId) => {
                if (node.kind === "competency") actions.requireCompetency(parentId, node.id);
                else actions.linkExisting(parentId, node.id);
                // why: the list the focus was in may be gone (nothing left to link to), and a new requirement is
                // selected so its level can be set; either way the reader continues from the heading of the details.
                focusPanel();
              }}
            />
          )}
        </section>
      ) : null}
    </>
  );
}
