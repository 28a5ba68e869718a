import { useTranslation } from "react-i18next";
import type { FindingRow } from "./findings-table";

/**
 * An import finding in the page's language. English shows the finding's own message (what the CLI
 * and the findings CSV say). Another language gives the code's sentence, built from the row's column,
 * value, suggestions and dictionary type, and keeps the full English message below it, marked as
 * English, because it names details (limits, other rows) that the finding carries in no other field.
 */
export function ImportFindingMessage({ finding }: { finding: FindingRow }) {
  const { t, i18n } = useTranslation("import");
  const key = `import:code.${finding.code}`;
  if (i18n.language === "en" || !i18n.exists(key)) return <>{finding.message}</>;
  const values = {
    column: finding.column ?? "",
    value: finding.value ?? "",
    type: finding.dictionaryType ? t(`common:competencyType.${finding.dictionaryType}`) : "",
  };
  return (
    <>
      {t(key, values)}
      {finding.suggestions?.length ? ` ${t("findings.didYouMean", { names: finding.suggestions.join(", ") })}` : ""}
      <span className="finding-english muted small" lang="en">
        {finding.message}
      </span>
    </>
  );
}
