/** Above the canvas: add a position, find a node, focus on one position, layout, undo/redo and the save status. */
import { useMemo, useState } from "react";
import { Combobox, type ComboOption } from "../combobox";
import { useEditor } from "./store";
import { useTranslation } from "react-i18next";

type Props = {
  onAddPosition: (name: string) => void;
  onFind: (id: string) => void;
  onRelayout: () => void;
  onSaveNow: () => void;
  loadDesignations: () => Promise<string[]>;
  /** The "changes since the last published version" switch; null when nothing is published yet. */
  changes: { version: number; shown: boolean; onToggle: (shown: boolean) => void } | null;
};


/** The editor's toolbar. */
export function Toolbar({ onAddPosition, onFind, onRelayout, onSaveNow, loadDesignations, changes }: Props) {
  const nodes = useEditor((s) => s.nodes);
  const canEdit = useEditor((s) => s.canEdit);
  const canUndo = useEditor((s) => s.undoStack.length > 0);
  const canRedo = useEditor((s) => s.redoStack.length > 0);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  const status = useEditor((s) => s.saveStatus);
  const focusId = useEditor((s) => s.focusId);
  const setFocus = useEditor((s) => s.setFocus);
  const [designations, setDesignations] = useState<ComboOption[]>([]);
  const { t } = useTranslation("editor");

  const all = useMemo(
    () => Object.values(nodes).map((n) => ({ id: n.id, label: n.name, hint: t(`common:kind.${n.kind}`), detail: n.nameHi })),
    [nodes, t],
  );
  const positions = useMemo(() => Object.values(nodes).filter((n) => n.kind === "position"), [nodes]);

  return (
    <div className="toolbar" role="toolbar" aria-label={t("toolbar.label")}>
      {canEdit ? (
        <Combobox
          label={t("toolbar.addPosition")}
          placeholder={t("toolbar.addPlaceholder")}
          options={designations}
          onFocus={() => {
            if (designations.length === 0) void loadDesignations().then((names) => setDesignations(names.map((n) => ({ id: n, label: n }))));
          }}
          onChoose={(o) => onAddPosition(o.label)}
          onCreate={onAddPosition}
          createLabel={(text) => t("toolbar.addNamed", { name: text })}
        />
      ) : null}
      <Combobox label={t("toolbar.find")} placeholder={t("toolbar.findPlaceholder")} options={all} onChoose={(o) => onFind(o.id)} />
      <div className="field">
        <label htmlFor="focus-select">{t("toolbar.show")}</label>
        <select id="focus-select" value={focusId ?? ""} onChange={(e) => setFocus(e.target.value || null)}>
          <option value="">{t("toolbar.whole")}</option>
          {positions.map((p) => (
            <option key={p.id} value={p.id}>
              {t("toolbar.only", { name: p.name })}
            </option>
          ))}
        </select>
      </div>
      {changes ? (
        <label className="toolbar-check">
          <input type="checkbox" checked={changes.shown} onChange={(e) => changes.onToggle(e.target.checked)} /> {t("toolbar.changesSince", { version: changes.version })}
        </label>
      ) : null}
      <div className="toolbar-buttons">
        <button type="button" className="button" onClick={onRelayout}>
          {t("toolbar.relayout")}
        </button>
        {canEdit ? (
          <>
            <button type="button" className="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
              {t("toolbar.undo")}
            </button>
            <button type="button" className="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
              {t("toolbar.redo")}
            </button>
            <button type="button" className="button" onClick={onSaveNow} aria-keyshortcuts="Control+S">
              {t("toolbar.save")}
            </button>
            <span className={`save-status save-${status}`} role="status" aria-live="polite">
              {t(`toolbar.status.${status}`)}
            </span>
          </>
        ) : (
          <span className="save-status">{t("toolbar.readOnly")}</span>
        )}
      </div>
    </div>
  );
}
