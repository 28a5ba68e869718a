import { describe, expect, it } from "vitest";
import { detectDelimiter, parseDelimited } from "@import/csv";
import { decodeBytes } from "@import/decode";
import { fixture, fixtureText, toCsv, utf16 } from "../../factories/import-data";

describe("parseDelimited", () => {
  it("reads the committed CBIC fixture: comma, CRLF, a quoted line break, Devanagari", () => {
    const { delimiter, rows, findings } = parseDelimited(decodeBytes(fixture("cbic-flat-utf8-bom.csv")).text);
    expect(delimiter).toBe(",");
    expect(findings).toEqual([]);
    expect(rows).toHaveLength(26);
    expect(rows.every((row) => row.length === 17)).toBe(true);
    expect(rows[1][2]).toContain("assessing officer.\nWorks in the docks");
    expect(rows[1][14]).toBe("परीक्षक");
  });

  it("detects `;` and tab, with LF or CRLF", () => {
    const rows = [
      ["Position", "Role", "Role description"],
      ["Under Secretary", "Budget preparation", "Prepares estimates, demands; and notes"],
    ];
    for (const [delimiter, newline] of [
      [";", "\n"],
      ["\t", "\r\n"],
      [",", "\n"],
    ] as const) {
      const parsed = parseDelimited(toCsv(rows, delimiter, newline));
      expect(parsed.delimiter).toBe(delimiter);
      expect(parsed.rows).toEqual(rows);
    }
  });

  it("reads Excel's Unicode text (UTF-16LE, tab-separated, BOM)", () => {
    const text = fixtureText("cbic-flat-utf8-bom.csv");
    const rows = parseDelimited(text).rows;
    const tsv = toCsv(rows, "\t", "\r\n");
    const decoded = decodeBytes(utf16(tsv, "le"));
    expect(decoded.encoding).toBe("utf-16le");
    const parsed = parseDelimited(decoded.text);
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.rows).toEqual(rows);
  });

  it("keeps a comma-rich description from winning over the real delimiter", () => {
    const text = 'Position;Role;Description\nA;B;"one, two, three, four"\nC;D;"five, six"\n';
    expect(detectDelimiter(text)).toBe(";");
  });

  it("drops trailing empty rows but keeps empty rows in the middle, so row numbers stay true", () => {
    const parsed = parseDelimited("Position,Role\nA,B\n\nC,D\n\n,\n\n");
    expect(parsed.rows).toEqual([["Position", "Role"], ["A", "B"], [""], ["C", "D"]]);
  });

  it("reports an unbalanced quote as a finding on its row instead of failing", () => {
    const parsed = parseDelimited('Position,Role\r\nA,B\r\nC,"unterminated\r\nE,F\r\n');
    expect(parsed.findings).toEqual([expect.objectContaining({ row: 3, severity: "error", code: "csv_quotes" })]);
    expect(parsed.findings[0].message).toContain("never closed");
    expect(parsed.rows[1]).toEqual(["A", "B"]);
  });

  it("reports a stray quote after a quoted cell", () => {
    const parsed = parseDelimited('Position,Role\nA,"B"x\n');
    expect(parsed.findings).toEqual([expect.objectContaining({ row: 2, code: "csv_quotes" })]);
  });

  it("refuses more rows than the limit with a 413, without reading the rest", () => {
    const text = "Position,Role\n" + "A,B\n".repeat(11);
    expect(parseDelimited(text, { maxRows: 11 }).rows).toHaveLength(12);
    expect(() => parseDelimited(text + "C,D\n", { maxRows: 11 })).toThrowError(
      expect.objectContaining({ code: "too_many_rows", status: 413 }),
    );
  });
});
