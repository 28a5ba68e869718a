/** Asks before a delete and says what else goes with it (only links; nodes used elsewhere stay). */
import { useEffect, useRef } from "react";
import { linksOf } from "./apply-op";
import type { GraphState } from "./types";
import { useTranslation } from "react-i18next";

type Props = { state: GraphState; nodeId: string | null; onConfirm: (id: string) => void; onCancel: () => void };

/** A modal dialog listing the links that a delete removes. */
export function ConfirmDelete({ state, nodeId, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation("editor");
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (nodeId && !dialog.open) dialog.showModal();
    if (!nodeId && dialog.open) dialog.close();
  }, [nodeId]);
  const node = nodeId ? state.nodes[nodeId] : undefined;
  const links = nodeId ? linksOf(state, nodeId) : [];
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="confirm-title" onCancel={onCancel} onClose={onCancel}>
      {node ? (
        <>
          <h2 id="confirm-title">
            {node.kind === "competency" ? t("confirm.removeTitle", { name: node.name }) : t("confirm.deleteTitle", { kind: t(`common:kind.${node.kind}`).toLowerCase(), name: node.name })}
          </h2>
          {links.length ? (
            <>
              <p>
                {t("confirm.links", { count: links.length })}
              </p>
              <ul className="confirm-list">
                {links.slice(0, 12).map((l) => (
                  <li key={l.id}>
                    {state.nodes[l.from]?.name} → {state.nodes[l.to]?.name}
                    {l.level !== undefined ? ` (${t("common:level", { level: l.level })})` : ""}
                  </li>
                ))}
                {links.length > 12 ? <li>{t("confirm.more", { count: links.length - 12 })}</li> : null}
              </ul>
            </>
          ) : (
            <p>{t("confirm.nothingLinked")}</p>
          )}
          <p className="muted small">{t("confirm.undo")}</p>
          <div className="dialog-buttons">
            {/* why no autoFocus: showModal() focuses the first button, Cancel, the least destructive choice (ARIA practices for a dialog that deletes). */}
            <button type="button" className="button" onClick={onCancel}>
              {t("confirm.cancel")}
            </button>
            <button type="button" className="button danger" onClick={() => onConfirm(node.id)}>
              {node.kind === "competency" ? t("confirm.remove") : t("confirm.delete")}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
