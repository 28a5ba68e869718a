/**
 * The name of a proficiency level in the page's language. Level names are data (each competency
 * carries its own scale), but almost every scale uses the five default FRAC names; those have a
 * translation in `scale:level.*`. Any other name is shown as written.
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

const DEFAULT_NAMES = new Set(["basic", "proficient", "advanced", "expert", "ustad"]);

/** "Proficient" → "प्रवीण" in Hindi; a ministry's own level name unchanged. */
export function levelName(t: TFunction, name: string): string {
  const key = name.trim().toLowerCase();
  return DEFAULT_NAMES.has(key) ? t(`scale:level.${key}`) : name;
}

/** `levelName` bound to the page's language. */
export function useLevelName(): (name: string) => string {
  const { t } = useTranslation("scale");
  return (name) => levelName(t, name);
}
