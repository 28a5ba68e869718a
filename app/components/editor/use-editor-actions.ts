/** The author's commands, bound to the editor store; used by the side panel, toolbar and canvas. */
import { useMemo } from "react";
import type { FrameworkNodeKind, Importance } from "@schemas/enums";
import type { EditOp, NodeFields } from "@schemas/edit-ops";
import type { NodeKind } from "@schemas/enums";
import { defaultScale } from "@schemas/scale";
import { planReuse, type ReuseSource } from "@schemas/reuse";
import { addLinkEdit, addNodeEdit, deleteLinkEdit, deleteNodeEdit, setImportanceEdit, setLevelEdit, updateNodeEdit } from "./edits";
import { useEditorStore } from "./store";
import type { EditorLink } from "./types";

/** Commands that turn author intentions into recorded, undoable edits. */
export function useEditorActions(mdoCode: string) {
  const store = useEditorStore();
  return useMemo(() => {
    const s = () => store.getState();
    const names = (l: EditorLink) => ({ from: s().nodes[l.from]?.name ?? "", to: s().nodes[l.to]?.name ?? "" });
    // A new child goes to the right of its parent, below the children it already has.
    const near = (parentId?: string) => {
      const p = parentId ? s().nodes[parentId] : undefined;
      if (!p || p.x === null || p.y === null) return null;
      const siblings = Object.values(s().links).filter((l) => l.from === parentId).length;
      return { x: p.x + 310, y: p.y + siblings * 96 };
    };
    const actions = {
      addNode(kind: FrameworkNodeKind, fields: NodeFields, at: { x: number; y: number } | null, parentId?: string) {
        const r = addNodeEdit(s(), kind, fields, at ?? near(parentId), parentId);
        if ("error" in r) return s().setNotice(r.error);
        s().perform(r.edit);
        s().select({ type: "node", id: r.id });
        s().setNotice(`Added ${kind === "knowledge_resource" ? "knowledge resource" : kind} “${fields.name}”.`);
        return r.id;
      },
      addChild(parentId: string, kind: NodeKind, name: string) {
        if (kind === "competency") return;
        const r = addNodeEdit(s(), kind as FrameworkNodeKind, { name }, near(parentId), parentId);
        if ("error" in r) return s().setNotice(r.error);
        s().perform(r.edit);
        s().setNotice(`Added ${kind === "knowledge_resource" ? "knowledge resource" : kind} “${name}”.`);
      },
      link(from: string, to: string, level?: number) {
        const r = addLinkEdit(s(), from, to, level);
        if ("error" in r) {
          s().setNotice(r.error);
          return null;
        }
        s().perform(r.edit);
        return r.id;
      },
      linkExisting(parentId: string, childId: string) {
        const id = actions.link(parentId, childId);
        if (id) s().setNotice(`Linked “${s().nodes[childId]?.name}”.`);
      },
      requireCompetency(parentId: string, competencyId: string) {
        const entry = s().dictionary.get(competencyId);
        if (!entry) return s().setNotice("That competency is not in the dictionary.");
        const id = addLinkEditWithCompetency(parentId, competencyId);
        if (id) {
          s().select({ type: "link", id });
          s().setNotice(`“${entry.name}” is now required at level 3; change the level if needed.`);
        }
      },
      createDomain(parentId: string, name: string) {
        const id = crypto.randomUUID();
        const scale = defaultScale(5);
        s().addDictionaryEntry({ id, name, description: "", type: "Domain", code: null, theme: null, parentId: null, mdoCode, scale, nameHi: null });
        s().perform({ label: `create Domain competency “${name}”`, forward: [{ op: "competency.create", id, fields: { name }, levels: 5 }], backward: [] });
        addLinkEditWithCompetency(parentId, id);
        s().setNotice(`Created Domain competency “${name}” for this ministry and required it at level 3.`);
      },
      /** Copies a reusable role or activity (its activities and requirements) under `parentId`, as one undoable edit. */
      reuse(parentId: string, source: ReuseSource, sentence: string) {
        const state = s();
        // why: a requirement on an entry this editor does not know could not be drawn; the server would refuse it too.
        const known = { ...source, links: source.links.filter((l) => l.kind === "role_activity" || state.dictionary.has(l.to) || state.nodes[l.to]) };
        const { rootId, ops } = planReuse(known, { id: parentId }, () => crypto.randomUUID());
        const backward: EditOp[] = [...ops].reverse().map((o): EditOp => (o.op === "node.create" ? { op: "node.delete", id: o.id } : { op: "link.delete", id: o.id }));
        state.perform({ label: `reuse “${source.nodes[0]?.name ?? ""}”`, forward: ops, backward });
        state.select({ type: "node", id: rootId });
        state.setNotice(sentence);
      },
      unlink(link: EditorLink) {
        s().perform(deleteLinkEdit(link, names(link)));
        s().setNotice(`Unlinked “${names(link).to}” from “${names(link).from}”.`);
      },
      setLevel(link: EditorLink, level: number) {
        s().perform(setLevelEdit(link, level, names(link)));
      },
      setImportance(link: EditorLink, importance: Importance | null) {
        s().perform(setImportanceEdit(link, importance, names(link)));
      },
      update(id: string, fields: Partial<NodeFields>) {
        const node = s().nodes[id];
        const edit = node ? updateNodeEdit(node, fields) : null;
        if (edit) s().perform(edit);
      },
      remove(id: string) {
        s().perform(deleteNodeEdit(s(), id));
        s().select(null);
      },
      select(id: string) {
        s().select({ type: "node", id });
      },
    };
    function addLinkEditWithCompetency(parentId: string, competencyId: string): string | null {
      const state = s();
      if (!state.nodes[competencyId]) {
        const entry = state.dictionary.get(competencyId)!;
        // why: link.create brings the competency onto the canvas (apply-op looks it up).
        const kind = state.nodes[parentId]?.kind === "role" ? "role_competency" : "activity_competency";
        if (state.nodes[parentId]?.kind !== "role" && state.nodes[parentId]?.kind !== "activity") {
          state.setNotice("Only roles and activities can require competencies.");
          return null;
        }
        const id = crypto.randomUUID();
        const order = Object.values(state.links).filter((l) => l.from === parentId).length;
        state.perform({
          label: `require “${entry.name}”`,
          forward: [{ op: "link.create", id, kind, from: parentId, to: competencyId, level: Math.min(3, entry.scale.levels.length), order }],
          backward: [{ op: "link.delete", id }],
        });
        return id;
      }
      return actions.link(parentId, competencyId, 3);
    }
    return actions;
  }, [store, mdoCode]);
}

export type EditorActions = ReturnType<typeof useEditorActions>;
