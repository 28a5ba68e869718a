/** Readable names for the fields a diff reports, shared by the changes page and the editor. */
import type { TFunction } from "i18next";

const FIELD_LABELS: Record<string, string> = {
  kind: "kind",
  name: "name",
  nameHi: "Hindi name",
  description: "description",
  descriptionHi: "Hindi description",
  source: "source",
  url: "address (URL)",
  resourceType: "resource type",
  competencyType: "competency type",
  code: "code",
  theme: "theme",
  mdoCode: "ministry",
  level: "required level",
  order: "order among siblings",
  from: "from",
  to: "to",
};

/**
 * "nameHi" → "Hindi name"; scale fields ("scale[3].name") → "level 3 name". With `t`, in the page's
 * language (the `history` namespace's `field.*`), falling back to the English label.
 */
export function fieldLabel(field: string, t?: TFunction): string {
  const scale = /^scale\[(\d+)\]\.(\w+)$/u.exec(field);
  if (t) {
    if (field === "scale.levels") return t("history:field.scaleLevels");
    if (scale) return t("history:field.scaleField", { level: scale[1], field: t(`history:field.${scale[2]}`, { defaultValue: scale[2] }) });
    return FIELD_LABELS[field] ? t(`history:field.${field}`, { defaultValue: FIELD_LABELS[field] }) : field;
  }
  if (field === "scale.levels") return "number of levels";
  if (scale) return `level ${scale[1]} ${scale[2]}`;
  return FIELD_LABELS[field] ?? field;
}

/** A before/after value as shown to people: an em dash for nothing. */
export const shownValue = (v: string | number | null) => (v === null ? "—" : String(v));
