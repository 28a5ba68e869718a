/** Review comment threads with reply, resolve and a form for a new comment. */
import { useFetcher } from "@remix-run/react";
import type { StepReply } from "@schemas/replies";
import { useEffect, useRef } from "react";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "react-i18next";

export type Thread = {
  id: string;
  targetId: string | null;
  targetName: string | null;
  authorName: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  replies: { id: string; authorName: string; body: string; createdAt: string }[];
};

type Props = { code: string; threads: Thread[]; targetId: string | null; canComment: boolean; showTarget?: boolean; label: string };

/** The threads on one target (or the whole framework) and a box to add one. */
export function CommentThreads({ code, threads, targetId, canComment, showTarget, label }: Props) {
  const action = `/frameworks/${code}/comments`;
  const { t } = useTranslation("history");
  const f = useFormat();
  return (
    <section className="comments" aria-label={label}>
      <h3>
        {label} <span className="muted">{t("comments.open", { count: threads.filter((th) => !th.resolvedAt).length })}</span>
      </h3>
      {threads.length === 0 ? <p className="muted small">{t("comments.none")}</p> : null}
      <ul className="comment-list">
        {threads.map((th) => (
          <li key={th.id} className={th.resolvedAt ? "comment is-resolved" : "comment"}>
            {showTarget && th.targetName ? <p className="small muted">{t("comments.on", { name: th.targetName })}</p> : null}
            <p className="comment-meta">
              <strong>{th.authorName}</strong> <time className="muted small" dateTime={th.createdAt}>{f.dateTime(th.createdAt)}</time>
            </p>
            <p className="comment-body">{th.body}</p>
            {th.replies.map((r) => (
              <div key={r.id} className="comment-reply">
                <p className="comment-meta">
                  <strong>{r.authorName}</strong> <time className="muted small" dateTime={r.createdAt}>{f.dateTime(r.createdAt)}</time>
                </p>
                <p className="comment-body">{r.body}</p>
              </div>
            ))}
            {th.resolvedAt ? <p className="small muted">{t("comments.resolvedBy", { name: th.resolvedByName ?? t("comments.someone") })}</p> : null}
            {canComment ? <ThreadActions action={action} thread={th} /> : null}
          </li>
        ))}
      </ul>
      {canComment ? <CommentForm action={action} targetId={targetId} label={targetId ? t("comments.onThis") : t("comments.onFramework")} /> : null}
    </section>
  );
}

function ThreadActions({ action, thread }: { action: string; thread: Thread }) {
  const fetcher = useFetcher<StepReply>();
  const { t } = useTranslation("history");
  return (
    <div className="thread-actions">
      <CommentForm action={action} targetId={thread.targetId} parentId={thread.id} label={t("comments.reply")} compact />
      <fetcher.Form method="post" action={action}>
        <input type="hidden" name="intent" value={thread.resolvedAt ? "reopen" : "resolve"} />
        <input type="hidden" name="commentId" value={thread.id} />
        <button type="submit" className="button small-button">
          {thread.resolvedAt ? t("comments.reopen") : t("comments.resolve")}
        </button>
      </fetcher.Form>
    </div>
  );
}

function CommentForm({ action, targetId, parentId, label, compact }: { action: string; targetId: string | null; parentId?: string; label: string; compact?: boolean }) {
  const fetcher = useFetcher<StepReply>();
  const { t } = useTranslation("history");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) form.current?.reset();
  }, [fetcher.state, fetcher.data]);
  const id = `comment-${parentId ?? targetId ?? "framework"}`;
  return (
    <fetcher.Form method="post" action={action} ref={form} className={compact ? "comment-form compact" : "comment-form"}>
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="targetId" value={targetId ?? ""} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <label htmlFor={id} className={compact ? "sr-only" : undefined}>
        {label}
      </label>
      <textarea id={id} name="body" rows={compact ? 1 : 2} required placeholder={compact ? t("comments.replyPlaceholder") : undefined} />
      {fetcher.data && !fetcher.data.ok ? <p className="field-error">{fetcher.data.message}</p> : null}
      <button type="submit" className="button small-button" disabled={fetcher.state !== "idle"}>
        {compact ? t("comments.reply") : t("comments.add")}
      </button>
    </fetcher.Form>
  );
}
