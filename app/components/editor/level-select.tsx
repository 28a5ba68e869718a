import type { ProficiencyScale } from "@schemas/scale";
import { useLevelName } from "~/i18n/level-name";

type Props = { scale: ProficiencyScale; value: number; onChange: (level: number) => void; label: string; disabled?: boolean };

/** A required level chosen from the competency's own scale, each level with its name and descriptor. */
export function LevelSelect({ scale, value, onChange, label, disabled }: Props) {
  const current = scale.levels.find((l) => l.level === value);
  const named = useLevelName();
  return (
    <select
      className="level-select"
      aria-label={label}
      value={value}
      disabled={disabled}
      title={current?.descriptor}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {scale.levels.map((l) => (
        <option key={l.level} value={l.level} title={l.descriptor}>
          {l.level} · {named(l.name)}
        </option>
      ))}
    </select>
  );
}
