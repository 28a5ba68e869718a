import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { resources } from "~/locales/resources.server";
import "~/i18n/i18n.server";
import { catalogueScript, catalogueSrc, CATALOGUE_PATH } from "~/i18n/catalogue-script.server";

describe("the messages script a page names", () => {
  it("is named by language and a hash of its text, and the same name twice", () => {
    const src = catalogueSrc("hi");
    expect(src).toMatch(/^\/resources\/messages\/hi\.[0-9a-f]{16}\.js$/u);
    expect(catalogueSrc("hi")).toBe(src);
    expect(catalogueSrc("en")).not.toBe(src);
  });

  it("gives the browser exactly the server's messages of that language, under the one global the page reads", () => {
    for (const lng of ["en", "hi"] as const) {
      const text = catalogueScript(catalogueSrc(lng).slice(CATALOGUE_PATH.length));
      expect(text).not.toBeNull();
      const sandbox: { globalThis?: unknown; __fracMessages?: Record<string, unknown> } = {};
      sandbox.globalThis = sandbox;
      vm.runInNewContext(text!, sandbox);
      expect(Object.keys(sandbox.__fracMessages!)).toEqual([lng]);
      expect(sandbox.__fracMessages![lng]).toEqual(resources[lng]);
    }
  });

  it("keeps a second language's script beside the first", () => {
    const sandbox: { globalThis?: unknown; __fracMessages?: Record<string, unknown> } = {};
    sandbox.globalThis = sandbox;
    for (const lng of ["en", "hi"] as const) vm.runInNewContext(catalogueScript(catalogueSrc(lng).slice(CATALOGUE_PATH.length))!, sandbox);
    expect(Object.keys(sandbox.__fracMessages!).sort()).toEqual(["en", "hi"]);
  });

  it("serves nothing for a name it did not give out", () => {
    const hash = catalogueSrc("en").split(".")[1];
    for (const file of [
      "en.0000000000000000.js", // a stale or guessed hash
      `fr.${hash}.js`, // a language we do not offer
      `hi.${hash}.js`, // another language's hash
      `en.${hash}.json`,
      `../en.${hash}.js`,
      `en.${hash}.js?x`,
      "",
    ]) {
      expect(catalogueScript(file), file).toBeNull();
    }
  });
});
