import { describe, expect, it } from "vitest";
import { formatCount, isBlank, normalizeName } from "@schemas/text";
import { normalizeName as reExported } from "@schemas/validator";

describe("normalizeName", () => {
  it("trims, collapses spaces and lower-cases", () => {
    expect(normalizeName("  Budget   Preparation ")).toBe("budget preparation");
    expect(normalizeName("Budget\tpreparation\n")).toBe("budget preparation");
  });

  it("treats no-break, ideographic and en spaces, and a byte-order mark, as spaces", () => {
    expect(normalizeName("\uFEFFBudget\u00A0preparation")).toBe("budget preparation");
    expect(normalizeName("Budget\u2002\u3000preparation")).toBe("budget preparation");
  });

  it("drops zero-width spaces pasted from documents", () => {
    expect(normalizeName("Bud\u200Bget preparation")).toBe("budget preparation");
  });

  it("makes precomposed and decomposed Devanagari nukta letters compare equal (NFC)", () => {
    // ऩ: U+0929 versus न + nukta (U+0928 U+093C); NFC composes the pair.
    expect(normalizeName("\u0928\u093C")).toBe("\u0929");
    expect(normalizeName("\u0929")).toBe(normalizeName("\u0928\u093C"));
    // क़ानून: U+0958 is excluded from composition, so NFC turns it into क + nukta instead.
    expect(normalizeName("\u0958\u093E\u0928\u0942\u0928")).toBe(
      normalizeName("\u0915\u093C\u093E\u0928\u0942\u0928"),
    );
  });

  it("leaves Devanagari letters and the joiners that shape conjuncts alone", () => {
    expect(normalizeName("  बजट   तैयारी ")).toBe("बजट तैयारी");
    expect(normalizeName("क्\u200Dष")).toBe("क्\u200Dष");
  });

  it("is what the validator module re-exports", () => {
    expect(reExported).toBe(normalizeName);
  });
});

describe("isBlank and formatCount", () => {
  it("sees whitespace and zero-width spaces as blank", () => {
    expect(isBlank(" \u00A0\u200B\t")).toBe(true);
    expect(isBlank(" क ")).toBe(false);
  });

  it("groups numbers the Indian way", () => {
    expect(formatCount(250_000)).toBe("2,50,000");
    expect(formatCount(5000)).toBe("5,000");
  });
});
