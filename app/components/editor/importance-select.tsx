import { IMPORTANCE_LABELS, IMPORTANCE_LEVELS, type Importance } from "@schemas/enums";

type Props = { value: Importance | undefined; onChange: (importance: Importance | null) => void; label: string; disabled?: boolean };

/** How much a requirement matters to the position: essential, important, desirable, or not rated. */
export function ImportanceSelect({ value, onChange, label, disabled }: Props) {
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
      <option value="">Not rated</option>
      {IMPORTANCE_LEVELS.map((level) => (
        <option key={level} value={level}>
          {IMPORTANCE_LABELS[level]}
        </option>
      ))}
    </select>
  );
}
