/** Readable names for the fields a diff reports, shared by the changes page and the editor. */
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

/** "nameHi" → "Hindi name"; scale fields ("scale[3].name") → "level 3 name". */
export function fieldLabel(field: string): string {
  if (field === "scale.levels") return "number of levels";
  const scale = /^scale\[(\d+)\]\.(\w+)$/u.exec(field);
  if (scale) return `level ${scale[1]} ${scale[2]}`;
  return FIELD_LABELS[field] ?? field;
}

/** A before/after value as shown to people: an em dash for nothing. */
export const shownValue = (v: string | number | null) => (v === null ? "—" : String(v));
