/**
 * The small forms of the list editing page. Each checks its fields with the editor's own schema
 * before anything is sent, shows a problem next to its field (aria-invalid, aria-describedby) and
 * moves focus to its first field when it opens.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { nodeFieldsSchema } from "@schemas/edit-ops";
import type { ProficiencyScale } from "@schemas/scale";

export type Competency = { id: string; name: string; type: string; theme: string | null; scale: ProficiencyScale };
type Shell = { legend: string; busy: boolean; onCancel: () => void; submitLabel: string; children: ReactNode; onSubmit: () => void };

function FormShell({ legend, busy, onCancel, submitLabel, children, onSubmit }: Shell) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input, select, button")?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form ref={ref} className="list-form" onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && onCancel()} noValidate>
      <fieldset>
        <legend>{legend}</legend>
        {children}
        <div className="list-form-buttons">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? "Saving…" : submitLabel}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}

type NameProps = {
  legend: string;
  submitLabel: string;
  initial?: { name: string; nameHi?: string };
  busy: boolean;
  onCancel: () => void;
  onSave: (fields: { name: string; nameHi?: string }) => void;
};

/** Name and Hindi name, for adding or renaming a node. */
export function NameForm({ legend, submitLabel, initial, busy, onCancel, onSave }: NameProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(initial?.name ?? "");
  const [nameHi, setNameHi] = useState(initial?.nameHi ?? "");
  const submit = () => {
    const parsed = nodeFieldsSchema.pick({ name: true, nameHi: true }).safeParse({ name, nameHi });
    if (!parsed.success) {
      setError(parsed.error.issues[0].message);
      return;
    }
    setError(null);
    onSave({ name: parsed.data.name, ...(parsed.data.nameHi ? { nameHi: parsed.data.nameHi } : {}) });
  };
  return (
    <FormShell legend={legend} busy={busy} onCancel={onCancel} submitLabel={submitLabel} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoComplete="off"
        />
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-hi`}>Hindi name (optional)</label>
        <input id={`${id}-hi`} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.target.value)} autoComplete="off" />
      </div>
    </FormShell>
  );
}

type LevelOptionsProps = { scale: ProficiencyScale };
function LevelOptions({ scale }: LevelOptionsProps) {
  return (
    <>
      {scale.levels.map((l) => (
        <option key={l.level} value={l.level}>
          Level {l.level} · {l.name}
        </option>
      ))}
    </>
  );
}

type RequirementProps = {
  legend: string;
  competencies: Competency[];
  taken: Set<string>;
  busy: boolean;
  onCancel: () => void;
  onSave: (competency: Competency, level: number) => void;
};

/** A competency from the dictionary and the level required of it. */
export function RequirementForm({ legend, competencies, taken, busy, onCancel, onSave }: RequirementProps) {
  const id = useId();
  const [competencyId, setCompetencyId] = useState("");
  const [level, setLevel] = useState("");
  const [error, setError] = useState<{ field: "competency" | "level"; message: string } | null>(null);
  const chosen = competencies.find((c) => c.id === competencyId);
  const types = [...new Set(competencies.map((c) => c.type))];
  const submit = () => {
    if (!chosen) return setError({ field: "competency", message: "Choose a competency." });
    if (taken.has(chosen.id)) return setError({ field: "competency", message: `“${chosen.name}” is already required here; change its level instead.` });
    const n = Number(level);
    if (!chosen.scale.levels.some((l) => l.level === n)) return setError({ field: "level", message: "Choose the level required." });
    setError(null);
    onSave(chosen, n);
  };
  const errorFor = (field: "competency" | "level") =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {error.message}
      </p>
    ) : null;
  const invalid = (field: "competency" | "level") =>
    error?.field === field ? { "aria-invalid": true, "aria-describedby": `${id}-${field}-error` } : {};
  return (
    <FormShell legend={legend} busy={busy} onCancel={onCancel} submitLabel="Add requirement" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-competency`}>Competency</label>
        <select id={`${id}-competency`} value={competencyId} onChange={(e) => { setCompetencyId(e.target.value); setLevel(""); }} {...invalid("competency")}>
          <option value="">Choose a competency…</option>
          {types.map((type) => (
            <optgroup key={type} label={type}>
              {competencies
                .filter((c) => c.type === type)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.theme ? `${c.theme} › ${c.name}` : c.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {errorFor("competency")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-level`}>Required level</label>
        <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value)} disabled={!chosen} {...invalid("level")}>
          <option value="">{chosen ? "Choose a level…" : "Choose a competency first"}</option>
          {chosen ? <LevelOptions scale={chosen.scale} /> : null}
        </select>
        {errorFor("level")}
      </div>
    </FormShell>
  );
}

type SetLevelProps = { legend: string; scale: ProficiencyScale; current: number; busy: boolean; onCancel: () => void; onSave: (level: number) => void };

/** A new required level for an existing requirement. */
export function SetLevelForm({ legend, scale, current, busy, onCancel, onSave }: SetLevelProps) {
  const id = useId();
  const [level, setLevel] = useState(String(current));
  return (
    <FormShell legend={legend} busy={busy} onCancel={onCancel} submitLabel="Set level" onSubmit={() => onSave(Number(level))}>
      <div className="field">
        <label htmlFor={`${id}-level`}>Required level</label>
        <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value)}>
          <LevelOptions scale={scale} />
        </select>
      </div>
    </FormShell>
  );
}

type ConfirmProps = { question: string; detail: string; busy: boolean; onCancel: () => void; onConfirm: () => void };

/** Asks before a removal, naming what goes with it. */
export function ConfirmRemove({ question, detail, busy, onCancel, onConfirm }: ConfirmProps) {
  return (
    <FormShell legend={question} busy={busy} onCancel={onCancel} submitLabel="Remove" onSubmit={onConfirm}>
      <p className="muted small">{detail}</p>
    </FormShell>
  );
}
