/** The import's findings as a table that can be filtered and downloaded as CSV. */
import { useMemo, useState } from "react";
import Papa from "papaparse";
import { neutraliseCell } from "@schemas/flat-layout";

export type FindingRow = { row: number; column?: string; value?: string; severity: "error" | "warning"; code: string; message: string; suggestions?: string[]; sheet?: string; path?: string };

/** Row, column, value and message of every finding, errors first. */
export function FindingsTable({ findings, total, fileName }: { findings: FindingRow[]; total: number; fileName: string }) {
  const [severity, setSeverity] = useState<"all" | "error" | "warning">("all");
  const [text, setText] = useState("");
  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    return findings
      .filter((f) => severity === "all" || f.severity === severity)
      .filter((f) => !q || `${f.column ?? ""} ${f.value ?? ""} ${f.message}`.toLowerCase().includes(q))
      .sort((a, b) => (a.severity === b.severity ? a.row - b.row : a.severity === "error" ? -1 : 1));
  }, [findings, severity, text]);
  const errors = findings.filter((f) => f.severity === "error").length;
  if (findings.length === 0) {
    return (
      <p className="findings-ok" role="status">
        ✓ No problems found in the file.
      </p>
    );
  }
  const download = () => {
    const rows = findings.map((f) => [f.sheet ?? "", f.row, f.path ?? "", f.column ?? "", f.value ?? "", f.severity, f.code, f.message, (f.suggestions ?? []).join("; ")].map((c) => neutraliseCell(String(c))));
    const csv = "\uFEFF" + Papa.unparse({ fields: ["Sheet", "Row", "Path", "Column", "Value", "Severity", "Code", "Message", "Did you mean"], data: rows }, { newline: "\r\n" });
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${fileName.replace(/\.[^.]+$/, "")}-findings.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="panel" aria-labelledby="findings-title">
      <h2 id="findings-title">
        Findings: {errors} {errors === 1 ? "error" : "errors"}, {findings.length - errors} {findings.length - errors === 1 ? "warning" : "warnings"}
        {total > findings.length ? ` (first ${findings.length} of ${total} shown)` : ""}
      </h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="finding-severity">Show</label>
          <select id="finding-severity" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            <option value="all">Errors and warnings</option>
            <option value="error">Errors only</option>
            <option value="warning">Warnings only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="finding-text">Filter</label>
          <input id="finding-text" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="column, value or message" />
        </div>
        <button type="button" className="button" onClick={download}>
          Download as CSV
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Findings table">
        <table className="data-table findings-table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f, i) => (
              <tr key={i} className={`finding-${f.severity}`}>
                <td className="num">
                  {f.sheet ? `${f.sheet}:` : ""}
                  {f.row || f.path || ""}
                </td>
                <td>{f.column ?? ""}</td>
                <td className="cell-value">{f.value ?? ""}</td>
                <td>
                  <span className="finding-severity">{f.severity === "error" ? "Error" : "Warning"}</span> {f.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
