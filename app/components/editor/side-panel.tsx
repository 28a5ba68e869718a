/** The panel beside the canvas: the selected node's fields and links, or the selected link. */
import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { useReuseSentence } from "~/components/reuse/reuse-suggestions";
import { ReuseFinder } from "~/components/reuse/reuse-finder";
import { ReusedFrom } from "~/components/reuse/reused-from";
import type { NodeKind } from "@schemas/enums";
import { CompetencyIndex } from "@schemas/competency-match";
import type { ComboOption } from "../combobox";
import { ImportanceSelect } from "./importance-select";
import { LevelSelect } from "./level-select";
import { NodeForm } from "./node-form";
import { nodeFields } from "./node-shape";
import { Relations } from "./relations";
import { useEditor } from "./store";
import type { DictionaryOption } from "./types";
import type { EditorActions } from "./use-editor-actions";
import { Trans, useTranslation } from "react-i18next";

type Props = { actions: EditorActions; onDelete: (id: string) => void; mdoCode?: string };

function dictionaryOption(d: DictionaryOption): ComboOption {
  const hint = [d.type, d.theme, d.code, d.mdoCode].filter(Boolean).join(" · ");
  return { id: d.id, label: d.name, hint, detail: d.description };
}

/** Shows and edits whatever is selected. */
export function SidePanel({ actions, onDelete, mdoCode }: Props) {
  const reuseSentence = useReuseSentence();
  const selection = useEditor((s) => s.selection);
  const nodes = useEditor((s) => s.nodes);
  const links = useEditor((s) => s.links);
  const dictionary = useEditor((s) => s.dictionary);
  const canEdit = useEditor((s) => s.canEdit);
  const { t } = useTranslation("editor");

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
        <h2>{t("panel.nothing")}</h2>
        <p className="muted">
          <Trans t={t} i18nKey="panel.nothingHelp" components={[<strong key="0" />]} />
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
        <p className="panel-kind">{t("panel.link")}</p>
        <h2 tabIndex={-1}>
          {from?.name} → {to?.name}
        </h2>
        {to?.kind === "competency" && link.level !== undefined ? (
          <div className="field">
            <span id="link-level-label">{t("panel.requiredLevel")}</span>
            <LevelSelect scale={to.scale} value={link.level} disabled={!canEdit} label={t("panel.requiredLevel")} onChange={(level) => actions.setLevel(link, level)} />
            <p className="muted small">{to.scale.levels.find((l) => l.level === link.level)?.descriptor}</p>
          </div>
        ) : null}
        {to?.kind === "competency" ? (
          <div className="field">
            <span>{t("panel.importance")}</span>
            <ImportanceSelect value={link.importance} disabled={!canEdit} label={t("panel.importance")} onChange={(importance) => actions.setImportance(link, importance)} />
          </div>
        ) : null}
        {canEdit ? (
          <button type="button" className="button danger" onClick={() => actions.unlink(link)}>
            {t("panel.removeLink")}
          </button>
        ) : null}
      </div>
    );
  }

  const node = nodes[selection.id];
  if (!node) return null;
  const childLinks = Object.values(links).filter((l) => l.from === node.id).sort((a, b) => a.order - b.order);
  const parentLinks = Object.values(links).filter((l) => l.to === node.id);
  // why: the form's fields are uncontrolled, so a change from elsewhere (undo) must remount it.
  const formKey = `${node.id}\u0000${JSON.stringify(nodeFields(node))}`;
  return (
    <div>
      <p className="panel-kind">{node.kind === "competency" ? t("panel.typedCompetency", { type: t(`common:competencyType.${node.competencyType}`) }) : t(`common:kind.${node.kind}`)}</p>
      <h2 className="panel-title" tabIndex={-1}>
        {node.name}
      </h2>
      {(node.kind === "role" || node.kind === "activity") && node.derivedFrom ? (
        <p className="small">
          <ReusedFrom node={{ kind: node.kind, id: node.id, name: node.name, derivedFrom: node.derivedFrom }} />
        </p>
      ) : null}
      {node.kind === "competency" ? (
        <div className="competency-facts">
          {node.theme ? <p className="small">{t("panel.subThemeOf", { theme: node.theme })}</p> : null}
          {node.code ? (
            <p className="small">
              {t("panel.kcmCode")} <code>{node.code}</code>
            </p>
          ) : null}
          <p>{node.description || <span className="muted">{t("panel.noDescription")}</span>}</p>
          <p className="small">
            <Link to={`/dictionary/${node.id}`} target="_blank">
              {t("panel.openEntry")}
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
      {canEdit && mdoCode && (node.kind === "position" || node.kind === "role") ? (
        <ReuseFinder
          kind={node.kind === "position" ? "role" : "activity"}
          mdo={mdoCode}
          onReuse={(source, s) => {
            actions.reuse(node.id, source, reuseSentence(source, s.name));
          }}
        />
      ) : null}
      {canEdit ? (
        <button type="button" className="button danger" onClick={() => onDelete(node.id)}>
          {node.kind === "competency" ? t("panel.removeFromFramework") : t("panel.deleteKind", { kind: t(`common:kind.${node.kind}`).toLowerCase() })}
        </button>
      ) : null}
    </div>
  );
}
