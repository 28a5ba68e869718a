#!/usr/bin/env node
// Rewrites import specifiers after files were moved, using scripts/moved-paths.txt (lines of
// "old new", repo-relative; lines without a file extension are ignored here). Run it from the
// repository root on a branch that still imports the old paths, for example after merging a
// branch that moved files:
//
//   node scripts/rewrite-moved-imports.mjs            rewrite in place
//   node scripts/rewrite-moved-imports.mjs --check    list what would change, exit 1 if anything
//   node scripts/rewrite-moved-imports.mjs --move     also `git mv` each old file that still exists
//
// Each specifier is resolved the way TypeScript resolves it here (the tsconfig aliases, then
// relative paths, trying .ts/.tsx/.js/.mjs and index files) against the file's old location. A
// specifier whose target moved, or a relative one in a file that moved, is rewritten in the
// same style (alias or relative); everything else is left alone, so running it twice changes
// nothing the second time.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const args = new Set(process.argv.slice(2));
const ALIASES = [
  ["~/", "app/"],
  ["@schemas/", "schemas/"],
  ["@db/", "db/"],
  ["@import/", "import/"],
  ["@export/", "export/"],
];
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs"];
const SKIP_DIRS = new Set(["node_modules", "build", "dist", ".cache", ".git", "test-results", "playwright-report", "public"]);

const pairs = fs
  .readFileSync(path.join(ROOT, "scripts/moved-paths.txt"), "utf8")
  .split("\n")
  .map((line) => line.trim().split(/\s+/))
  .filter(([from, to]) => from && to && !from.startsWith("#") && EXTENSIONS.some((e) => from.endsWith(e)));
const newOf = new Map(pairs.map(([from, to]) => [from, to]));
const oldOf = new Map(pairs.map(([from, to]) => [to, from]));

if (args.has("--move")) {
  for (const [from, to] of newOf) {
    if (!fs.existsSync(path.join(ROOT, from)) || fs.existsSync(path.join(ROOT, to))) continue;
    fs.mkdirSync(path.dirname(path.join(ROOT, to)), { recursive: true });
    execFileSync("git", ["mv", from, to]);
  }
}

const posix = (p) => p.split(path.sep).join("/");
const existsFile = (rel) => fs.existsSync(path.join(ROOT, rel)) && fs.statSync(path.join(ROOT, rel)).isFile();

/** The repo-relative file a specifier names, in the old layout, or null when it names none. */
function resolveOld(spec, fromOld) {
  let base = null;
  for (const [alias, dir] of ALIASES) if (spec.startsWith(alias)) base = dir + spec.slice(alias.length);
  if (base === null && spec.startsWith(".")) base = posix(path.normalize(path.join(path.dirname(fromOld), spec)));
  if (base === null) return null;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
  for (const c of candidates) if (newOf.has(c)) return c;
  for (const c of candidates) if (!oldOf.has(c) && existsFile(c)) return c;
  return null;
}

/** The specifier for `target` (repo-relative, new layout) written from `fromNew` in the style of `spec`. */
function specFor(spec, oldTarget, target, fromNew) {
  const keptExtension = EXTENSIONS.find((e) => spec.endsWith(e) && oldTarget.endsWith(e));
  const bare = keptExtension ? target : target.replace(/\.(ts|tsx|js|mjs)$/, "");
  for (const [alias, dir] of ALIASES) if (!spec.startsWith(".") && spec.startsWith(alias) && bare.startsWith(dir)) return alias + bare.slice(dir.length);
  let rel = posix(path.relative(path.dirname(fromNew), bare));
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel;
}

const SPEC = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:mock|doMock|importActual)(?:<[^>]*>)?\(\s*|\brequire\(\s*)(["'])([^"'\n]+)\2/g;

function rewrite(text, fileNew) {
  const fileOld = oldOf.get(fileNew) ?? fileNew;
  const moved = fileOld !== fileNew;
  return text.replace(SPEC, (whole, lead, quote, spec) => {
    const oldTarget = resolveOld(spec, fileOld);
    if (!oldTarget) return whole;
    const target = newOf.get(oldTarget) ?? oldTarget;
    if (target === oldTarget && !(moved && spec.startsWith("."))) return whole;
    const next = specFor(spec, oldTarget, target, fileNew);
    return next === spec ? whole : `${lead}${quote}${next}${quote}`;
  });
}

function* walk(dir) {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name) || (entry.name.startsWith(".") && entry.name !== ".")) continue;
    const rel = dir === "." ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* walk(rel);
    else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) yield rel;
  }
}

let changed = 0;
for (const file of walk(".")) {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const next = rewrite(text, file);
  if (next === text) continue;
  changed += 1;
  if (args.has("--check")) console.log(file);
  else fs.writeFileSync(path.join(ROOT, file), next);
}
console.log(`${changed} file(s) ${args.has("--check") ? "would change" : "rewritten"}`);
if (args.has("--check") && changed > 0) process.exit(1);
