/**
 * Deterministic ids for seeded records, so every install agrees on them
 * (a KCM entry has the same UUID everywhere, and re-seeding finds what it made before).
 */
import { v5 as uuidv5 } from "uuid";

// why: a fixed namespace for FRAC Studio's name-based UUIDs; changing it would change every seeded id.
export const FRAC_NAMESPACE = "f023ec99-ed39-4832-a175-1873275a3631";

/** UUID v5 of a name in the FRAC Studio namespace, e.g. `kcm:Behavioural/Self-Awareness`. */
export function stableId(name: string): string {
  return uuidv5(name, FRAC_NAMESPACE);
}

export const kcmId = (type: string, theme: string, subTheme?: string) =>
  stableId(`kcm:${type}/${theme}${subTheme === undefined ? "" : `/${subTheme}`}`);
export const domainCompetencyId = (mdoCode: string, name: string) => stableId(`domain:${mdoCode}/${name}`);
export const mdoId = (name: string) => stableId(`mdo:${name}`);
export const userId = (email: string) => stableId(`user:${email.toLowerCase()}`);
