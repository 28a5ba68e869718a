import type { Finding } from "@schemas/findings";

type Props = { findings: Finding[]; onPick: (f: Finding) => void };

/** The validator's findings, live; choosing one selects and centres its node or link. */
export function FindingsPanel({ findings, onPick }: Props) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return (
    <section className="findings-panel" aria-labelledby="findings-title">
      <h2 id="findings-title">
        Checks <span className={errors ? "count count-error" : "count"}>{errors} {errors === 1 ? "error" : "errors"}</span>{" "}
        <span className={warnings ? "count count-warning" : "count"}>
          {warnings} {warnings === 1 ? "warning" : "warnings"}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="muted small">Everything checks out.</p>
      ) : (
        <ul aria-live="polite">
          {findings.slice(0, 200).map((f, i) => (
            <li key={`${f.code}-${f.nodeId ?? ""}-${f.linkId ?? ""}-${i}`}>
              <button type="button" className={`finding-button finding-${f.severity}`} onClick={() => onPick(f)} disabled={!f.nodeId && !f.linkId}>
                <span className="finding-severity">{f.severity === "error" ? "Error" : "Warning"}</span> {f.message}
              </button>
            </li>
          ))}
          {findings.length > 200 ? <li className="muted small">…and {findings.length - 200} more.</li> : null}
        </ul>
      )}
    </section>
  );
}
