/** The fields of a dictionary entry, shared by the curator's "add" form and the author's proposal form. */
import { useTranslation } from "react-i18next";

export type FieldErrors = Record<string, string[] | undefined>;
export type ThemeChoice = { id: string; type: "Behavioural" | "Functional"; name: string };
export type EntryValues = { type?: string; parentId?: string | null; name?: string; description?: string; nameHi?: string | null; descriptionHi?: string | null };

/** A labelled field's accessibility attributes and its error line, wired by one id. */
export function useFieldError(errors: FieldErrors, prefix: string) {
  const attrs = (name: string) => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${prefix}-${name}-error`} className="field-error">
        {errors[name]![0]}
      </p>
    ) : null;
  return { attrs, error };
}

type Props = { prefix: string; themes?: ThemeChoice[]; scales?: { id: string; name: string }[]; values?: EntryValues; errors: FieldErrors };

/** Type and parent theme (when `themes` is given: a new entry), name and description with their optional Hindi, and a scale when `scales` is given. */
export function EntryFields({ prefix, themes, scales, values = {}, errors }: Props) {
  const { t } = useTranslation("curation");
  const { attrs, error } = useFieldError(errors, prefix);
  return (
    <>
      {themes ? (
        <>
          <div className="field">
            <label htmlFor={`${prefix}-type`}>{t("fields.type")}</label>
            <select {...attrs("type")} defaultValue={values.type ?? "Behavioural"}>
              {(["Behavioural", "Functional"] as const).map((type) => (
                <option key={type} value={type}>
                  {t(`common:competencyType.${type}`)}
                </option>
              ))}
            </select>
            {error("type")}
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-parentId`}>{t("fields.parent")}</label>
            <p className="small muted" id={`${prefix}-parent-help`}>
              {t("fields.parentHelp")}
            </p>
            <select {...attrs("parentId")} defaultValue={values.parentId ?? ""}>
              <option value="">{t("fields.parentNone")}</option>
              {(["Behavioural", "Functional"] as const).map((type) => (
                <optgroup key={type} label={t(`common:competencyType.${type}`)}>
                  {themes
                    .filter((th) => th.type === type)
                    .map((th) => (
                      <option key={th.id} value={th.id}>
                        {th.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {error("parentId")}
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-name`}>{t("fields.name")}</label>
        <input type="text" required maxLength={300} {...attrs("name")} defaultValue={values.name ?? ""} />
        {error("name")}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-description`}>{t("fields.description")}</label>
        <textarea rows={4} maxLength={5000} {...attrs("description")} defaultValue={values.description ?? ""} />
        {error("description")}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-nameHi`}>{t("fields.nameHi")}</label>
        <input type="text" lang="hi" maxLength={300} {...attrs("nameHi")} defaultValue={values.nameHi ?? ""} />
        {error("nameHi")}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-descriptionHi`}>{t("fields.descriptionHi")}</label>
        <textarea lang="hi" rows={4} maxLength={5000} {...attrs("descriptionHi")} defaultValue={values.descriptionHi ?? ""} />
        {error("descriptionHi")}
      </div>
      {scales ? (
        <div className="field">
          <label htmlFor={`${prefix}-scaleId`}>{t("fields.scale")}</label>
          <select {...attrs("scaleId")} defaultValue="">
            <option value="">{t("fields.scaleDefault")}</option>
            {scales.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {error("scaleId")}
        </div>
      ) : null}
    </>
  );
}
