/**
 * Saving: pending changes go to the route's action a moment after the last edit, or at once on
 * Ctrl+S. Each save names the revision it was based on; a 409 means someone else saved first.
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useEditor, useEditorStore } from "./store";

const AUTOSAVE_DELAY_MS = 1500;

type SaveReply = { ok: true; revision: number } | { ok: false; message: string; currentRevision?: number };

/** Wires the store's pending changes to the save action; returns `saveNow`. */
export function useAutosave(action: string) {
  const store = useEditorStore();
  const fetcher = useFetcher<SaveReply>({ key: "editor-save" });
  const pendingCount = useEditor((s) => s.pending.length);
  const status = useEditor((s) => s.saveStatus);
  const waiting = useRef(false);
  const { t } = useTranslation("refusals");
  // why a ref: the reply effect below must run only when the save's state changes; a new `t` re-running
  // it between a submit and the fetcher leaving "idle" would end the wait before the answer came.
  const noAnswer = useRef("");
  noAnswer.current = t("noAnswer");

  const saveNow = useCallback(() => {
    if (waiting.current) return;
    const { beginSave, revision } = store.getState();
    const ops = beginSave();
    if (ops.length === 0) return;
    waiting.current = true;
    fetcher.submit({ intent: "save", baseRevision: revision, ops }, { method: "post", action, encType: "application/json" });
  }, [store, fetcher, action]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !waiting.current) return;
    waiting.current = false;
    const reply = fetcher.data;
    const s = store.getState();
    if (reply && reply.ok) s.saveSucceeded(reply.revision);
    else if (reply && reply.currentRevision !== undefined) s.saveFailed("conflict", reply.message);
    else s.saveFailed("failed", reply?.message ?? noAnswer.current);
  }, [fetcher.state, fetcher.data, store]);

  useEffect(() => {
    if (pendingCount === 0 || status !== "unsaved") return;
    const timer = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pendingCount, status, saveNow]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (store.getState().pending.length > 0) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [store]);

  return saveNow;
}
