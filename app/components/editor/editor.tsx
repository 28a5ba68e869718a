/**
 * The graph editor: a React Flow canvas of the draft, a side panel, live findings from the
 * shared validator, undo/redo and autosave. One store per editor, made here.
 */
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type FinalConnectionState,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { linkKindFor } from "@schemas/enums";
import type { Finding } from "@schemas/findings";
import { validateFracDocument } from "@schemas/validator";
import { CommentThreads, type Thread } from "../comments/comment-threads";
import { ChangeDetails, ChangesSummary } from "./changes-panel";
import { ConfirmDelete } from "./confirm-delete";
import { moveEdit, linkRefusal } from "./edits";
import { FindingsPanel } from "./findings-panel";
import { buildView, windowView } from "./graph-view";
import { NODE_HEIGHT, NODE_WIDTH, provisionalPositions } from "./layout";
import { nodeTypes } from "./node-types";
import { focusNode, focusPanel, isNodeElement, nodeIdOf, useGraphLabels } from "./keyboard";
import { placed } from "./node-shape";
import { SidePanel } from "./side-panel";
import { createEditorStore, EditorStoreContext, useEditor, useEditorStore, type EditorInit } from "./store";
import { toDocument } from "./to-document";
import { Toolbar } from "./toolbar";
import { useAutosave } from "./use-autosave";
import { useCanvas } from "./use-canvas";
import { useChanges } from "./use-changes";
import { useEditorActions } from "./use-editor-actions";

type Props = {
  init: EditorInit;
  mdo: { code: string; name: string };
  saveAction: string;
  comments: Thread[];
  canComment: boolean;
  /** The last published version, if any, and whether its changes are highlighted from the start. */
  published: number | null;
  changesShown: boolean;
};

