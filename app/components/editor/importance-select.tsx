import { IMPORTANCE_LEVELS, type Importance } from "@schemas/enums";
import { useTranslation } from "react-i18next";

type Props = { value: Importance | undefined; onChange: (importance: Importance | null) => void; label: string; disabled?: boolean };

/** How much a requirement matters to the position: essential, important, desirable, or not rated. */
export function ImportanceSelect({ value, onChange, label, disabled }: Props) {
  const { t } = useTranslation("editor");
  return (
    <select
      className="importance-select"
      aria-label={label}
      value={value ?? ""}
      disabled={disabled}
      onChange={(e) => {
        const next = IMPORTANCE_LEVELS.find((level) => level === e.target.value);
        onChange(next ?? null);
      }}
    >
      <option value="">{t("importance.none")}</option>
      {IMPORTANCE_LEVELS.map((level) => (
        <option key={level} value={level}>
          {t(`importance.${level}`)}
        </option>
      ))}
    </select>
  );
}
