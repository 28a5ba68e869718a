import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePageLanguage } from "~/components/bilingual-name";
import { sayRefusal, type RefusalText } from "~/i18n/refusal-text";

/** Statuses with their own title; others get "Something went wrong". */
const TITLED = new Set([400, 401, 403, 404, 409, 413]);

/** The one error view: every status renders its message; unexpected errors show no internals. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  const lang = usePageLanguage();
  let status = 500;
  let message = t("error.unexpected");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data: unknown = error.data;
    // A message said by key reads in the reader's language; the English `message` is what machines get.
    if (data && typeof data === "object" && "code" in data && typeof data.code === "string" && i18n.exists(`refusals:${data.code}`)) message = sayRefusal(lang, t, { key: data.code, params: "params" in data ? data.params : undefined } as RefusalText);
    else if (data && typeof data === "object" && "message" in data && typeof data.message === "string") message = data.message;
    else if (typeof data === "string" && data) message = data;
    else message = error.statusText || message;
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{t("error.status", { status })}</p>
      <h1 id="error-title">{TITLED.has(status) ? t(`error.title${status}`) : t("error.titleOther")}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
