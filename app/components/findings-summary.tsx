import { useTranslation } from "react-i18next";
import type { Finding } from "@schemas/findings";
import { FindingMessage } from "~/components/finding-message";

/** The validator's verdict on a framework: a one-line summary with the findings listed under it. */
export function FindingsSummary({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation("framework");
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) {
    return (
      <p className="findings-ok" role="status">
        {t("findings.none")}
      </p>
    );
  }
  return (
    <details className={`findings ${errors ? "has-errors" : ""}`}>
      <summary>{t("findings.summary", { errors: t("findings.errors", { count: errors }), warnings: t("findings.warnings", { count: warnings }) })}</summary>
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.nodeId ?? f.linkId ?? ""}-${i}`} className={`finding finding-${f.severity}`}>
            <span className="finding-severity">{t(`common:severity.${f.severity}`)}</span> <FindingMessage finding={f} />
          </li>
        ))}
      </ul>
    </details>
  );
}
