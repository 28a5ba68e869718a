#!/usr/bin/env node
// Checks the demo frameworks in this folder against kcm.json and against themselves.
// Usage: node db/seed-data/check-demo.mjs [--quiet]
// Exits 1 with one message per problem; prints counts either way. No dependencies.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const quiet = process.argv.includes("--quiet");
const DEMOS = [
  // Minimums the demo data promises (see SOURCES.md); checked so that edits do not quietly shrink it.
  { file: "demo-cbic.json", min: { positions: 12, roles: 24, activities: 45, competencies: 18, domain: 6, sharedRoles: 5, sharedActivities: 2, hindi: 10, resources: 3 } },
  { file: "demo-mohfw.json", min: { positions: 3, roles: 4, activities: 6, competencies: 3, domain: 1, sharedRoles: 1, sharedActivities: 0, hindi: 1, resources: 0 } },
];

const problems = [];
const fail = (file, msg) => problems.push(`${file}: ${msg}`);

function load(name) {
  const path = join(here, name);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    fail(name, `cannot read or parse: ${e.message}`);
    return null;
  }
}

// ---- the competency dictionary ------------------------------------------------------------
const kcm = load("kcm.json");
const dictionary = new Map(); // "Type/Theme" and "Type/Theme/Sub-theme" -> { levels }
const themeNames = new Map(); // type -> Set(theme)
if (kcm) {
  for (const type of kcm.types ?? []) {
    themeNames.set(type.name, new Set());
    for (const theme of type.themes ?? []) {
      // Refs are split as Type/Theme/rest, so a "/" in a theme name would make them ambiguous.
      if (theme.name.includes("/")) fail("kcm.json", `theme name contains "/": ${JSON.stringify(theme.name)}`);
      themeNames.get(type.name).add(theme.name);
      dictionary.set(`${type.name}/${theme.name}`, { levels: 5 });
      for (const sub of theme.subThemes ?? []) dictionary.set(`${type.name}/${theme.name}/${sub.name}`, { levels: 5 });
    }
  }
  if (!themeNames.has("Behavioural") || !themeNames.has("Functional")) fail("kcm.json", "expected Behavioural and Functional types");
}
const mdos = existsSync(join(here, "mdos.json")) ? load("mdos.json") : null;
const designations = existsSync(join(here, "designations.json")) ? load("designations.json") : null;
const designationNames = new Set((designations?.positions ?? []).map((p) => norm(p.name)));

function norm(s) {
  return String(s).trim().replace(/\s+/g, " ").toLowerCase();
}

// ---- one demo framework ---------------------------------------------------------------------
const KEYS = {
  top: ["mdo", "mdoName", "source", "domainCompetencies", "knowledgeResources", "positions", "roles", "activities"],
  domain: ["name", "nameHi", "description", "levels"],
  resource: ["name", "nameHi", "description", "resourceType", "url"],
  position: ["name", "nameHi", "description", "sanctionedPosts", "roles", "resources"],
  role: ["name", "nameHi", "description", "activities", "competencies"],
  activity: ["name", "nameHi", "description", "competencies", "resources"],
  requirement: ["competency", "level", "importance"],
};
// The app's resource types (schemas/enums.ts RESOURCE_TYPES), read from there when the file is present.
const RESOURCE_TYPES = (() => {
  const fallback = ["Act", "Rule", "Manual", "Guideline", "Link", "Other"];
  try {
    const src = readFileSync(join(here, "..", "..", "schemas", "enums.ts"), "utf8");
    const m = src.match(/RESOURCE_TYPES\s*=\s*\[([^\]]*)\]/);
    const list = m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : [];
    return list.length ? list : fallback;
  } catch {
    return fallback;
  }
})();
const DEVANAGARI = /[\u0900-\u097F]/;
const LATIN = /[A-Za-z]/;

