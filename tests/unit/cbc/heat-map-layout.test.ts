// The heat map chart's geometry for a small map, worked out by hand from the estimated glyph widths
// (GLYPH_WIDTH: capital 8.6, small letter 6.8, space 3.4, "…" 10, a Devanagari cluster 9.6 px):
//   "Under Secretary"  U + nder + ␠ + S + ecretary = 8.6 + 4×6.8 + 3.4 + 8.6 + 8×6.8 = 102.2
//   "Section Officer"  S + ection + ␠ + O + fficer = 8.6 + 6×6.8 + 3.4 + 8.6 + 6×6.8 = 102.2
//   "Consultant"       C + onsultant              = 8.6 + 9×6.8                     =  69.8
//   "Finance"          8.6 + 6×6.8 = 49.4;  "Drafting" 8.6 + 7×6.8 = 56.2
//   "अवर सचिव"          अ व र ␠ स चि व: 6 × 9.6 + 3.4 = 61.0
// Cells are 24 px with a 2 px gap, names 6 px from their strip's edges.
import { describe, expect, it } from "vitest";
import type { HeatMap } from "@schemas/heatmap";
import { smallHeatMap } from "../../factories/heat-map";
import { fitName, heatMapLayout, tileCentre } from "~/components/cbc/heat-map-layout";

const map = smallHeatMap;

describe("heatMapLayout", () => {
  it("sizes the strips from the widest name and the grid from the counts, with the levels column by column", () => {
    const layout = heatMapLayout(map, "en");
    expect(layout.rows.map((r) => [r.text, r.width])).toEqual([
      ["Under Secretary", 102.2],
      ["Section Officer", 102.2],
      ["Consultant", 69.8],
    ]);
    expect(layout.columns.map((c) => [c.text, c.width])).toEqual([
      ["Finance", 49.4],
      ["Drafting", 56.2],
    ]);
    // 102.2 + 2 × 6 = 114.2 → 115; 56.2 + 12 = 68.2 → 69.
    expect(layout.rowLabelWidth).toBe(115);
    expect(layout.columnLabelHeight).toBe(69);
    // 2 columns × 24 + 2; 3 rows × 24 + 2.
    expect([layout.gridWidth, layout.gridHeight]).toEqual([50, 74]);
    expect(layout.bins).toEqual([
      [3, 0, 0],
      [2, 4, 0],
    ]);
    expect(layout.byLevel).toEqual([0, 1, 1, 1, 0]);
    expect(layout.filled).toBe(3);
  });

  it("keeps the whole name, the other language's name and the code for the tooltip", () => {
    const layout = heatMapLayout(map, "en");
    expect(layout.columns.map((c) => c.full)).toEqual(["Finance (FUN-060)", "Drafting मसौदा लेखन"]);
    expect(layout.rows[0]!.full).toBe("Under Secretary अवर सचिव");
    expect(layout.rows[1]!.full).toBe("Section Officer");
  });

  it("shows the Hindi name first on a Hindi page, the English where there is none", () => {
    const layout = heatMapLayout(map, "hi");
    expect(layout.rows.map((r) => [r.text, r.lang, r.width])).toEqual([
      ["अवर सचिव", "hi", 61],
      ["Section Officer", "en", 102.2],
      ["Consultant", "en", 69.8],
    ]);
    expect(layout.rows[0]!.full).toBe("अवर सचिव Under Secretary");
    expect(layout.columns.map((c) => c.lang)).toEqual(["en", "hi"]);
  });

  it("gives short names the least room the corner's heading needs", () => {
    const tiny: HeatMap = { columns: [{ id: "c", code: null, name: "x", nameHi: null, type: "Domain" }], rows: [{ id: "p", name: "DS", nameHi: null, levels: "1" }] };
    const layout = heatMapLayout(tiny, "en");
    // "DS" 17.2 + 12 = 29.2 and "x" 6.8 + 12 = 18.8 are below the minimums.
    expect([layout.rowLabelWidth, layout.columnLabelHeight]).toEqual([72, 28]);
    expect([layout.gridWidth, layout.gridHeight]).toEqual([26, 26]);
  });

  it("counts a level above 5 with level 5 and draws the same map the same way every time", () => {
    const high: HeatMap = { ...map, rows: [{ id: "p", name: "Chief", nameHi: null, levels: "70" }] };
    expect(heatMapLayout(high, "en").byLevel).toEqual([0, 0, 0, 0, 1]);
    expect(heatMapLayout(map, "hi")).toEqual(heatMapLayout(map, "hi"));
  });

  it("puts each tile's centre half a tile past its start, after the gap", () => {
    expect([tileCentre(0), tileCentre(1), tileCentre(2)]).toEqual([13, 37, 61]);
  });
});

describe("fitName", () => {
  it("leaves a name that fits as it is and cuts a longer one to the limit, ending in …", () => {
    expect(fitName("Consultant", 10)).toEqual({ text: "Consultant", width: 69.8 });
    // "Senior Inte" (11 graphemes) + "…": 8.6 + 5×6.8 + 3.4 + 8.6 + 3×6.8 + 10 = 85.
    expect(fitName("Senior Intelligence Officer", 12)).toEqual({ text: "Senior Inte…", width: 85 });
  });

  it("drops a space left before the …", () => {
    expect(fitName("Senior Intelligence", 8)).toEqual({ text: "Senior…", width: 52.6 });
  });

  it("never cuts a Devanagari vowel sign from its consonant", () => {
    // स चि वा ल य: the cut keeps "चि" whole, never "सच" with a dangling sign.
    expect(fitName("सचिवालय", 3)).toEqual({ text: "सचि…", width: 29.2 });
    expect(fitName("अवर सचिव", 5)).toEqual({ text: "अवर…", width: 38.8 });
  });

  it("keeps a conjunct whole and counts it once, whatever the runtime's Unicode version", () => {
    // मु ख्य ␠ आ यु क्त: "ख्य" (ख, virama, य) is one character.
    expect(fitName("मुख्य आयुक्त", 3)).toEqual({ text: "मुख्य…", width: 29.2 });
    expect(fitName("मुख्य आयुक्त", 6)).toEqual({ text: "मुख्य आयुक्त", width: 51.4 });
    // क्ष म ता
    expect(fitName("क्षमता", 2)).toEqual({ text: "क्ष…", width: 19.6 });
    // An accent written as a combining mark stays on its letter: C a f é.
    expect(fitName("Cafe\u0301 counter", 5)).toEqual({ text: "Cafe\u0301…", width: 39 });
  });
});
