/** The panel beside the canvas: the selected node's fields and links, or the selected link. */
import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { NODE_KIND_LABELS, type NodeKind } from "@schemas/enums";
import { CompetencyIndex } from "@schemas/competency-match";
import type { ComboOption } from "../combobox";
import { ImportanceSelect } from "./importance-select";
import { LevelSelect } from "./level-select";
import { NodeForm } from "./node-form";
import { Relations } from "./relations";
import { useEditor } from "./store";
import type { DictionaryOption } from "./types";
import type { EditorActions } from "./use-editor-actions";

type Props = { actions: EditorActions; onDelete: (id: string) => void };

function dictionaryOption(d: DictionaryOption): ComboOption {
  const hint = [d.type, d.theme, d.code, d.mdoCode].filter(Boolean).join(" · ");
  return { id: d.id, label: d.name, hint, detail: d.description };
}

/** Shows and edits whatever is selected. */
export function SidePanel({ actions, onDelete }: Props) {
  const selection = useEditor((s) => s.selection);
  const nodes = useEditor((s) => s.nodes);
  const links = useEditor((s) => s.links);
  const dictionary = useEditor((s) => s.dictionary);
  const canEdit = useEditor((s) => s.canEdit);

  const optionsByKind = useMemo(() => {
    const out = new Map<NodeKind, ComboOption[]>();
    for (const n of Object.values(nodes)) {
      if (n.kind === "competency") continue;
      const list = out.get(n.kind) ?? [];
      list.push({ id: n.id, label: n.name, detail: n.description });
      out.set(n.kind, list);
    }
    out.set("competency", [...dictionary.values()].map(dictionaryOption));
    return out;
  }, [nodes, dictionary]);
  // The import's matching rules (code, name, theme), so that the picker and a sheet agree on what a name means.
  const namedCompetencies = useMemo(() => {
    const index = new CompetencyIndex(dictionary.values());
    return (text: string): ComboOption[] => {
      const match = index.match({ name: text.trim() });
      if (match.status === "found") return [dictionaryOption(match.entry)];
      return match.status === "ambiguous" ? match.candidates.map(dictionaryOption) : [];
    };
  }, [dictionary]);

  if (!selection) {
    return (
      <div className="side-panel-empty">
        <h2>Nothing selected</h2>
        <p className="muted">
          Select a node to edit it and its links, or use <strong>Add position</strong> above. Drag from the right edge of a node to
          the left edge of another to link them.
        </p>
      </div>
    );
  }

  if (selection.type === "link") {
    const link = links[selection.id];
    if (!link) return null;
    const from = nodes[link.from];
    const to = nodes[link.to];
    return (
      <div>
        <p className="panel-kind">Link</p>
        <h2>
          {from?.name} → {to?.name}
        </h2>
        {to?.scale && link.level !== undefined ? (
          <div className="field">
            <span id="link-level-label">Required level</span>
            <LevelSelect scale={to.scale} value={link.level} disabled={!canEdit} label="Required level" onChange={(level) => actions.setLevel(link, level)} />
            <p className="muted small">{to.scale.levels.find((l) => l.level === link.level)?.descriptor}</p>
          </div>
        ) : null}
        {to?.kind === "competency" ? (
          <div className="field">
            <span>Importance</span>
            <ImportanceSelect value={link.importance} disabled={!canEdit} label="Importance" onChange={(importance) => actions.setImportance(link, importance)} />
          </div>
        ) : null}
        {canEdit ? (
          <button type="button" className="button danger" onClick={() => actions.unlink(link)}>
            Remove this link
          </button>
        ) : null}
      </div>
    );
  }

  const node = nodes[selection.id];
  if (!node) return null;
  const childLinks = Object.values(links).filter((l) => l.from === node.id).sort((a, b) => a.order - b.order);
  const parentLinks = Object.values(links).filter((l) => l.to === node.id);
  const formKey = [node.id, node.name, node.nameHi, node.description, node.descriptionHi, node.source, node.url, node.resourceType, node.sanctionedPosts].join("\u0000");
  return (
    <div>
      <p className="panel-kind">{node.kind === "competency" ? `${node.competencyType} competency` : NODE_KIND_LABELS[node.kind]}</p>
      <h2 className="panel-title">{node.name}</h2>
      {node.kind === "competency" ? (
        <div className="competency-facts">
          {node.theme ? <p className="small">Sub-theme of {node.theme}</p> : null}
          {node.code ? (
            <p className="small">
              KCM code <code>{node.code}</code>
            </p>
          ) : null}
          <p>{node.description || <span className="muted">No description in the dictionary.</span>}</p>
          <p className="small">
            <Link to={`/dictionary/${node.id}`} target="_blank">
              Open the dictionary entry
            </Link>
          </p>
        </div>
      ) : (
        <NodeForm key={formKey} node={node} readOnly={!canEdit} onApply={(fields) => actions.update(node.id, fields)} />
      )}
      <Relations
        node={node}
        nodes={nodes}
        childLinks={childLinks}
        parentLinks={parentLinks}
        optionsFor={(k) => optionsByKind.get(k) ?? []}
        namedCompetencies={namedCompetencies}
        readOnly={!canEdit}
        actions={actions}
      />
      {canEdit ? (
        <button type="button" className="button danger" onClick={() => onDelete(node.id)}>
          {node.kind === "competency" ? "Remove from this framework" : `Delete ${NODE_KIND_LABELS[node.kind].toLowerCase()}`}
        </button>
      ) : null}
    </div>
  );
}
