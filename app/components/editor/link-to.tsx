/**
 * "Link to…": links the selected node under another node chosen from a list, so a link can be
 * made by keyboard (the canvas makes it by dragging from one node to another).
 */
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { allowedParentKinds, linkKindFor } from "@schemas/enums";
import type { EditorLink, EditorNode } from "./types";

type Props = {
  node: EditorNode;
  nodes: Record<string, EditorNode>;
  parentLinks: EditorLink[];
  onLink: (parentId: string) => void;
};

/** A list of the nodes that may take this one as a child and do not yet, and a button that links. */
export function LinkTo({ node, nodes, parentLinks, onLink }: Props) {
  const { t } = useTranslation(["graph", "a11y"]);
  const id = useId();
  const [choice, setChoice] = useState("");
  const kinds = allowedParentKinds(node.kind);
  const linked = new Set(parentLinks.map((l) => l.from));
  const groups = kinds
    .map((kind) => ({
      kind,
      options: Object.values(nodes)
        .filter((n) => n.kind === kind && n.id !== node.id && !linked.has(n.id) && linkKindFor(n.kind, node.kind))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((g) => g.options.length > 0);
  if (kinds.length === 0) return null;
  const kind = t(`a11y:kind.${node.kind}`);
  if (groups.length === 0) return <p className="muted small">{t("linkTo.nothing", { kind })}</p>;
  return (
    <form
      className="link-to"
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) return;
        onLink(choice);
        setChoice("");
      }}
    >
      <label htmlFor={id}>{t("linkTo.label")}</label>
      <p id={`${id}-hint`} className="muted small">
        {t("linkTo.hint", { kind, parents: kinds.map((k) => t(`a11y:kind.${k}`)).join(t("linkTo.or")) })}
      </p>
      <div className="link-to-row">
        <select id={id} value={choice} aria-describedby={`${id}-hint`} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t("linkTo.choose")}</option>
          {groups.map((g) => (
            <optgroup key={g.kind} label={t(`graph:node.kind.${g.kind}`)}>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="submit" className="button small-button">
          {t("linkTo.submit")}
        </button>
      </div>
    </form>
  );
}
