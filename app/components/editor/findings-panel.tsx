import type { Finding } from "@schemas/findings";
import { useTranslation } from "react-i18next";
import { FindingMessage } from "../finding-message";

type Props = { findings: Finding[]; onPick: (f: Finding) => void };

/** The validator's findings, live; choosing one selects and centres its node or link. */
export function FindingsPanel({ findings, onPick }: Props) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const { t } = useTranslation("editor");
  return (
    <section className="findings-panel" aria-labelledby="findings-title">
      <h2 id="findings-title">
        {t("checks.title")} <span className={errors ? "count count-error" : "count"}>{t("framework:findings.errors", { count: errors })}</span>{" "}
        <span className={warnings ? "count count-warning" : "count"}>{t("framework:findings.warnings", { count: warnings })}</span>
      </h2>
      {findings.length === 0 ? (
        <p className="muted small">{t("checks.none")}</p>
      ) : (
        <ul aria-live="polite">
          {findings.slice(0, 200).map((f, i) => (
            <li key={`${f.code}-${f.nodeId ?? ""}-${f.linkId ?? ""}-${i}`}>
              <button type="button" className={`finding-button finding-${f.severity}`} onClick={() => onPick(f)} disabled={!f.nodeId && !f.linkId}>
                <span className="finding-severity">{t(`common:severity.${f.severity}`)}</span> <FindingMessage finding={f} />
              </button>
            </li>
          ))}
          {findings.length > 200 ? <li className="muted small">{t("checks.more", { count: findings.length - 200 })}</li> : null}
        </ul>
      )}
    </section>
  );
}
