/** "Not found? Propose it": from a competency picker to the proposal form, the typed text as the name. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ProposeLink({ name = "" }: { name?: string }) {
  const { t } = useTranslation("curation");
  const to = name.trim() ? `/dictionary/propose?name=${encodeURIComponent(name.trim())}` : "/dictionary/propose";
  return (
    <p className="small propose-link">
      <Link to={to}>{t("links.notFound")}</Link>
    </p>
  );
}
