/** Above the canvas: add a position, find a node, focus on one position, layout, undo/redo and the save status. */
import { useMemo, useState } from "react";
import { Combobox, type ComboOption } from "../combobox";
import { NODE_KIND_LABELS } from "@schemas/enums";
import { useEditor } from "./store";

type Props = {
  onAddPosition: (name: string) => void;
  onFind: (id: string) => void;
  onRelayout: () => void;
  onSaveNow: () => void;
  loadDesignations: () => Promise<string[]>;
  /** The "changes since the last published version" switch; null when nothing is published yet. */
  changes: { version: number; shown: boolean; onToggle: (shown: boolean) => void } | null;
};

const STATUS_TEXT = { saved: "All changes saved", unsaved: "Unsaved changes…", saving: "Saving…", failed: "Save failed", conflict: "Changed elsewhere" } as const;

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

  const all = useMemo(
    () => Object.values(nodes).map((n) => ({ id: n.id, label: n.name, hint: NODE_KIND_LABELS[n.kind], detail: n.nameHi })),
    [nodes],
  );
  const positions = useMemo(() => Object.values(nodes).filter((n) => n.kind === "position"), [nodes]);

  return (
    <div className="toolbar" role="toolbar" aria-label="Editor tools">
      {canEdit ? (
        <Combobox
          label="Add position"
          placeholder="Designation, e.g. Deputy Commissioner"
          options={designations}
          onFocus={() => {
            if (designations.length === 0) void loadDesignations().then((names) => setDesignations(names.map((n) => ({ id: n, label: n }))));
          }}
          onChoose={(o) => onAddPosition(o.label)}
          onCreate={onAddPosition}
          createLabel={(t) => `Add position “${t}”`}
        />
      ) : null}
      <Combobox label="Find" placeholder="Search nodes by name" options={all} onChoose={(o) => onFind(o.id)} />
      <div className="field">
        <label htmlFor="focus-select">Show</label>
        <select id="focus-select" value={focusId ?? ""} onChange={(e) => setFocus(e.target.value || null)}>
          <option value="">Whole framework</option>
          {positions.map((p) => (
            <option key={p.id} value={p.id}>
              Only {p.name}
            </option>
          ))}
        </select>
      </div>
      {changes ? (
        <label className="toolbar-check">
          <input type="checkbox" checked={changes.shown} onChange={(e) => changes.onToggle(e.target.checked)} /> Changes since version {changes.version}
        </label>
      ) : null}
      <div className="toolbar-buttons">
        <button type="button" className="button" onClick={onRelayout}>
          Re-layout
        </button>
        {canEdit ? (
          <>
            <button type="button" className="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
              Undo
            </button>
            <button type="button" className="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
              Redo
            </button>
            <button type="button" className="button" onClick={onSaveNow} aria-keyshortcuts="Control+S">
              Save
            </button>
            <span className={`save-status save-${status}`} role="status" aria-live="polite">
              {STATUS_TEXT[status]}
            </span>
          </>
        ) : (
          <span className="save-status">Read only</span>
        )}
      </div>
    </div>
  );
}
