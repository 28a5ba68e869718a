import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FindingsSummary } from "~/components/findings-summary";
import { OutlineView } from "~/components/outline/outline-view";
import { StatusBadge } from "~/components/status-badge";
import { loadDraftDocument } from "~/models/draft/document.server";
import { ReviewPanel, type ReviewPanelData } from "~/components/review/review-panel";
import { getReviewState } from "~/models/review/queries.server";
import { listComments } from "~/models/review/comments.server";
import { CommentThreads } from "~/components/comments/comment-threads";
import { canEdit, hasCbcRole, requireMdoAccess } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { buildOutlineData } from "~/components/outline/outline-model";
import { mayComment, mayTakeStep } from "@schemas/review-steps";
import { validateFracDocument } from "@schemas/validator";
import { completenessSummary, computeCompleteness } from "@schemas/completeness";
import { CompletenessPanel } from "~/components/insight/completeness-panel";
import { pageTitle } from "~/i18n/meta";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "framework:outline.title", `${data.mdo.code} framework`, { code: data.mdo.code }) : pageTitle(matches, "framework:outline.titleFallback", "Framework");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "read");
  const doc = loadDraftDocument({ mdoId: mdo.id });
  if (!doc) throw notFound(refusalText("page.noFrameworkYet", { name: mdo.name }));
  const findings = validateFracDocument(doc, { mode: "draft" });
  const review = getReviewState({ mdoId: mdo.id })!;
  const status = review.status;
  const roles = { author: canEdit(user, mdo.id), reviewer: hasCbcRole(user, ["reviewer"]), board: hasCbcRole(user, ["board"]) };
  const reviewPanel: ReviewPanelData = {
    code: mdo.code,
    status,
    hold: review.hold,
    submittedBy: review.submittedBy,
    verifiedBy: review.verifiedBy,
    rejection: review.rejection,
    latestVersion: review.latestVersion,
    can: {
      submit: mayTakeStep("submit", status, roles),
      verify: mayTakeStep("verify", status, roles),
      reject: mayTakeStep("reject", status, roles),
      approve: mayTakeStep("approve", status, roles),
    },
    done: new URL(request.url).searchParams.get("review"),
  };
  return json({
    comments: listComments({ mdoId: mdo.id }),
    canComment: mayComment(roles),
    reviewPanel,
    mdo: { code: mdo.code, name: mdo.name },
    status: doc.status,
    revision: doc.revision ?? 0,
    canEdit: canEdit(user, mdo.id),
    outline: buildOutlineData(doc),
    findings,
    completeness: completenessSummary(computeCompleteness(doc)),
  });
}

export default function FrameworkOutline() {
  const { mdo, status, revision, outline, findings, canEdit: canEditDraft, reviewPanel, comments, canComment, completeness } = useLoaderData<typeof loader>();
  const c = outline.counts;
  const { t } = useTranslation("framework");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <a href="/">{t("common:nav.frameworks")}</a> <span aria-hidden="true">›</span> <span>{mdo.code}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{mdo.name}</h1>
          <p className="muted">
            {t("outline.workingDraft", { revision })} <StatusBadge status={status} />
          </p>
        </div>
        <div className="header-actions">
          <Link to={`/frameworks/${mdo.code}/edit`} className="button primary">
            {canEditDraft ? t("outline.openEditor") : t("outline.viewGraph")}
          </Link>
          {canEditDraft ? (
            <Link to={`/frameworks/${mdo.code}/list`} className="button">
              {t("a11y:list.open")}
            </Link>
          ) : null}
          <Link to={`/frameworks/${mdo.code}/positions`} className="button">
            {t("profiles:link.profiles")}
          </Link>
          <Link to={`/frameworks/${mdo.code}/versions`} className="button">
            {t("outline.versions")}
          </Link>
          <Link to={`/frameworks/${mdo.code}/heatmap`} className="button">
            {t("cbc:heatmap.link")}
          </Link>
          <Link to={`/frameworks/${mdo.code}/audit`} className="button">
            {t("outline.auditTrail")}
          </Link>
          <Link to={`/frameworks/${mdo.code}/acbp`} className="button">
            {t("acbp:link")}
          </Link>
          {canEditDraft ? (
            <Link to={`/frameworks/${mdo.code}/import`} className="button">
              {t("outline.import")}
            </Link>
          ) : null}
        </div>
        <dl className="counts" aria-label={t("outline.size")}>
          <div><dt>{t("outline.positions")}</dt><dd>{c.position}</dd></div>
          <div><dt>{t("outline.roles")}</dt><dd>{c.role}</dd></div>
          <div><dt>{t("outline.activities")}</dt><dd>{c.activity}</dd></div>
          <div><dt>{t("outline.competencies")}</dt><dd>{c.competency}</dd></div>
          <div><dt>{t("outline.resources")}</dt><dd>{c.knowledge_resource}</dd></div>
        </dl>
      </header>
      <ReviewPanel data={reviewPanel} />
      <details className="panel" open={comments.some((t) => !t.resolvedAt)}>
        <summary>
          {t("outline.comments", { open: comments.filter((c) => !c.resolvedAt).length, total: comments.length })}
        </summary>
        <CommentThreads code={mdo.code} threads={comments} targetId={null} canComment={canComment} showTarget label={t("outline.allComments")} />
      </details>
      <CompletenessPanel completeness={completeness} profileBase={`/frameworks/${mdo.code}/positions`} />
      <FindingsSummary findings={findings} />
      <OutlineView data={outline} />
    </>
  );
}
