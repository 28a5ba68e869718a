import { describe, expect, it } from "vitest";
import { localDescription, localName, otherName } from "~/i18n/content";

const both = { name: "Under Secretary", nameHi: "अवर सचिव", description: "Heads the section.", descriptionHi: "अनुभाग का प्रमुख।" };
const englishOnly = { name: "Section Officer", nameHi: null, description: "Runs the section." };
const hindiDescriptionOnly = { name: "Examiner", nameHi: "  ", description: "", descriptionHi: "माल की जाँच करता है।" };

describe("localName / otherName", () => {
  it("shows the Hindi name on a Hindi page and the English one after it", () => {
    expect(localName(both, "hi")).toEqual({ text: "अवर सचिव", lang: "hi" });
    expect(otherName(both, "hi")).toEqual({ text: "Under Secretary", lang: "en" });
  });

  it("shows the English name on an English page and the Hindi one after it", () => {
    expect(localName(both, "en")).toEqual({ text: "Under Secretary", lang: "en" });
    expect(otherName(both, "en")).toEqual({ text: "अवर सचिव", lang: "hi" });
  });

  it("falls back to English on a Hindi page where there is no Hindi name (a blank one counts as none)", () => {
    expect(localName(englishOnly, "hi")).toEqual({ text: "Section Officer", lang: "en" });
    expect(otherName(englishOnly, "hi")).toBeNull();
    expect(localName(hindiDescriptionOnly, "hi")).toEqual({ text: "Examiner", lang: "en" });
  });
});

describe("localDescription", () => {
  it("picks the page's language, the other standing in where it is empty", () => {
    expect(localDescription(both, "hi")).toEqual({ text: "अनुभाग का प्रमुख।", lang: "hi" });
    expect(localDescription(both, "en")).toEqual({ text: "Heads the section.", lang: "en" });
    expect(localDescription(englishOnly, "hi")).toEqual({ text: "Runs the section.", lang: "en" });
    // English missing: the Hindi description stands in on an English page too.
    expect(localDescription(hindiDescriptionOnly, "en")).toEqual({ text: "माल की जाँच करता है।", lang: "hi" });
  });

  it("is null when neither language has a description", () => {
    expect(localDescription({ name: "Liaison" }, "en")).toBeNull();
    expect(localDescription({ name: "Liaison", description: " ", descriptionHi: null }, "hi")).toBeNull();
  });
});
