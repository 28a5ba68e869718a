import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigate, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import flowStyles from "@xyflow/react/dist/style.css";
import { FrameworkEditor } from "~/components/editor/editor";
import { toEditorInit } from "~/components/editor/from-document";
import { StatusBadge } from "~/components/status-badge";
import { loadEditorData, listUsableCompetencies } from "~/models/draft/editor.server";
import { listComments } from "~/models/review/comments.server";
import { getPublishedVersionNumber } from "~/models/publication/versions.server";
import { canEdit, hasCbcRole, requireMdoAccess } from "~/http/auth.server";
import { handleEditorAction } from "~/routes/frameworks.$code.edit/editor-action.server";
import { notFound } from "~/http/errors.server";
import { isUnderReview } from "@schemas/enums";
import { pageTitle } from "~/i18n/meta";
import { mayComment } from "@schemas/review-steps";
import { refusalText } from "~/i18n/refusal-text";

export const handle = { wide: true };

/** Below this width the editor opens the list editing (or the outline) instead of the canvas. */
const NARROW = "(max-width: 699px)";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: flowStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "editor:title", "Editor", { code: data.mdo.code }) : pageTitle(matches, "editor:crumb", "Editor");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "read");
  const data = loadEditorData({ mdoId: mdo.id });
  if (!data) throw notFound(refusalText("page.noFrameworkYet", { name: mdo.name }));
  const frozen = isUnderReview(data.status);
  return json({
    mdo: { code: mdo.code, name: mdo.name },
    status: data.status,
    frozen,
    editable: canEdit(user, mdo.id) && !frozen,
    doc: data.doc,
    positions: data.positions,
    revision: data.revision,
    dictionary: listUsableCompetencies({ mdoId: mdo.id }),
    comments: listComments({ mdoId: mdo.id }),
    canComment: mayComment({ author: canEdit(user, mdo.id), reviewer: hasCbcRole(user, ["reviewer"]), board: hasCbcRole(user, ["board"]) }),
    published: getPublishedVersionNumber({ mdoId: mdo.id }),
    // Reviewers judge what changed, so they see it from the start; so does anyone who follows a "see in the graph" link.
    changesShown: hasCbcRole(user, ["reviewer", "board"]) || new URL(request.url).searchParams.has("changes"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleEditorAction(request, params.code);
}

// why: saves return what the editor needs; reloading the whole draft after each save would be wasted work.
// Comments are the exception: a new one should appear at once.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, formAction, defaultShouldRevalidate }) =>
  formAction?.endsWith("/comments") ? true : formMethod && formMethod.toUpperCase() !== "GET" ? false : defaultShouldRevalidate;

export default function EditFramework() {
  const data = useLoaderData<typeof loader>();
  const [init] = useState(() => toEditorInit(data));
  const [hydrated, setHydrated] = useState(false);
  const navigate = useNavigate();
  const { t } = useTranslation("a11y");
  const listUrl = data.editable ? `/frameworks/${data.mdo.code}/list?narrow` : `/frameworks/${data.mdo.code}`;
  useEffect(() => {
    // why: below 700 px the canvas and its side panel cannot both be used; the list does every edit.
    if (window.matchMedia(NARROW).matches) navigate(listUrl, { replace: true });
    else setHydrated(true);
  }, [navigate, listUrl]);
  return (
    <div className="editor-page">
      <div className="editor-header">
        <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
          <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${data.mdo.code}`}>{data.mdo.code}</Link>{" "}
          <span aria-hidden="true">›</span> <span>{t("editor:crumb")}</span>
        </nav>
        <h1>
          {data.mdo.name} <StatusBadge status={data.status} />
        </h1>
        {data.frozen ? <p className="banner">{t("history:frozen")} {t("editor:readOnlyNote")}</p> : null}
      </div>
      {hydrated ? (
        <FrameworkEditor
          init={init}
          mdo={data.mdo}
          saveAction={`/frameworks/${data.mdo.code}/edit`}
          comments={data.comments}
          canComment={data.canComment}
          published={data.published}
          changesShown={data.changesShown}
        />
      ) : (
        <>
          <p className="muted wide-only">{t("narrow.loading")}</p>
          <p className="narrow-only form-notice">
            {t("narrow.needsWider")} <Link to={listUrl}>{data.editable ? t("narrow.editAsList") : t("narrow.readOutline")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
