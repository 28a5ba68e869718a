import type { Finding } from "@schemas/findings";

/** The validator's verdict on a framework: a one-line summary with the findings listed under it. */
export function FindingsSummary({ findings }: { findings: Finding[] }) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) {
    return (
      <p className="findings-ok" role="status">
        ✓ The shared validator finds no problems in this framework.
      </p>
    );
  }
  return (
    <details className={`findings ${errors ? "has-errors" : ""}`}>
      <summary>
        {errors} {errors === 1 ? "error" : "errors"}, {warnings} {warnings === 1 ? "warning" : "warnings"} from the
        shared validator
      </summary>
      <ul>
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.nodeId ?? f.linkId ?? ""}-${i}`} className={`finding finding-${f.severity}`}>
            <span className="finding-severity">{f.severity === "error" ? "Error" : "Warning"}</span> {f.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
