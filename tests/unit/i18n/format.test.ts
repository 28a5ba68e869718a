import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatList, formatNumber, formatPercent, formatTimestamp } from "~/i18n/format";
import { createI18n } from "~/i18n/i18n";

describe("Intl formatting for India", () => {
  it("groups numbers in lakhs and crores in both languages", () => {
    expect(formatNumber("en", 4_600_000)).toBe("46,00,000");
    expect(formatNumber("hi", 4_600_000)).toBe("46,00,000");
    expect(formatNumber("en", 123_456_789)).toBe("12,34,56,789");
    expect(formatNumber("hi", 1234.5)).toBe("1,234.5");
  });

  it("gives dates in India Standard Time, with Hindi month names in Hindi", () => {
    // 20:00 UTC is already the next day in India (UTC+05:30).
    expect(formatDate("en", "2026-12-06T20:00:00Z")).toBe("7 Dec 2026");
    expect(formatDate("hi", "2026-12-06T20:00:00Z")).toBe("7 दिस॰ 2026");
    expect(formatDateTime("en", "2026-12-06T15:25:00Z")).toBe("6 Dec 2026, 8:55 pm");
    expect(formatDateTime("hi", new Date("2026-12-06T15:25:00Z"))).toMatch(/^6 दिस॰ 2026, 8:55 (pm|अपराह्न)$/u);
  });

  it("gives audit times to the second and shares as percentages", () => {
    expect(formatTimestamp("en", "2026-12-06T15:25:07Z")).toBe("6 Dec 2026, 8:55:07 pm");
    expect(formatTimestamp("hi", "2026-12-06T15:25:07Z")).toMatch(/^6 दिस॰ 2026, 8:55:07 (pm|अपराह्न)$/u);
    expect(formatPercent("hi", 0.425)).toBe("42.5%");
    expect(formatPercent("en", 1)).toBe("100%");
  });

  it("joins lists with the language's own 'and'", () => {
    expect(formatList("en", ["Position", "Role", "Activity"])).toBe("Position, Role and Activity");
    expect(formatList("hi", ["पद", "भूमिका", "गतिविधि"])).toBe("पद, भूमिका, और गतिविधि");
  });
});

describe("plurals by Intl.PluralRules", () => {
  const resources = {
    en: { common: { rows_one: "{{count}} row", rows_other: "{{count}} rows" } },
    hi: { common: { rows_one: "{{count}} पंक्ति", rows_other: "{{count}} पंक्तियाँ" } },
  };

  it("English: one is singular, zero plural", () => {
    const t = createI18n("en", resources, false).t;
    expect([0, 1, 2].map((count) => t("rows", { count }))).toEqual(["0 rows", "1 row", "2 rows"]);
  });

  it("Hindi: zero and one are singular (CLDR 'one' is i = 0 or n = 1)", () => {
    const t = createI18n("hi", resources, false).t;
    expect([0, 1, 2].map((count) => t("rows", { count }))).toEqual(["0 पंक्ति", "1 पंक्ति", "2 पंक्तियाँ"]);
  });

  it("groups a number in a message as India does, in both languages; a string is left as given", () => {
    const counts = { en: { common: { n: "{{count}} posts in {{year}}" } }, hi: { common: { n: "{{year}} में {{count}} पद" } } };
    expect(createI18n("en", counts, false).t("n", { count: 4_600_000, year: "2026" })).toBe("46,00,000 posts in 2026");
    expect(createI18n("hi", counts, false).t("n", { count: 12_345, year: "2026" })).toBe("2026 में 12,345 पद");
    expect(createI18n("en", counts, false).t("n", { count: 2.5, year: "2026-27" })).toBe("2.5 posts in 2026-27");
  });

  it("falls back to English for a key Hindi lacks", () => {
    const t = createI18n("hi", { en: { common: { only: "English only" } }, hi: { common: {} } }, false).t;
    expect(t("only")).toBe("English only");
  });
});
