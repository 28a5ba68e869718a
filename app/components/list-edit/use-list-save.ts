/**
 * Saving from the list editing page: one change set per form, posted as JSON with the draft's
 * revision to the editor's save action, exactly as the graph editor saves. The outcome is a
 * sentence for the page's live region.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { EditOp } from "@schemas/edit-ops";

type SaveReply = { ok: true; revision: number } | { ok: false; message: string; currentRevision?: number };

export type SaveOutcome = { ok: boolean; message: string; seq: number };

/** `save(ops, doneSentence)` and the last outcome; `busy` while a save is on its way. `reloadHint` follows a stale-revision refusal. */
export function useListSave(code: string, revision: number, reloadHint: string) {
  const fetcher = useFetcher<SaveReply>({ key: `list-save-${code}` });
  const done = useRef<string | null>(null);
  const seq = useRef(0);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  useEffect(() => {
    if (fetcher.state !== "idle" || done.current === null || !fetcher.data) return;
    const reply = fetcher.data;
    seq.current += 1;
    setOutcome(
      reply.ok
        ? { ok: true, message: done.current, seq: seq.current }
        : {
            ok: false,
            message: reply.currentRevision !== undefined ? `${reply.message} ${reloadHint}` : reply.message,
            seq: seq.current,
          },
    );
    done.current = null;
  }, [fetcher.state, fetcher.data, reloadHint]);

  const save = (ops: EditOp[], doneSentence: string) => {
    done.current = doneSentence;
    fetcher.submit({ intent: "save", baseRevision: revision, ops }, { method: "post", action: `/frameworks/${code}/edits`, encType: "application/json" });
  };
  return { save, busy: fetcher.state !== "idle", outcome };
}
