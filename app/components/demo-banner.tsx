import { useTranslation } from "react-i18next";

/** Shown on every page while demo accounts can sign in (FRAC_DEMO), so nobody mistakes a demo for the real system. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <section className="demo-banner" aria-label={t("demo.label")}>
      <strong>{t("demo.strong")}</strong> · {t("demo.text")}
    </section>
  );
}
