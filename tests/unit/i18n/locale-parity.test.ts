import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resources } from "~/locales/resources.server";
import { LANGUAGES } from "~/i18n/i18n";

const localesDir = fileURLToPath(new URL("../../../app/locales", import.meta.url));

type Messages = { [key: string]: string | Messages };

/** Every message as "a.b.c" → text. */
function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The placeholders ({{name}}) and component tags (<0>, <strong>) a message uses, sorted. */
function variables(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/gu)].map((m) => `{{${m[1]}}}`);
  const tags = [...text.matchAll(/<\/?([\w]+)\s*\/?>/gu)].map((m) => `<${m[1]}>`);
  return [...names, ...tags].sort();
}

const read = (lng: string, file: string) => JSON.parse(fs.readFileSync(path.join(localesDir, lng, file), "utf8")) as Messages;
const namespaces = (lng: string) => fs.readdirSync(path.join(localesDir, lng)).filter((f) => f.endsWith(".json")).sort();

describe("message files", () => {
  it("every language has the same namespace files", () => {
    const [first, ...rest] = LANGUAGES;
    for (const lng of rest) expect(namespaces(lng), `app/locales/${lng}`).toEqual(namespaces(first));
  });

  it("every namespace file is bundled in resources.server.ts", () => {
    for (const lng of LANGUAGES) {
      const bundled = Object.keys(resources[lng]).sort();
      expect(bundled, `resources.${lng}`).toEqual(namespaces(lng).map((f) => f.replace(/\.json$/u, "")).sort());
    }
  });

  for (const file of namespaces("en")) {
    describe(file, () => {
      const all = LANGUAGES.map((lng) => [lng, flatten(read(lng, file))] as const);
      const [, english] = all[0];

      it("has the same keys in every language", () => {
        for (const [lng, messages] of all.slice(1)) {
          const missing = [...english.keys()].filter((k) => !messages.has(k));
          const extra = [...messages.keys()].filter((k) => !english.has(k));
          expect({ missing, extra }, `${lng}/${file}`).toEqual({ missing: [], extra: [] });
        }
      });

      it("uses the same placeholders in every language", () => {
        for (const [lng, messages] of all.slice(1)) {
          const differing = [...english].filter(([k, text]) => messages.has(k) && variables(text).join() !== variables(messages.get(k) ?? "").join()).map(([k]) => k);
          expect(differing, `${lng}/${file}: placeholders differ from English`).toEqual([]);
        }
      });

      it("has no empty message", () => {
        for (const [lng, messages] of all) {
          const empty = [...messages].filter(([, text]) => !text.trim()).map(([k]) => k);
          expect(empty, `${lng}/${file}`).toEqual([]);
        }
      });
    });
  }
});

describe("the parity checks themselves", () => {
  it("see a placeholder that one language lacks", () => {
    expect(variables("Notifications, {{count}} unread").join()).not.toBe(variables("सूचनाएँ, अपठित").join());
    expect(variables("{{count}} rows in <0>{{file}}</0>")).toEqual(["<0>", "<0>", "{{count}}", "{{file}}"]);
  });

  it("flatten nested keys", () => {
    expect([...flatten({ a: { b: "x", c: { d: "y" } }, e: "z" }).keys()]).toEqual(["a.b", "a.c.d", "e"]);
  });
});
