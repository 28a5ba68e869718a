// The heat map chart as the server draws it, for the small map of heat-map-layout.test.ts (sizes
// worked out there): Finance and Drafting (columns) × Under Secretary, Section Officer, Consultant.
//   Under Secretary: Finance 3, Drafting 2;  Section Officer: Drafting 4;  Consultant: nothing.
// A tile starts 2 px into its 24 px cell: column c, row r at (24c + 2, 24r + 2), 22 px square, its
// digit at the tile's centre (24c + 13, 24r + 13).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import type { HeatMap } from "@schemas/heatmap";
import { smallHeatMap } from "../../factories/heat-map";
import { HeatMapChart, TILE_TOOLTIPS_UP_TO } from "~/components/cbc/heat-map-chart";
import { createI18n, type Language } from "~/i18n/i18n";
import { resources } from "~/locales/resources.server";

const map = smallHeatMap;

const draw = (m: HeatMap, lang: Language = "en") => renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(lang, resources) }, createElement(HeatMapChart, { map: m })));

/** Each drawn tile as [level of its group, x, y, width, height, tooltip, digit x, digit y, digit]. */
function tiles(html: string) {
  const out: string[][] = [];
  for (const [, level, body] of html.matchAll(/<g class="heat-level heat-(\d)">(.*?)<\/g>/g))
    for (const m of body!.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)">(?:<title>(.*?)<\/title>)?<\/rect><text x="(\d+)" y="(\d+)">(\d)<\/text>/g)) out.push([level!, ...m.slice(1).map((v) => v ?? "")]);
  return out;
}

/** The opening tag of an element with the given class. */
const tagOf = (html: string, cls: string) => new RegExp(`<[a-z]+ class="${cls}"[^>]*>`).exec(html)?.[0];

describe("HeatMapChart", () => {
  it("draws one tile per requirement, in its level's colour group, at its row and column, with its digit and tooltip", () => {
    const html = draw(map);
    expect(tiles(html)).toEqual([
      ["2", "26", "2", "22", "22", "Under Secretary, Drafting: level 2", "37", "13", "2"],
      ["3", "2", "2", "22", "22", "Under Secretary, Finance: level 3", "13", "13", "3"],
      ["4", "26", "26", "22", "22", "Section Officer, Drafting: level 4", "37", "37", "4"],
    ]);
    // Five groups, one per level, even for a level without tiles: the colour is the group's class.
    expect(html.match(/<g class="heat-level heat-\d">/g)).toHaveLength(5);
  });

  it("sizes its four SVGs from the layout and names every row and column, the whole name in a tooltip", () => {
    const html = draw(map);
    expect(tagOf(html, "heat-corner")).toBe('<svg class="heat-corner" width="115" height="69" aria-hidden="true" focusable="false">');
    expect(tagOf(html, "heat-columns")).toBe('<svg class="heat-columns" width="50" height="69" aria-hidden="true" focusable="false">');
    expect(tagOf(html, "heat-rows")).toBe('<svg class="heat-rows" width="115" height="74" aria-hidden="true" focusable="false">');
    expect(tagOf(html, "heat-cells")).toBe('<svg class="heat-cells" width="50" height="74" aria-hidden="true" focusable="false">');
    const rows = [...html.matchAll(/<text lang="(\w+)" x="(\d+)" y="(\d+)" class="heat-name"><title>(.*?)<\/title>(.*?)<\/text>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ["en", "6", "13", "Under Secretary अवर सचिव", "Under Secretary"],
      ["en", "6", "37", "Section Officer", "Section Officer"],
      ["en", "6", "61", "Consultant", "Consultant"],
    ]);
    // Upright names, each centred on its column, starting 6 px above the strip's bottom edge (69 - 6).
    const columns = [...html.matchAll(/<text lang="(\w+)" transform="([^"]+)" class="heat-name"><title>(.*?)<\/title>(.*?)<\/text>/g)].map((m) => m.slice(1));
    expect(columns).toEqual([
      ["en", "translate(13 63) rotate(-90)", "Finance (FUN-060)", "Finance"],
      ["en", "translate(37 63) rotate(-90)", "Drafting मसौदा लेखन", "Drafting"],
    ]);
  });

  it("is one picture to assistive technology, summarised in its label, inside a focusable, labelled scrolling region", () => {
    const html = draw(map);
    expect(html).toMatch(/^<div class="heatmap-box heat-chart-box" role="region" aria-label="Heat map chart: scroll inside this box to see every position and competency" tabindex="0">/);
    expect(tagOf(html, "heat-chart")).toBe(
      '<div class="heat-chart" role="img" aria-label="Heat map of 3 positions × 2 competencies: 3 required levels (level 2: 1, level 3: 1, level 4: 1). Every value is in the table that follows the chart.">',
    );
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html.match(/<svg [^>]*aria-hidden="true" focusable="false"/g)).toHaveLength(4);
    // No inline style (the look lives in cbc.css, one place for the table and the chart), and the same markup every time.
    expect(html).not.toMatch(/ style=/);
    expect(draw(map)).toBe(html);
  });

  it("on a Hindi page names rows and columns in Hindi where there is a Hindi name, and summarises in Hindi", () => {
    const html = draw(map, "hi");
    const names = [...html.matchAll(/<text lang="(\w+)"[^>]*class="heat-name"><title>.*?<\/title>(.*?)<\/text>/g)].map((m) => m.slice(1));
    expect(names).toEqual([
      ["en", "Finance"],
      ["hi", "मसौदा लेखन"],
      ["hi", "अवर सचिव"],
      ["en", "Section Officer"],
      ["en", "Consultant"],
    ]);
    expect(tagOf(html, "heat-chart")).toMatch(/aria-label="3 पद × 2 दक्षताओं का हीट मैप: 3 अपेक्षित स्तर \(स्तर 2: 1, स्तर 3: 1, स्तर 4: 1\)/);
    expect(tiles(html)[0]![5]).toBe("अवर सचिव, मसौदा लेखन: स्तर 2");
  });

  it("leaves out the tiles' tooltips past the limit, keeping the names'", () => {
    const side = Math.ceil(Math.sqrt(TILE_TOOLTIPS_UP_TO + 1));
    const big: HeatMap = {
      columns: Array.from({ length: side }, (_, i) => ({ id: `c${i}`, code: null, name: `C${i}`, nameHi: null, type: "Domain" as const })),
      rows: Array.from({ length: side }, (_, i) => ({ id: `p${i}`, name: `P${i}`, nameHi: null, levels: "1".repeat(side) })),
    };
    const html = draw(big);
    const drawn = tiles(html);
    expect(drawn).toHaveLength(side * side);
    expect(drawn.every((t) => t[0] === "1" && t[5] === "")).toBe(true);
    expect(html.match(/<title>/g)).toHaveLength(2 * side);
  });
});
