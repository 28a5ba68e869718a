/** Asks before a delete and says what else goes with it (only links; nodes used elsewhere stay). */
import { useEffect, useRef } from "react";
import { NODE_KIND_LABELS } from "@schemas/enums";
import { linksOf } from "./apply-op";
import type { GraphState } from "./types";

type Props = { state: GraphState; nodeId: string | null; onConfirm: (id: string) => void; onCancel: () => void };

/** A modal dialog listing the links that a delete removes. */
export function ConfirmDelete({ state, nodeId, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
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
            {node.kind === "competency" ? `Remove “${node.name}” from this framework?` : `Delete ${NODE_KIND_LABELS[node.kind].toLowerCase()} “${node.name}”?`}
          </h2>
          {links.length ? (
            <>
              <p>
                {links.length === 1 ? "This link goes with it" : `These ${links.length} links go with it`}; the nodes at their other ends
                stay:
              </p>
              <ul className="confirm-list">
                {links.slice(0, 12).map((l) => (
                  <li key={l.id}>
                    {state.nodes[l.from]?.name} → {state.nodes[l.to]?.name}
                    {l.level !== undefined ? ` (level ${l.level})` : ""}
                  </li>
                ))}
                {links.length > 12 ? <li>…and {links.length - 12} more</li> : null}
              </ul>
            </>
          ) : (
            <p>Nothing else is linked to it.</p>
          )}
          <p className="muted small">You can undo this with Ctrl+Z.</p>
          <div className="dialog-buttons">
            {/* why no autoFocus: showModal() focuses the first button, Cancel, the least destructive choice (ARIA practices for a dialog that deletes). */}
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="button danger" onClick={() => onConfirm(node.id)}>
              {node.kind === "competency" ? "Remove" : "Delete"}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
