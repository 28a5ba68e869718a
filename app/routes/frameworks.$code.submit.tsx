import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import type { StepReply } from "@schemas/replies";
import { listSubmitBlockers } from "~/models/review/queries.server";
import { requireMdoAccess } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { Trans, useTranslation } from "react-i18next";
import { FindingMessage } from "~/components/finding-message";
import { pageTitle } from "~/i18n/meta";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "history:submit.title", "Submit for review");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "edit");
  const blockers = listSubmitBlockers({ mdoId: mdo.id });
  if (!blockers) throw notFound(refusalText("page.noFrameworkYet", { name: mdo.name }));
  return json({ mdo: { code: mdo.code, name: mdo.name }, ...blockers });
}

export default function Submit() {
  const { mdo, canSubmit, errors, warnings } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<StepReply>();
  const { t } = useTranslation("history");
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}`}>{mdo.code}</Link> <span aria-hidden="true">›</span>{" "}
        <span>{t("submit.crumb")}</span>
      </nav>
      <h1>{t("submit.heading", { name: mdo.name })}</h1>
      <p>{t("submit.intro")}</p>
      {canSubmit ? (
        <p className="findings-ok">{t("submit.nothingBlocks")}</p>
      ) : (
        <section className="panel" aria-labelledby="blockers">
          <h2 id="blockers">{t("submit.blockers", { count: errors.length })}</h2>
          <ul className="blockers">
            {errors.map((f, i) => (
              <li key={i} className="finding finding-error">
                <span className="finding-severity">{t("common:severity.error")}</span> <FindingMessage finding={f} />
              </li>
            ))}
          </ul>
          <p>
            <Trans t={t} i18nKey="submit.fix" components={[<Link key="0" to={`/frameworks/${mdo.code}/edit`} />]} />
          </p>
        </section>
      )}
      {warnings.length ? (
        <details className="panel">
          <summary>{t("submit.warnings", { count: warnings.length })}</summary>
          <ul>
            {warnings.map((f, i) => (
              <li key={i}>
                <FindingMessage finding={f} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {fetcher.data && !fetcher.data.ok ? (
        <p role="alert" className="form-error">
          {fetcher.data.message}
        </p>
      ) : null}
      <fetcher.Form method="post" action={`/frameworks/${mdo.code}/review`}>
        <input type="hidden" name="intent" value="submit" />
        <button type="submit" className="button primary" disabled={!canSubmit || fetcher.state !== "idle"}>
          {t("submit.submit")}
        </button>
      </fetcher.Form>
    </>
  );
}
