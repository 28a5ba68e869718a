import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readCasePackage } from "@import/case-package";
import { ImportError } from "@import/findings";
import { CaseUpload } from "~/components/dictionary/case-upload";
import { SourceList } from "~/components/dictionary/source-list";
import { importCaseSource, listSources, SOURCE_CURATORS } from "~/models/dictionary/sources.server";
import { hasCbcRole, requireCbcRole, requireUser } from "~/http/auth.server";
import { getServerT } from "~/i18n/i18n.server";
import { readImportUpload, UploadRefused } from "~/http/import-upload.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Outside frameworks · FRAC Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getServerT(request, "dictionary-sources");
  return json({ sources: listSources(), mayImport: hasCbcRole(user, SOURCE_CURATORS), metaTitle: t("sources.metaTitle") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCbcRole(request, SOURCE_CURATORS);
  let form: FormData;
  try {
    form = await readImportUpload(request);
  } catch (e) {
    if (e instanceof UploadRefused) return json({ ok: false as const, message: e.message }, { status: e.status });
    throw e;
  }
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return json({ ok: false as const, message: "Choose a CASE package (a .json file) to import." }, { status: 400 });
  let read;
  try {
    read = readCasePackage(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    if (e instanceof ImportError) return json({ ok: false as const, message: `${file.name}: ${e.message} Nothing was imported.` }, { status: 400 });
    throw e;
  }
  const result = importCaseSource({ read, userId: user.id });
  if (!result.ok) return json({ ok: false as const, message: `${file.name}: ${(await inReaderLanguage(request, result)).message}` }, { status: result.status });
  return json(result);
}

export default function Sources() {
  const { sources, mayImport } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dictionary-sources");
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/dictionary">{t("sources.breadcrumbDictionary")}</Link> <span aria-hidden="true">›</span> <span>{t("sources.title")}</span>
      </nav>
      <h1>{t("sources.title")}</h1>
      <p className="muted">{t("sources.intro")}</p>
      <section className="dict-type" aria-label={t("sources.listLabel")}>
        <SourceList sources={sources} />
      </section>
      {mayImport ? (
        <section className="dict-type">
          <CaseUpload />
        </section>
      ) : null}
    </>
  );
}
