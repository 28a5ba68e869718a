/**
 * The small forms of the list editing page. Each checks its fields with the editor's own schema
 * before anything is sent, shows a problem next to its field (aria-invalid, aria-describedby) and
 * moves focus to its first field when it opens.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { nodeFieldsSchema } from "@schemas/edit-ops";
import { LIMITS } from "@schemas/limits";
import type { ProficiencyScale } from "@schemas/scale";
import { ProposeLink } from "../dictionary/propose-link";
import { useLevelName } from "~/i18n/level-name";

export type Competency = { id: string; name: string; type: string; theme: string | null; scale: ProficiencyScale };
type Shell = { legend: string; busy: boolean; onCancel: () => void; submitLabel: string; children: ReactNode; onSubmit: () => void };

function FormShell({ legend, busy, onCancel, submitLabel, children, onSubmit }: Shell) {
  const { t } = useTranslation("a11y");
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
            {busy ? t("form.saving") : submitLabel}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t("form.cancel")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** The texts the name form edits; optional ones absent (or "" on a rename, which clears them). */
export type NodeTexts = { name: string; nameHi?: string; description?: string; descriptionHi?: string };

type NameProps = {
  legend: string;
  submitLabel: string;
  initial?: NodeTexts;
  busy: boolean;
  onCancel: () => void;
  onSave: (fields: NodeTexts) => void;
  /** Shown under the name field with what is typed (the reuse suggestions of a new role or activity). */
  extra?: (name: string) => ReactNode;
};