/** The editor for one draft. */
export function FrameworkEditor({ init, ...shell }: Props) {
  const [store] = useState(() => createEditorStore(init));
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorShell {...shell} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

const MINIMAP_COLORS: Record<string, string> = {
  position: "#0b4f8a",
  role: "#3a7bc8",
  activity: "#8a95a3",
  competency: "#8a4b08",
  knowledge_resource: "#b35900",
};
/** From this many nodes on, only the nodes in view are rendered. */
const VISIBLE_ONLY_FROM = 400;
// why: the minimap draws one component per node; past this size it costs more than it shows.
const MINIMAP_MAX_NODES = 800;
const miniMapColor = (n: { type?: string }) => MINIMAP_COLORS[n.type ?? ""] ?? "#8a95a3";

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

function EditorShell({ mdo, saveAction, comments, canComment, published, changesShown }: Omit<Props, "init">) {
  const store = useEditorStore();
  const { t } = useTranslation("editor");
  const nodes = useEditor((s) => s.nodes);
  const links = useEditor((s) => s.links);
  const collapsed = useEditor((s) => s.collapsed);
  const focusId = useEditor((s) => s.focusId);
  const selection = useEditor((s) => s.selection);
  const canEdit = useEditor((s) => s.canEdit);
  const notice = useEditor((s) => s.notice);
  const saveStatus = useEditor((s) => s.saveStatus);
  const saveMessage = useEditor((s) => s.saveMessage);
  const flow = useReactFlow();
  const { nameOf, ariaLabelConfig } = useGraphLabels();
  const actions = useEditorActions(mdo.code);
  const saveNow = useAutosave(saveAction);
  const [deleting, setDeleting] = useState<string | null>(null);
  const dragStart = useRef<{ x: number; y: number } | null>(null);
  // why not for an empty draft: React Flow would fit its first node, at double size.
  const [initialFit] = useState(() => {
    const n = Object.keys(store.getState().nodes).length;
    return n > 0 && n <= 40;
  });

  const doc = useMemo(() => toDocument({ nodes, links }, mdo), [nodes, links, mdo]);
  const findings = useMemo(() => validateFracDocument(doc), [doc]);
  const [showChanges, setShowChanges] = useState(changesShown && published !== null);
  const changes = useChanges(mdo.code, published, showChanges, doc);
  const changedIds = changes?.state === "ready" ? changes.statusById : null;
  const flags = useMemo(() => {
    const m = new Map<string, "error" | "warning">();
    for (const f of findings) {
      const id = f.nodeId ?? f.linkId;
      if (id && m.get(id) !== "error") m.set(id, f.severity);
    }
    return m;
  }, [findings]);
  const commentCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const t of comments) if (t.targetId && !t.resolvedAt) m.set(t.targetId, (m.get(t.targetId) ?? 0) + 1);
    return m;
  }, [comments]);
  const unplaced = useMemo(() => Object.values(nodes).filter((n) => n.x === null || n.y === null), [nodes]);
  const fallback = useMemo(() => provisionalPositions(unplaced), [unplaced]);
  const { layingOut, focusLayout, initialViewport, canvasRef, linkWindow, trackViewport, frame, runLayout } = useCanvas(fallback);
  const view = useMemo(
    () =>
      buildView({
        nodes,
        links,
        collapsed,
        focusId,
        flags,
        selectedId: selection?.id ?? null,
        fallback,
        override: focusLayout,
        comments: commentCounts,
        changes: changedIds,
        onToggle: store.getState().toggleCollapsed,
        nameOf,
      }),
    [nodes, links, collapsed, focusId, flags, selection, fallback, focusLayout, commentCounts, changedIds, store, nameOf],
  );
  const large = view.nodes.length > VISIBLE_ONLY_FROM;
  const canvas = useMemo(() => (large ? windowView(view, linkWindow, selection?.id ?? null) : view), [large, view, linkWindow, selection]);

  const centre = useCallback(
    (id: string) => {
      const s = store.getState();
      const node = s.nodes[id];
      const link = s.links[id];
      if (link) s.select({ type: "link", id });
      else if (node) s.select({ type: "node", id });
      const target = node ?? (link ? s.nodes[link.from] : undefined);
      if (!target) return;
      if (s.focusId && !view.nodes.some((n) => n.id === target.id)) s.setFocus(null);
      const pos = placed(target) ?? fallback.get(target.id);
      if (pos) void flow.setCenter(pos.x + NODE_WIDTH / 2, pos.y + NODE_HEIGHT / 2, { zoom: 1.1, duration: 300 });
    },
    [store, flow, fallback, view.nodes],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const s = store.getState();
      if (mod && e.key.toLowerCase() === "s") {
        e.preventDefault();
        saveNow();
      } else if (mod && !isTyping(e.target) && e.key.toLowerCase() === "z") {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (mod && !isTyping(e.target) && e.key.toLowerCase() === "y") {
        e.preventDefault();
        s.redo();
      } else if ((e.key === "Delete" || e.key === "Backspace") && !isTyping(e.target) && s.canEdit) {
        const sel = s.selection;
        // why: with several nodes on the canvas, the one that has the keyboard's focus is the one meant.
        const focused = nodeIdOf(e.target);
        if (focused) setDeleting(focused);
        else if (sel?.type === "node") setDeleting(sel.id);
        else if (sel) {
          const link = s.links[sel.id];
          if (link) actions.unlink(link);
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, saveNow, actions]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const s = store.getState();
      for (const c of changes) {
        if (c.type === "position" && c.position && c.dragging && s.canEdit) s.previewMove(c.id, c.position.x, c.position.y);
        // why dragStart: a drag's last position arrives here too, before onNodeDragStop records it; an arrow key's move arrives only here.
        else if (c.type === "position" && c.position && !c.dragging && !dragStart.current && s.canEdit) {
          const n = s.nodes[c.id];
          const from = n ? (placed(n) ?? fallback.get(n.id)) : undefined;
          if (n && from) s.perform(moveEdit(n, from, c.position));
        }
        // why: the canvas is controlled, so React Flow reports a click as a change for us to apply.
        else if (c.type === "select" && c.selected) s.select({ type: "node", id: c.id });
      }
    },
    [store, fallback],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const c of changes) if (c.type === "select" && c.selected) store.getState().select({ type: "link", id: c.id });
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string }) => {
      const s = store.getState();
      const a = s.nodes[c.source];
      const b = s.nodes[c.target];
      return !!a && !!b && linkKindFor(a.kind, b.kind) !== null;
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.toNode) return;
      const s = store.getState();
      const [from, to] = state.fromHandle?.type === "target" ? [state.toNode.id, state.fromNode.id] : [state.fromNode.id, state.toNode.id];
      s.setNotice(`Not linked: ${linkRefusal(s.nodes[from], s.nodes[to])}`);
    },
    [store],
  );

  const pickFinding = useCallback((f: Finding) => centre((f.nodeId ?? f.linkId)!), [centre]);

  return (
    <div className="editor" data-layout={layingOut ? "running" : "done"} data-nodes={view.nodes.length}>
      <Toolbar
        onAddPosition={(name) => {
          const v = flow.getViewport();
          const id = actions.addNode("position", { name }, { x: -v.x / v.zoom + 40, y: -v.y / v.zoom + 40 });
          if (typeof id === "string") centre(id);
        }}
        onFind={centre}
        onRelayout={() => void runLayout(true)}
        onSaveNow={saveNow}
        changes={published !== null ? { version: published, shown: showChanges, onToggle: setShowChanges } : null}
        loadDesignations={async () => {
          const res = await fetch("/resources/designations");
          return res.ok ? ((await res.json()) as string[]) : [];
        }}
      />
      {saveStatus === "conflict" || saveStatus === "failed" ? (
        <div className="banner banner-error" role="alert">
          <p>
            {saveStatus === "conflict" ? t("shell.conflict") : t("shell.notSaved")}{" "}
            {saveMessage}
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t("shell.reload")}
          </button>
        </div>
      ) : null}
      <p className="notice" role="status" aria-live="polite">
        {layingOut ? `${t("shell.layingOut")} ` : ""}
        {large && !notice ? `${t("shell.large")} ` : ""}
        {focusId && !notice ? `${t("shell.focused")} ` : ""}
        {notice}
      </p>
      {changes ? <ChangesSummary code={mdo.code} changes={changes} onShow={centre} /> : null}
      <div className="editor-body">
        <div className="canvas" aria-label={t("shell.graph")} ref={canvasRef}>
          <ReactFlow
            // why: Enter on a node (which React Flow selects) also takes the reader to its details; Space only selects, for moving it.
            onKeyDown={(e) => {
              if (e.key === "Enter" && isNodeElement(e.target)) focusPanel();
            }}
            ariaLabelConfig={ariaLabelConfig}
            // why: links are edited from the nodes' details; tabbing through every link before the first node would bury the nodes.
            edgesFocusable={false}
            nodes={canvas.nodes}
            edges={canvas.edges}
            onMove={(_, viewport) => trackViewport(viewport)}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeDragStart={(_, node) => {
              dragStart.current = { ...node.position };
            }}
            onNodeDragStop={(_, node) => {
              const s = store.getState();
              const n = s.nodes[node.id];
              if (n && dragStart.current && s.canEdit) s.perform(moveEdit(n, dragStart.current, node.position));
              dragStart.current = null;
            }}
            onEdgesChange={onEdgesChange}
            onPaneClick={() => store.getState().select(null)}
            onConnect={(c) => {
              const id = actions.link(c.source, c.target);
              if (id) store.getState().select({ type: "link", id });
            }}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            // why: a focused view is arranged automatically; moves belong to the whole-framework layout.
            nodesDraggable={canEdit && !focusId}
            nodesConnectable={canEdit}
            deleteKeyCode={null}
            // why only for large graphs: React Flow cannot fit or measure nodes it has not rendered.
            onlyRenderVisibleElements={view.nodes.length > VISIBLE_ONLY_FROM}
            minZoom={0.05}
            // why: fitting a big framework makes every label unreadable; start at its top-left instead.
            fitView={initialFit}
            fitViewOptions={{ maxZoom: 1 }}
            defaultViewport={initialViewport}
            onInit={(instance) => trackViewport(instance.getViewport())}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            {view.nodes.length <= MINIMAP_MAX_NODES ? (
              <MiniMap pannable zoomable ariaLabel={t("shell.minimap")} nodeColor={miniMapColor} nodeStrokeWidth={0} />
            ) : null}
            <Controls showInteractive={false} showFitView={false}>
              <ControlButton onClick={() => frame()} title={t("shell.fit")} aria-label={t("shell.fit")}>
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
                </svg>
              </ControlButton>
            </Controls>
          </ReactFlow>
        </div>
        <aside
          className="side-panel"
          aria-label={t("shell.selected")}
          onKeyDown={(e) => {
            // why: the way back from a node's details to the node, for someone who came by keyboard.
            const sel = store.getState().selection;
            if (e.key === "Escape" && !isTyping(e.target) && sel?.type === "node" && focusNode(sel.id)) e.preventDefault();
          }}
        >
          {selection ? <ChangeDetails changes={changes} id={selection.id} /> : null}
          <SidePanel actions={actions} onDelete={setDeleting} mdoCode={mdo.code} />
          {selection ? (
            <CommentThreads
              code={mdo.code}
              threads={comments.filter((t) => t.targetId === selection.id)}
              targetId={selection.id}
              canComment={canComment}
              label={t("shell.comments")}
            />
          ) : null}
          <FindingsPanel findings={findings} onPick={pickFinding} />
        </aside>
      </div>
      <ConfirmDelete
        state={{ nodes, links }}
        nodeId={deleting}
        onCancel={() => setDeleting(null)}
        onConfirm={(id) => {
          actions.remove(id);
          setDeleting(null);
        }}
      />
    </div>
  );
}
