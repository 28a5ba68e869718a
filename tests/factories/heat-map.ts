import type { HeatMap } from "@schemas/heatmap";

/** A small heat map for the chart's tests: two competencies (one with a Hindi name), three positions (one needing nothing). */
export const smallHeatMap: HeatMap = {
  columns: [
    { id: "c1", code: "FUN-060", name: "Finance", nameHi: null, type: "Functional" },
    { id: "c2", code: null, name: "Drafting", nameHi: "मसौदा लेखन", type: "Domain" },
  ],
  rows: [
    { id: "p1", name: "Under Secretary", nameHi: "अवर सचिव", levels: "32" },
    { id: "p2", name: "Section Officer", nameHi: null, levels: "04" },
    { id: "p3", name: "Consultant", nameHi: null, levels: "00" },
  ],
};
