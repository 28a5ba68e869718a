/** The import's findings as a table that can be filtered and downloaded as CSV. */
import { useMemo, useState } from "react";
import Papa from "papaparse";
import { neutraliseCell } from "@schemas/flat-layout";
import { useTranslation } from "react-i18next";
import { ImportFindingMessage } from "./finding-message";

export type FindingRow = { row: number; column?: string; value?: string; severity: "error" | "warning"; code: string; message: string; suggestions?: string[]; dictionaryType?: string; sheet?: string; path?: string };

/** Row, column, value and message of every finding, errors first. */
export function FindingsTable({ findings, total, fileName }: { findings: FindingRow[]; total: number; fileName: string }) {
  const [severity, setSeverity] = useState<"all" | "error" | "warning">("all");
  const [text, setText] = useState("");
  const { t } = useTranslation("import");
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
        {t("findings.none")}
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
        {t("findings.heading", { errors: t("findings.errors", { count: errors }), warnings: t("findings.warnings", { count: findings.length - errors }) })}
        {total > findings.length ? ` ${t("findings.firstShown", { shown: findings.length, total })}` : ""}
      </h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="finding-severity">{t("findings.show")}</label>
          <select id="finding-severity" value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            <option value="all">{t("findings.all")}</option>
            <option value="error">{t("findings.errorsOnly")}</option>
            <option value="warning">{t("findings.warningsOnly")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="finding-text">{t("findings.filter")}</label>
          <input id="finding-text" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("findings.filterPlaceholder")} />
        </div>
        <button type="button" className="button" onClick={download}>
          {t("findings.csv")}
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("findings.tableLabel")}>
        <table className="data-table findings-table">
          <thead>
            <tr>
              <th scope="col">{t("row")}</th>
              <th scope="col">{t("findings.column")}</th>
              <th scope="col">{t("findings.value")}</th>
              <th scope="col">{t("findings.problem")}</th>
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
                  <span className="finding-severity">{t(`common:severity.${f.severity}`)}</span> <ImportFindingMessage finding={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
