/** The framework's review state and the steps this user may take now. */
import { Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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

const DONE = new Set(["submitted", "verified", "published", "sent-back"]);

/** Shows status, who holds the framework, the last rejection reason, and the review buttons. */
export function ReviewPanel({ data }: { data: ReviewPanelData }) {
  const fetcher = useFetcher<StepReply>();
  const busy = fetcher.state !== "idle";
  const action = `/frameworks/${data.code}/review`;
  const { t } = useTranslation("review");
  return (
    <section className="panel review-panel" aria-labelledby="review-title">
      <h2 id="review-title">
        {t("panel.title")} <StatusBadge status={data.status} />
      </h2>
      {data.done && DONE.has(data.done) ? (
        <p role="status" className="form-success">
          {t(`panel.done.${data.done}`)}
        </p>
      ) : null}
      {data.hold ? <p>{data.hold}</p> : null}
      {data.status === "REJECTED" && data.rejection ? (
        <div className="rejection" role="note">
          <strong>{t("panel.sentBackBy", { name: data.rejection.by?.name ?? t("panel.aReviewer") })}</strong> <span className="reason">{data.rejection.reason}</span>
        </div>
      ) : null}
      <p className="muted small">
        {data.latestVersion ? (
          <>
            {t("panel.latest")} <Link to={`/frameworks/${data.code}/versions/${data.latestVersion.number}`}>{t("panel.version", { number: data.latestVersion.number })}</Link> ·{" "}
            <Link to={`/frameworks/${data.code}/diff?from=${data.latestVersion.number}&to=draft`}>{t("panel.changedSince")}</Link>
          </>
        ) : (
          t("panel.nothingPublished")
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
            {t("panel.submit")}
          </Link>
        ) : null}
        {data.can.verify ? (
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className="button primary" disabled={busy}>
              {t("panel.verify")}
            </button>
          </fetcher.Form>
        ) : null}
        {data.can.approve ? (
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" className="button primary" disabled={busy}>
              {t("panel.approve")}
            </button>
          </fetcher.Form>
        ) : null}
      </div>
      {data.can.reject ? (
        <fetcher.Form method="post" action={action} className="reject-form">
          <input type="hidden" name="intent" value="reject" />
          <div className="field">
            <label htmlFor="reject-reason">{t("panel.reason")}</label>
            <textarea id="reject-reason" name="reason" rows={3} required />
          </div>
          <button type="submit" className="button danger" disabled={busy}>
            {t("panel.reject")}
          </button>
        </fetcher.Form>
      ) : null}
    </section>
  );
}
