import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The header's switch to the other language: the same page with `?lang=`, which the server
 * remembers in the `lang` cookie. Its text is the other language's own name, marked with its `lang`.
 * A full page load (`reloadDocument`): the other language's messages come with the page
 * (app/i18n/catalogue.ts), and this page only has its own.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const other = i18n.language === "hi" ? "en" : "hi";
  const params = new URLSearchParams(location.search);
  params.set("lang", other);
  return (
    <Link reloadDocument to={`${location.pathname}?${params.toString()}`} className="language-switch" lang={other} hrefLang={other} title={t("language.switchToLabel")}>
      {t("language.switchTo")}
    </Link>
  );
}
