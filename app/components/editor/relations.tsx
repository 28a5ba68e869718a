/**
 * The selected node's links, editable without dragging: children (with add and unlink),
 * competency requirements with their level, and the parents that use this node.
 */
import { allowedChildKinds, NODE_KIND_LABELS, NODE_KIND_PLURALS, type Importance, type NodeKind } from "@schemas/enums";
import { Combobox, type ComboOption } from "../combobox";
import { ProposeLink } from "../dictionary/propose-link";
import { ImportanceSelect } from "./importance-select";
import { LevelSelect } from "./level-select";
import { focusPanel } from "./keyboard";
import { LinkTo } from "./link-to";
import type { EditorLink, EditorNode } from "./types";

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
  return (
    <>
      {kinds.map((kind) => {
        const links = childLinks.filter((l) => nodes[l.to]?.kind === kind);
        const heading = kind === "competency" ? "Competencies required" : NODE_KIND_LABELS[kind] + "s";
        return (
          <section key={kind} className="relation" aria-label={`${heading} of ${node.name}`}>
            <h3>
              {kind === "competency" ? "Competencies required" : `${NODE_KIND_PLURALS[kind][0].toUpperCase()}${NODE_KIND_PLURALS[kind].slice(1)}`}{" "}
              <span className="muted">({links.length})</span>
            </h3>
            {links.length === 0 ? <p className="muted small">None yet.</p> : null}
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
                        label={`Required level of ${child.name}`}
                        onChange={(level) => actions.setLevel(l, level)}
                      />
                    ) : null}
                    {kind === "competency" ? (
                      <ImportanceSelect
                        value={l.importance}
                        disabled={readOnly}
                        label={`Importance of ${child.name}`}
                        onChange={(importance) => actions.setImportance(l, importance)}
                      />
                    ) : null}
                    {readOnly ? null : (
                      <button type="button" className="button small-button" aria-label={`Unlink ${child.name}`} onClick={() => actions.unlink(l)}>
                        Unlink
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            {readOnly ? null : kind === "competency" ? (
              <>
                <Combobox
                  label={`Require a competency`}
                  placeholder="Search the dictionary by name, code (BEH-001) or description"
                  options={optionsFor("competency")}
                  named={namedCompetencies}
                  onChoose={(o) => actions.requireCompetency(node.id, o.id)}
                  onCreate={(text) => actions.createDomain(node.id, text)}
                  createLabel={(text) => `Create Domain competency “${text}” for this ministry`}
                />
                <ProposeLink />
              </>
            ) : (
              <Combobox
                label={`Add ${NODE_KIND_LABELS[kind].toLowerCase()} to this ${NODE_KIND_LABELS[node.kind].toLowerCase()}`}
                placeholder={`Type a new name or pick an existing ${NODE_KIND_LABELS[kind].toLowerCase()}`}
                options={optionsFor(kind).filter((o) => !links.some((l) => l.to === o.id))}
                onChoose={(o) => actions.linkExisting(node.id, o.id)}
                onCreate={(text) => actions.addChild(node.id, kind, text)}
                createLabel={(text) => `Create ${NODE_KIND_LABELS[kind].toLowerCase()} “${text}”`}
              />
            )}
          </section>
        );
      })}
      {node.kind !== "position" ? (
        <section className="relation" aria-label={`Used by`}>
          <h3>
            Used by <span className="muted">({parentLinks.length})</span>
          </h3>
          {parentLinks.length === 0 ? <p className="muted small">Nothing links to this yet.</p> : null}
          <ul className="relation-list">
            {parentLinks.map((l) => {
              const parent = nodes[l.from];
              return (
                <li key={l.id}>
                  <span className={`kind kind-${parent.kind === "knowledge_resource" ? "resource" : parent.kind}`}>{NODE_KIND_LABELS[parent.kind]}</span>{" "}
                  <button type="button" className="link-button" onClick={() => actions.select(parent.id)}>
                    {parent.name}
                  </button>
                  {node.kind === "competency" ? (
                    <LevelSelect scale={node.scale} value={l.level ?? 1} disabled={readOnly} label={`Level ${parent.name} requires`} onChange={(level) => actions.setLevel(l, level)} />
                  ) : null}
                  {node.kind === "competency" ? (
                    <ImportanceSelect value={l.importance} disabled={readOnly} label={`Importance for ${parent.name}`} onChange={(importance) => actions.setImportance(l, importance)} />
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
