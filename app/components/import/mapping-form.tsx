/** Maps the columns of an unrecognised sheet onto the flat layout's fields. */
import { useState } from "react";
import { FLAT_COLUMNS } from "@schemas/flat-layout";
import { useTranslation } from "react-i18next";

type Props = { headers: string[]; suggested: Record<string, string | null>; onApply: (mapping: Record<string, string | null>) => void };

/** One select per column of the file. */
export function MappingForm({ headers, suggested, onApply }: Props) {
  const { t } = useTranslation("import");
  const [mapping, setMapping] = useState<Record<string, string | null>>(() => Object.fromEntries(headers.filter(Boolean).map((h) => [h, suggested[h] ?? null])));
  return (
    <form
      className="mapping"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(mapping);
      }}
    >
      <p>{t("mapping.intro")}</p>
      <div className="mapping-grid">
        {headers.filter(Boolean).map((h, i) => (
          <div className="field" key={`${h}-${i}`}>
            <label htmlFor={`map-${i}`}>{t("mapping.column", { name: h })}</label>
            <select id={`map-${i}`} value={mapping[h] ?? ""} onChange={(e) => setMapping((m) => ({ ...m, [h]: e.target.value || null }))}>
              <option value="">{t("mapping.ignore")}</option>
              {FLAT_COLUMNS.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.header}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <button type="submit" className="button primary">
        {t("mapping.submit")}
      </button>
    </form>
  );
}
