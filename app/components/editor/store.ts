/**
 * One zustand store per editor (made by EditorProvider): the graph, the unsaved changes,
 * undo/redo, selection and save status. Components select single fields from it.
 */
import { createContext, useContext } from "react";
import { createStore, useStore, type StoreApi } from "zustand";
import type { EditOp } from "@schemas/edit-ops";
import { applyOp } from "./apply-op";
import type { DictionaryOption, GraphState } from "./types";

export type Edit = { label: string; forward: EditOp[]; backward: EditOp[] };
export type SaveStatus = "saved" | "unsaved" | "saving" | "failed" | "conflict";
export type Selection = { type: "node"; id: string } | { type: "link"; id: string } | null;

export type EditorState = GraphState & {
  revision: number;
  canEdit: boolean;
  /** Changes made locally and not yet acknowledged by the server, oldest first. */
  pending: EditOp[];
  /** How many of `pending` (from the front) are in the save now in flight. */
  inFlight: number;
  undoStack: Edit[];
  redoStack: Edit[];
  selection: Selection;
  saveStatus: SaveStatus;
  saveMessage: string | null;
  notice: string | null;
  dictionary: Map<string, DictionaryOption>;
  collapsed: Record<string, true>;
  focusId: string | null;
  /** Applies an edit made by the author: recorded for undo and queued for saving. */
  perform: (edit: Edit) => void;
  /** Applies changes that are saved but not undoable (automatic layout positions). */
  performSilently: (changes: EditOp[]) => void;
  /** Moves a node while it is dragged, without recording anything (the drop records the move). */
  previewMove: (id: string, x: number, y: number) => void;
  undo: () => void;
  redo: () => void;
  select: (selection: Selection) => void;
  setNotice: (notice: string | null) => void;
  addDictionaryEntry: (entry: DictionaryOption) => void;
  toggleCollapsed: (id: string) => void;
  setFocus: (id: string | null) => void;
  beginSave: () => EditOp[];
  saveSucceeded: (revision: number) => void;
  saveFailed: (status: SaveStatus, message: string) => void;
};

export type EditorInit = GraphState & { revision: number; canEdit: boolean; dictionary: DictionaryOption[] };

/** Creates the store for one editor session. */
export function createEditorStore(init: EditorInit): StoreApi<EditorState> {
  return createStore<EditorState>()((set, get) => {
    const run = (state: EditorState, changes: EditOp[]): GraphState => {
      const lookup = (id: string) => state.dictionary.get(id);
      return changes.reduce<GraphState>((g, c) => applyOp(g, c, lookup), { nodes: state.nodes, links: state.links });
    };
    const enqueue = (changes: EditOp[]) => (s: EditorState) => ({
      pending: [...s.pending, ...changes],
      saveStatus: s.saveStatus === "conflict" ? ("conflict" as const) : ("unsaved" as const),
    });
    return {
      nodes: init.nodes,
      links: init.links,
      revision: init.revision,
      canEdit: init.canEdit,
      pending: [],
      inFlight: 0,
      undoStack: [],
      redoStack: [],
      selection: null,
      saveStatus: "saved",
      saveMessage: null,
      notice: null,
      dictionary: new Map(init.dictionary.map((d) => [d.id, d])),
      collapsed: {},
      focusId: null,
      perform: (edit) => {
        if (!get().canEdit || edit.forward.length === 0) return;
        set((s) => ({ ...run(s, edit.forward), ...enqueue(edit.forward)(s), undoStack: [...s.undoStack, edit].slice(-500), redoStack: [] }));
      },
      performSilently: (changes) => {
        if (changes.length === 0) return;
        // why: a reader still sees the computed layout; only an author's layout is saved.
        set((s) => ({ ...run(s, changes), ...(s.canEdit ? enqueue(changes)(s) : {}) }));
      },
      previewMove: (id, x, y) =>
        set((s) => {
          const node = s.nodes[id];
          return node ? { nodes: { ...s.nodes, [id]: { ...node, x, y } } } : {};
        }),
      undo: () => {
        const edit = get().undoStack.at(-1);
        if (!edit || !get().canEdit) return;
        set((s) => ({
          ...run(s, edit.backward),
          ...enqueue(edit.backward)(s),
          undoStack: s.undoStack.slice(0, -1),
          redoStack: [...s.redoStack, edit],
          notice: `Undid: ${edit.label}`,
        }));
      },
      redo: () => {
        const edit = get().redoStack.at(-1);
        if (!edit || !get().canEdit) return;
        set((s) => ({
          ...run(s, edit.forward),
          ...enqueue(edit.forward)(s),
          redoStack: s.redoStack.slice(0, -1),
          undoStack: [...s.undoStack, edit],
          notice: `Redid: ${edit.label}`,
        }));
      },
      select: (selection) => set({ selection }),
      setNotice: (notice) => set({ notice }),
      addDictionaryEntry: (entry) => set((s) => ({ dictionary: new Map(s.dictionary).set(entry.id, entry) })),
      toggleCollapsed: (id) =>
        set((s) => {
          const collapsed = { ...s.collapsed };
          if (collapsed[id]) delete collapsed[id];
          else collapsed[id] = true;
          return { collapsed };
        }),
      setFocus: (focusId) => set({ focusId }),
      beginSave: () => {
        const s = get();
        if (s.inFlight > 0 || s.pending.length === 0 || s.saveStatus === "conflict") return [];
        // why: a save carries at most what the server accepts in one request; the rest follows.
        const batch = s.pending.slice(0, 5000);
        set({ inFlight: batch.length, saveStatus: "saving", saveMessage: null });
        return batch;
      },
      saveSucceeded: (revision) =>
        set((s) => {
          const pending = s.pending.slice(s.inFlight);
          return { revision, pending, inFlight: 0, saveStatus: pending.length ? "unsaved" : "saved", saveMessage: null };
        }),
      saveFailed: (status, message) => set({ inFlight: 0, saveStatus: status, saveMessage: message }),
    };
  });
}

export const EditorStoreContext = createContext<StoreApi<EditorState> | null>(null);

/** Selects one value from the editor's store. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditor must be used inside EditorStoreContext");
  return useStore(store, selector);
}

/** The editor's store itself, for event handlers that read state without subscribing. */
export function useEditorStore(): StoreApi<EditorState> {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditorStore must be used inside EditorStoreContext");
  return store;
}
