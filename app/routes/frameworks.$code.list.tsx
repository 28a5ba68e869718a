import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ListEditor } from "~/components/list-edit/list-editor";
import { StatusBadge } from "~/components/status-badge";
import { listUsableCompetencies } from "~/models/draft/editor.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { requireMdoAccess } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { buildOutline, buildOutlineData, outlineNodeIds } from "~/components/outline/outline-model";
import { isUnderReview } from "@schemas/enums";
import { pageTitle } from "~/i18n/meta";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "history:list.title", "Edit as a list", { code: data.mdo.code }) : pageTitle(matches, "a11y:list.open", "Edit as a list");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "edit");
  const doc = loadDraftDocument({ mdoId: mdo.id });
  if (!doc) throw notFound(refusalText("page.noFrameworkYet", { name: mdo.name }));
  const outline = buildOutline(doc);
  const shown = outlineNodeIds(outline);
  return json({
    mdo: { code: mdo.code, name: mdo.name },
    status: doc.status,
    frozen: isUnderReview(doc.status),
    revision: doc.revision ?? 0,
    outline: buildOutlineData(doc),
    loose: doc.nodes.filter((n) => n.kind !== "competency" && !shown.has(n.id)),
    competencies: listUsableCompetencies({ mdoId: mdo.id }).map((c) => ({ id: c.id, name: c.name, type: c.type, theme: c.theme, scale: c.scale })),
    fromEditor: new URL(request.url).searchParams.has("narrow"),
  });
}

export default function EditAsList() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("a11y");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${data.mdo.code}`}>{data.mdo.code}</Link>{" "}
        <span aria-hidden="true">›</span> <span>{t("list.open")}</span>
      </nav>
      <h1>
        {data.mdo.name} <StatusBadge status={data.status} />
      </h1>
      {data.fromEditor ? (
        <p className="form-notice">{t("narrow.fromEditor")}</p>
      ) : null}
      <p className="muted">
        {t("list.intro", { revision: data.revision })} <Link to={`/frameworks/${data.mdo.code}/edit`}>{t("list.openGraph")}</Link>
      </p>
      {data.frozen ? (
        <p className="banner">{t("history:frozen")}</p>
      ) : (
        <ListEditor code={data.mdo.code} revision={data.revision} outline={data.outline} loose={data.loose} competencies={data.competencies} />
      )}
    </>
  );
}
