/**
 * Every refusal a person can read has its message in every language: the keys the code names
 * (refusalText("…"), and the import stages' { key: "importFile.…" }) are found by reading the
 * source, and each must be in app/locales/<lng>/refusals.json. A refusal written as an English
 * sentence (refuse(400, "…")) fails here too, since a page could not say it in Hindi.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FROZEN_SENTENCE, NODE_KINDS } from "@schemas/enums";
import { whyNotLinked } from "@schemas/findings";
import { resources } from "~/locales/resources.server";
import { LANGUAGES } from "~/i18n/i18n";
import { aKindText, refusalText, sayRefusal } from "~/i18n/refusal-text";
import { fixedT } from "~/i18n/i18n.server";
import { inEnglish } from "~/models/refusal.server";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const SOURCE_DIRS = ["app", "import", "bin", "schemas"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "locales" ? [] : sourceFiles(full);
    return /\.tsx?$/u.test(entry.name) ? [full] : [];
  });
}

const sources = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(root, d))).map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, "utf8") }));

/** `refusalText("a.b")`, `refusalText(\`a.${x}\`)` and `{ key: "importFile.x" }` as patterns: a template's `${…}` matches any one key segment. */
function usedKeys(text: string): string[] {
  const literal = [...text.matchAll(/refusalText\(\s*"([^"]+)"/gu), ...text.matchAll(/\{\s*key:\s*"(importFile\.[^"]+)"/gu)].map((m) => m[1]);
  const templated = [...text.matchAll(/refusalText\(\s*`([^`]+)`/gu)].map((m) => m[1]);
  return [...literal, ...templated];
}

type Messages = { [key: string]: string | Messages };
function keysOf(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/u, "")] : keysOf(v, `${prefix}${k}.`)));
}

const catalogue = Object.fromEntries(LANGUAGES.map((lng) => [lng, new Set(keysOf(resources[lng].refusals as Messages))]));

/** Whether `pattern` (a key, or a template key with `${…}`) names at least one message in `lng`. */
function known(lng: string, pattern: string): boolean {
  if (!pattern.includes("${")) return catalogue[lng].has(pattern);
  const re = new RegExp(`^${pattern.split(/\$\{[^}]*\}/u).map((part) => part.replace(/[.*+?^$()|[\]\\]/gu, "\\$&")).join("[^.]+")}$`, "u");
  return [...catalogue[lng]].some((key) => re.test(key));
}

describe("the refusal catalogue", () => {
  const uses = sources.flatMap(({ file, text }) => usedKeys(text).map((key) => ({ file, key })));

  it("finds the refusals it checks", () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(uses.some((u) => u.key === "draft.staleOther")).toBe(true);
  });

  for (const lng of LANGUAGES) {
    it(`has a ${lng} message for every key the code names`, () => {
      const missing = uses.filter((u) => !known(lng, u.key)).map((u) => `${u.file}: ${u.key}`);
      expect(missing, `app/locales/${lng}/refusals.json lacks`).toEqual([]);
    });
  }

  it("has no refusal written as a bare sentence", () => {
    const bare = /\brefuse\(\s*\d{3},\s*["'`]/u;
    // why only these files: the read API's own refuse() (app/http/api.server.ts) answers machines, in English by design.
    const offenders = sources.filter(({ text }) => text.includes("refusal.server") && bare.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("would catch a key missing from a language", () => {
    expect(known("en", "draft.noFramework")).toBe(true);
    expect(known("hi", "draft.notAKey")).toBe(false);
    expect(known("en", "link.notAllowed.${from.kind}")).toBe(true);
    expect(usedKeys('refuse(409, refusalText("x.y", { a: 1 }))')).toEqual(["x.y"]);
    expect(usedKeys('new ImportError("empty_file", "The file is empty.", 400, { text: { key: "importFile.empty" } })')).toEqual(["importFile.empty"]);
    expect(/\brefuse\(\s*\d{3},\s*["'`]/u.test('refuse(400, "Nothing to see.")')).toBe(true);
  });
});

describe("English refusals say what the shared sentences say", () => {
  it("the freeze", () => {
    expect(inEnglish(refusalText("frozen"))).toBe(FROZEN_SENTENCE);
  });

  it("why two kinds cannot be linked, for every pair", () => {
    for (const from of NODE_KINDS) {
      for (const to of NODE_KINDS) {
        expect(inEnglish(refusalText(`link.notAllowed.${from}`, { to: aKindText(to) }))).toBe(whyNotLinked(from, to));
      }
    }
  });

  it("plurals and nested texts", () => {
    expect(inEnglish(refusalText("publish.noLongerValid", { count: 1 }))).toContain("(1 problem,");
    expect(inEnglish(refusalText("publish.noLongerValid", { count: 3 }))).toContain("(3 problems,");
    const hi = sayRefusal("hi", fixedT("hi"), refusalText("draft.staleOther", { who: refusalText("someoneElse"), when: { when: "2026-03-12T14:03:00Z" }, base: 4, current: 6 }));
    expect(hi).toContain("किसी अन्य उपयोगकर्ता");
    expect(hi).toContain("12 मार्च 2026");
    expect(hi).toMatch(/संशोधन 4.*संशोधन 6/u);
  });
});