const TEXT_FIELDS = ["name", "nameHi", "description", "descriptionHi"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** Name, Hindi name, description and Hindi description, for adding or renaming a node. */
export function NameForm({ legend, submitLabel, initial, busy, onCancel, onSave, extra }: NameProps) {
  const { t } = useTranslation("a11y");
  const { t: tc } = useTranslation("content");
  const id = useId();
  const [error, setError] = useState<{ field: TextField; message: string } | null>(null);
  const [values, setValues] = useState<Record<TextField, string>>({
    name: initial?.name ?? "",
    nameHi: initial?.nameHi ?? "",
    description: initial?.description ?? "",
    descriptionHi: initial?.descriptionHi ?? "",
  });
  const submit = () => {
    const parsed = nodeFieldsSchema.pick({ name: true, nameHi: true, description: true, descriptionHi: true }).safeParse(values);
    if (!parsed.success) {
      // The schema's own rule, said in the page's language.
      const issue = parsed.error.issues[0];
      const field = (TEXT_FIELDS as readonly unknown[]).includes(issue.path[0]) ? (issue.path[0] as TextField) : "name";
      const message = {
        name: issue.code === "too_big" ? t("form.errNameLong", { max: LIMITS.NAME_MAX }) : t("form.errNameEmpty"),
        nameHi: t("form.errNameHiLong", { max: LIMITS.NAME_HI_MAX }),
        description: tc("error.descriptionLong", { max: LIMITS.DESCRIPTION_MAX }),
        descriptionHi: tc("error.descriptionHiLong", { max: LIMITS.DESCRIPTION_HI_MAX }),
      }[field];
      setError({ field, message });
      return;
    }
    setError(null);
    const { name, nameHi, description, descriptionHi } = parsed.data;
    // A rename sends every text, an emptied one as "" (which clears it); a new node only what is written.
    const keep = (v: string | undefined) => (initial ? { value: v ?? "" } : v ? { value: v } : null);
    const out: NodeTexts = { name };
    for (const [key, v] of [["nameHi", nameHi], ["description", description], ["descriptionHi", descriptionHi]] as const) {
      const kept = keep(v);
      if (kept) out[key] = kept.value;
    }
    onSave(out);
  };
  const input = (field: TextField, label: string, multiline: boolean, lang?: "hi") => {
    const fieldId = `${id}-${field}`;
    const props = {
      id: fieldId,
      lang,
      value: values[field],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
      "aria-invalid": error?.field === field ? true : undefined,
      "aria-describedby": error?.field === field ? `${fieldId}-error` : undefined,
      autoComplete: "off",
    };
    return (
      <div className="field">
        <label htmlFor={fieldId}>{label}</label>
        {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
        {error?.field === field ? (
          <p id={`${fieldId}-error`} className="field-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <FormShell legend={legend} busy={busy} onCancel={onCancel} submitLabel={submitLabel} onSubmit={submit}>
      {input("name", t("form.name"), false)}
      {input("nameHi", t("form.nameHi"), false, "hi")}
      {extra ? extra(values.name) : null}
      {input("description", tc("field.description"), true)}
      {input("descriptionHi", tc("field.descriptionHi"), true, "hi")}
    </FormShell>
  );
}

/** The level names are all a level chooser needs; the outline sends no more of a scale. */
type LevelNames = { levels: Pick<ProficiencyScale["levels"][number], "level" | "name">[] };
type LevelOptionsProps = { scale: LevelNames };
function LevelOptions({ scale }: LevelOptionsProps) {
  const { t } = useTranslation("a11y");
  const named = useLevelName();
  return (
    <>
      {scale.levels.map((l) => (
        <option key={l.level} value={l.level}>
          {t("list.levelNamed", { level: l.level, name: named(l.name) })}
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
  const { t } = useTranslation("a11y");
  const id = useId();
  const [competencyId, setCompetencyId] = useState("");
  const [level, setLevel] = useState("");
  const [error, setError] = useState<{ field: "competency" | "level"; message: string } | null>(null);
  const chosen = competencies.find((c) => c.id === competencyId);
  const types = [...new Set(competencies.map((c) => c.type))];
  const submit = () => {
    if (!chosen) return setError({ field: "competency", message: t("form.errCompetency") });
    if (taken.has(chosen.id)) return setError({ field: "competency", message: t("form.errTaken", { name: chosen.name }) });
    const n = Number(level);
    if (!chosen.scale.levels.some((l) => l.level === n)) return setError({ field: "level", message: t("form.errLevel") });
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
    <FormShell legend={legend} busy={busy} onCancel={onCancel} submitLabel={t("list.addRequirement")} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-competency`}>{t("form.competency")}</label>
        <select id={`${id}-competency`} value={competencyId} onChange={(e) => { setCompetencyId(e.target.value); setLevel(""); }} {...invalid("competency")}>
          <option value="">{t("form.chooseCompetency")}</option>
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
        <ProposeLink />
      </div>
      <div className="field">
        <label htmlFor={`${id}-level`}>{t("form.requiredLevel")}</label>
        <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value)} disabled={!chosen} {...invalid("level")}>
          <option value="">{chosen ? t("form.chooseLevel") : t("form.chooseCompetencyFirst")}</option>
          {chosen ? <LevelOptions scale={chosen.scale} /> : null}
        </select>
        {errorFor("level")}
      </div>
    </FormShell>
  );
}

type SetLevelProps = { legend: string; scale: LevelNames; current: number; busy: boolean; onCancel: () => void; onSave: (level: number) => void };

/** A new required level for an existing requirement. */
export function SetLevelForm({ legend, scale, current, busy, onCancel, onSave }: SetLevelProps) {
  const { t } = useTranslation("a11y");
  const id = useId();
  const [level, setLevel] = useState(String(current));
  return (
    <FormShell legend={legend} busy={busy} onCancel={onCancel} submitLabel={t("list.setLevel")} onSubmit={() => onSave(Number(level))}>
      <div className="field">
        <label htmlFor={`${id}-level`}>{t("form.requiredLevel")}</label>
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
  const { t } = useTranslation("a11y");
  return (
    <FormShell legend={question} busy={busy} onCancel={onCancel} submitLabel={t("list.remove")} onSubmit={onConfirm}>
      <p className="muted small">{detail}</p>
    </FormShell>
  );
}