function checkDemo({ file, min }) {
  const doc = load(file);
  if (!doc) return null;
  const bad = (msg) => fail(file, msg);

  const unknownKeys = (obj, allowed, where) => {
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) return bad(`${where}: expected an object`);
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) bad(`${where}: unknown field "${k}"`);
  };
  const text = (v, where, required = true) => {
    if (v === undefined && !required) return;
    if (typeof v !== "string" || !v.trim()) return bad(`${where}: must be a non-empty string`);
    if (v !== v.trim() || /\s{2,}/.test(v)) bad(`${where}: stray whitespace in ${JSON.stringify(v)}`);
  };

  unknownKeys(doc, KEYS.top, "top level");
  text(doc.mdo, "mdo");
  text(doc.source, "source");
  if (doc.mdoName !== undefined) {
    text(doc.mdoName, "mdoName");
    if (mdos && !mdos.organisations.includes(doc.mdoName)) bad(`mdoName ${JSON.stringify(doc.mdoName)} is not in mdos.json`);
  }
  for (const k of ["domainCompetencies", "knowledgeResources", "positions", "roles", "activities"]) {
    if (!Array.isArray(doc[k])) {
      bad(`${k} must be an array`);
      doc[k] = [];
    }
  }

  // names unique per kind, common fields
  const index = (list, kind, keys) => {
    const byName = new Map();
    list.forEach((item, i) => {
      const where = `${kind} #${i + 1}${item?.name ? ` "${item.name}"` : ""}`;
      unknownKeys(item, keys, where);
      text(item?.name, `${where} name`);
      text(item?.description, `${where} description`);
      if (item?.nameHi !== undefined) {
        text(item.nameHi, `${where} nameHi`);
        if (!DEVANAGARI.test(item.nameHi) || LATIN.test(item.nameHi)) bad(`${where}: nameHi should be Devanagari only, got ${JSON.stringify(item.nameHi)}`);
      }
      if (typeof item?.name !== "string") return;
      const key = norm(item.name);
      if (byName.has(key)) bad(`${kind} name "${item.name}" is used twice (names are unique per kind, ignoring case)`);
      else byName.set(key, item);
    });
    return byName;
  };
  const domains = index(doc.domainCompetencies, "domain competency", KEYS.domain);
  const resources = index(doc.knowledgeResources, "knowledge resource", KEYS.resource);
  index(doc.positions, "position", KEYS.position); // nothing refers to positions by name
  for (const p of doc.positions ?? []) {
    const n = p?.sanctionedPosts;
    if (n !== undefined && !(Number.isInteger(n) && n >= 0 && n <= 10_000_000)) bad(`position "${p.name}": sanctionedPosts must be a whole number from 0 to 10,000,000`);
  }
  const roles = index(doc.roles, "role", KEYS.role);
  const activities = index(doc.activities, "activity", KEYS.activity);

  for (const d of doc.domainCompetencies) {
    if (!Number.isInteger(d.levels) || d.levels < 3 || d.levels > 5) bad(`domain competency "${d.name}": levels must be an integer from 3 to 5`);
    if (typeof d.name === "string" && [...themeNames.values()].some((s) => [...s].some((t) => norm(t) === norm(d.name)))) {
      bad(`domain competency "${d.name}" has the same name as a KCM theme`);
    }
  }
  for (const r of doc.knowledgeResources) {
    text(r.resourceType, `knowledge resource "${r.name}" resourceType`);
    if (typeof r.resourceType === "string" && !RESOURCE_TYPES.includes(r.resourceType)) {
      bad(`knowledge resource "${r.name}": resourceType "${r.resourceType}" is not one of ${RESOURCE_TYPES.join(", ")}`);
    }
    if (r.url !== undefined && !/^https:\/\/[^\s]+$/.test(r.url)) bad(`knowledge resource "${r.name}": url must be an https URL`);
  }

  // references between nodes
  const used = { roles: new Set(), activities: new Set(), resources: new Set(), domains: new Set() };
  const children = (item, field, target, targetKind, usedSet, where, required) => {
    const list = item[field];
    if (list === undefined && !required) return [];
    if (!Array.isArray(list)) {
      bad(`${where}: "${field}" must be an array`);
      return [];
    }
    if (required && list.length === 0) bad(`${where} has no ${field}`);
    const seen = new Set();
    const out = [];
    for (const name of list) {
      if (typeof name !== "string") {
        bad(`${where}: ${field} entries must be names (strings)`);
        continue;
      }
      const key = norm(name);
      if (seen.has(key)) bad(`${where} lists ${targetKind} "${name}" twice`);
      seen.add(key);
      const found = target.get(key);
      if (!found) bad(`${where} names ${targetKind} "${name}", which is not declared`);
      else {
        if (found.name !== name) bad(`${where} names ${targetKind} "${name}" but it is declared as "${found.name}"`);
        usedSet.add(key);
        out.push(found);
      }
    }
    return out;
  };

  // competency requirements
  const usedCompetencies = new Map(); // ref -> type
  const resolve = (ref, where) => {
    if (typeof ref !== "string" || !ref.includes("/")) return bad(`${where}: competency ref ${JSON.stringify(ref)} must look like Type/Theme[/Sub-theme] or Domain/Name`);
    const [type, theme, ...rest] = ref.split("/");
    if (type === "Domain") {
      const name = ref.slice("Domain/".length);
      const d = domains.get(norm(name));
      if (!d) return bad(`${where}: ${JSON.stringify(ref)} names no entry of domainCompetencies`);
      if (d.name !== name) bad(`${where}: ${JSON.stringify(ref)} differs in case from the declared "${d.name}"`);
      used.domains.add(norm(name));
      return { type, levels: d.levels };
    }
    if (type !== "Behavioural" && type !== "Functional") return bad(`${where}: ${JSON.stringify(ref)} has unknown type "${type}"`);
    if (!themeNames.get(type)?.has(theme)) return bad(`${where}: ${JSON.stringify(ref)}: no ${type} theme named ${JSON.stringify(theme)} in kcm.json (names must match exactly)`);
    const sub = rest.join("/");
    if (rest.length && !dictionary.has(`${type}/${theme}/${sub}`)) return bad(`${where}: ${JSON.stringify(ref)}: theme "${theme}" has no sub-theme ${JSON.stringify(sub)} in kcm.json`);
    return { type, levels: dictionary.get(ref).levels };
  };
  const requirements = (item, where, required) => {
    const list = item.competencies;
    if (list === undefined && !required) return [];
    if (!Array.isArray(list)) {
      bad(`${where}: "competencies" must be an array`);
      return [];
    }
    if (required && list.length === 0) bad(`${where} has no competency requirements`);
    const seen = new Set();
    const out = [];
    list.forEach((r, i) => {
      const w = `${where} requirement #${i + 1}`;
      unknownKeys(r, KEYS.requirement, w);
      if (seen.has(r?.competency)) bad(`${where} requires ${JSON.stringify(r.competency)} twice`);
      seen.add(r?.competency);
      const c = resolve(r?.competency, w);
      if (!Number.isInteger(r?.level) || r.level < 1 || r.level > 5) return bad(`${w}: level ${JSON.stringify(r?.level)} must be an integer from 1 to 5`);
      if (c && r.level > c.levels) return bad(`${w}: level ${r.level} is above the ${c.levels} levels of ${r.competency}`);
      if (r.importance !== undefined && !["essential", "important", "desirable"].includes(r.importance)) bad(`${w}: importance ${JSON.stringify(r.importance)} must be essential, important or desirable`);
      if (c) {
        usedCompetencies.set(r.competency, c.type);
        out.push(r);
      }
    });
    return out;
  };

  const actReqs = new Map();
  for (const a of doc.activities) {
    const where = `activity "${a.name}"`;
    actReqs.set(norm(a.name), requirements(a, where, true));
    children(a, "resources", resources, "knowledge resource", used.resources, where, false);
  }
  const roleInfo = new Map();
  for (const r of doc.roles) {
    const where = `role "${r.name}"`;
    const acts = children(r, "activities", activities, "activity", used.activities, where, true);
    roleInfo.set(norm(r.name), { acts, reqs: requirements(r, where, false) });
  }
  const roleUse = new Map();
  const levelRange = [];
  for (const p of doc.positions) {
    const where = `position "${p.name}"`;
    const rs = children(p, "roles", roles, "role", used.roles, where, true);
    children(p, "resources", resources, "knowledge resource", used.resources, where, false);
    let lo = 9, hi = 0;
    for (const r of rs) {
      roleUse.set(norm(r.name), (roleUse.get(norm(r.name)) ?? 0) + 1);
      const info = roleInfo.get(norm(r.name));
      const levels = [...info.reqs, ...info.acts.flatMap((a) => actReqs.get(norm(a.name)) ?? [])].map((q) => q.level);
      for (const l of levels) {
        lo = Math.min(lo, l);
        hi = Math.max(hi, l);
      }
    }
    levelRange.push(`${p.name} ${lo === 9 ? "-" : lo === hi ? lo : `${lo}-${hi}`}`);
  }

  // everything declared is used
  for (const r of doc.roles) if (!used.roles.has(norm(r.name))) bad(`role "${r.name}" is not used by any position`);
  for (const a of doc.activities) if (!used.activities.has(norm(a.name))) bad(`activity "${a.name}" is not used by any role`);
  for (const k of doc.knowledgeResources) if (!used.resources.has(norm(k.name))) bad(`knowledge resource "${k.name}" is not attached to any position or activity`);
  for (const d of doc.domainCompetencies) if (!used.domains.has(norm(d.name))) bad(`domain competency "${d.name}" is not required anywhere`);

  // counts
  const activityUse = new Map();
  for (const { acts } of roleInfo.values()) for (const a of acts) activityUse.set(norm(a.name), (activityUse.get(norm(a.name)) ?? 0) + 1);
  const byType = { Behavioural: 0, Functional: 0, Domain: 0 };
  for (const t of usedCompetencies.values()) byType[t]++;
  const hindi = {};
  for (const [kind, list] of [["positions", doc.positions], ["roles", doc.roles], ["activities", doc.activities], ["domain", doc.domainCompetencies], ["resources", doc.knowledgeResources]]) {
    const n = list.filter((x) => x.nameHi).length;
    if (n) hindi[kind] = n;
  }
  const countReqs = (list) => list.reduce((n, x) => n + (Array.isArray(x.competencies) ? x.competencies.length : 0), 0);
  const counts = {
    positions: doc.positions.length,
    roles: doc.roles.length,
    activities: doc.activities.length,
    resources: doc.knowledgeResources.length,
    domain: doc.domainCompetencies.length,
    competencies: usedCompetencies.size,
    sharedRoles: [...roleUse.values()].filter((n) => n > 1).length,
    sharedActivities: [...activityUse.values()].filter((n) => n > 1).length,
    hindi: Object.values(hindi).reduce((a, b) => a + b, 0),
  };
  for (const [k, n] of Object.entries(min)) if (counts[k] < n) bad(`only ${counts[k]} ${k}; the demo promises at least ${n}`);

  const matched = doc.positions.filter((p) => designationNames.has(norm(p.name))).map((p) => p.name);
  const lines = [
    `${file} (${doc.mdo}${doc.mdoName ? `, ${doc.mdoName}` : ""})`,
    `  positions ${counts.positions}, roles ${counts.roles}, activities ${counts.activities}, knowledge resources ${counts.resources}, domain competencies declared ${counts.domain}`,
    `  requirements: ${countReqs(doc.activities)} on activities, ${countReqs(doc.roles)} on roles`,
    `  distinct competencies used ${counts.competencies}: Behavioural ${byType.Behavioural}, Functional ${byType.Functional}, Domain ${byType.Domain}`,
    `  shared roles (2+ positions) ${counts.sharedRoles}, shared activities (2+ roles) ${counts.sharedActivities}`,
    `  Hindi names ${counts.hindi} (${Object.entries(hindi).map(([k, n]) => `${k} ${n}`).join(", ")})`,
    `  positions matching an iGOT designation: ${matched.length} of ${counts.positions}`,
  ];
  if (!quiet) lines.push(`  required levels by position: ${levelRange.join("; ")}`);
  return lines.join("\n");
}

const reports = DEMOS.map(checkDemo).filter(Boolean);
if (kcm) console.log(`kcm.json: ${dictionary.size} Behavioural/Functional entries (themes and sub-themes)`);
for (const r of reports) console.log(r);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log("\nOK: no problems found.");
