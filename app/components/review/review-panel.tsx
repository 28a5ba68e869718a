/** The framework's review state and the steps this user may take now. */
import { Link, useFetcher } from "@remix-run/react";
import type { StepReply } from "@schemas/replies";
import { StatusBadge } from "../status-badge";

type Person = { id: string; name: string | null } | null;
export type ReviewPanelData = {
  code: string;
  status: string;
  hold: string | null;
  submittedBy: Person;
  verifiedBy: Person;
  rejection: { by: Person; at: string; reason: string | null } | null;
  latestVersion: { number: number; publishedAt: string } | null;
  can: { submit: boolean; verify: boolean; reject: boolean; approve: boolean };
  done: string | null;
};

const DONE: Record<string, string> = {
  submitted: "Submitted for technical review. The draft is frozen until a reviewer acts on it.",
  verified: "Verified. It now waits for the review board.",
  published: "Approved and published as a new numbered version.",
  "sent-back": "Sent back to the authors with your reason.",
};

/** Shows status, who holds the framework, the last rejection reason, and the review buttons. */
export function ReviewPanel({ data }: { data: ReviewPanelData }) {
  const fetcher = useFetcher<StepReply>();
  const busy = fetcher.state !== "idle";
  const action = `/frameworks/${data.code}/review`;
  return (
    <section className="panel review-panel" aria-labelledby="review-title">
      <h2 id="review-title">
        Review <StatusBadge status={data.status} />
      </h2>
      {data.done && DONE[data.done] ? (
        <p role="status" className="form-success">
          {DONE[data.done]}
        </p>
      ) : null}
      {data.hold ? <p>{data.hold}</p> : null}
      {data.status === "REJECTED" && data.rejection ? (
        <div className="rejection" role="note">
          <strong>Sent back by {data.rejection.by?.name ?? "a reviewer"}:</strong> <span className="reason">{data.rejection.reason}</span>
        </div>
      ) : null}
      <p className="muted small">
        {data.latestVersion ? (
          <>
            Latest published: <Link to={`/frameworks/${data.code}/versions/${data.latestVersion.number}`}>version {data.latestVersion.number}</Link> ·{" "}
            <Link to={`/frameworks/${data.code}/diff?from=${data.latestVersion.number}&to=draft`}>what changed since</Link>
          </>
        ) : (
          "Nothing published yet."
        )}
      </p>
      {fetcher.data && !fetcher.data.ok ? (
        <p role="alert" className="form-error">
          {fetcher.data.message}
        </p>
      ) : null}
      <div className="review-actions">
        {data.can.submit ? (
          <Link to={`/frameworks/${data.code}/submit`} className="button primary">
            Submit for review…
          </Link>
        ) : null}
        {data.can.verify ? (
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className="button primary" disabled={busy}>
              Verify (technical review)
            </button>
          </fetcher.Form>
        ) : null}
        {data.can.approve ? (
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" className="button primary" disabled={busy}>
              Approve and publish
            </button>
          </fetcher.Form>
        ) : null}
      </div>
      {data.can.reject ? (
        <fetcher.Form method="post" action={action} className="reject-form">
          <input type="hidden" name="intent" value="reject" />
          <div className="field">
            <label htmlFor="reject-reason">Reason for sending it back</label>
            <textarea id="reject-reason" name="reason" rows={3} required />
          </div>
          <button type="submit" className="button danger" disabled={busy}>
            Send back to the authors
          </button>
        </fetcher.Form>
      ) : null}
    </section>
  );
}
