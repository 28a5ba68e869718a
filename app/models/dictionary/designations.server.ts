/** iGOT's master list of designations (seeded), offered as position names. */
import { asc } from "drizzle-orm";
import { getDb } from "@db/client";
import { designations } from "@db/schema";

const SMALL_WORDS = new Set(["of", "and", "the", "in", "for", "to", "on", "at", "by", "cum"]);
const KEEP_UPPER = /^(?:[IVX]+|[A-Z]{1,3}\d*|\(?[A-Z]+\)?)$/;

/** Title-cases an upper-case designation, keeping roman numerals and short acronyms. */
export function displayDesignation(raw: string): string {
  const words = raw.trim().replace(/\s+/g, " ").split(" ");
  return words
    .map((w, i) => {
      if (KEEP_UPPER.test(w) && (w.length <= 3 || /^[IVX]+$/.test(w))) return w;
      const lower = w.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-/(])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());
    })
    .join(" ");
}

/** Every designation name, de-duplicated and title-cased, alphabetically. */
export function listDesignationNames(): string[] {
  const rows = getDb().select({ name: designations.name }).from(designations).orderBy(asc(designations.name)).all();
  const out = new Set<string>();
  for (const r of rows) {
    const name = displayDesignation(r.name);
    if (name && name.toLowerCase() !== "no designation") out.add(name);
  }
  return [...out].sort((a, b) => a.localeCompare(b, "en"));
}
