import { describe, expect, it } from "vitest";
import { decodeBytes, firstInvalidUtf8 } from "@import/decode";
import { ImportError } from "@import/findings";
import { fixture, fixtureText, utf16, utf8 } from "../../factories/import-data";

const HINDI = "Position\tRole\r\nअवर सचिव\tबजट तैयारी\r\n";

describe("decodeBytes", () => {
  it("reads UTF-8 with a BOM, strips the BOM and keeps Devanagari", () => {
    const { text, encoding } = decodeBytes(fixture("cbic-flat-utf8-bom.csv"));
    expect(encoding).toBe("utf-8-bom");
    expect(text.startsWith("Position id,")).toBe(true);
    expect(text).toContain("परीक्षक");
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeBytes(utf8("Position,Role\nअवर सचिव,x\n"))).toEqual({
      text: "Position,Role\nअवर सचिव,x\n",
      encoding: "utf-8",
    });
  });

  it("reads UTF-16LE and UTF-16BE with a BOM, as Excel's Unicode text", () => {
    expect(decodeBytes(utf16(HINDI, "le"))).toEqual({ text: HINDI, encoding: "utf-16le" });
    expect(decodeBytes(utf16(HINDI, "be"))).toEqual({ text: HINDI, encoding: "utf-16be" });
  });

  it("recognises UTF-16 without a BOM by its NUL bytes, even when most text is Devanagari", () => {
    const text = fixtureText("cbic-flat-utf8-bom.csv").replaceAll(",", "\t");
    expect(decodeBytes(utf16(text, "le", false))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeBytes(utf16(HINDI, "be", false))).toEqual({ text: HINDI, encoding: "utf-16be" });
  });

  it("refuses Windows-1252 text with the line and byte, instead of mangling it", () => {
    // "Café" in Windows-1252 on line 2: 0xE9 is not valid UTF-8 on its own.
    const bytes = new Uint8Array([...utf8("Position,Role\n"), 0x43, 0x61, 0x66, 0xe9, 0x2c, 0x78, 0x0a]);
    expect(() => decodeBytes(bytes)).toThrowError(ImportError);
    try {
      decodeBytes(bytes);
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_encoding", status: 400 });
      expect((error as Error).message).toMatch(/line 2 .*0xE9.*byte 18/u);
      expect((error as Error).message).toContain("CSV UTF-8");
    }
  });

  it("refuses binary data", () => {
    const garbage = new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 256);
    expect(() => decodeBytes(garbage)).toThrowError(expect.objectContaining({ code: "binary_file", status: 400 }));
  });

  it("refuses truncated UTF-16", () => {
    const bytes = utf16("Position\tRole\r\n", "le").slice(0, -1);
    expect(() => decodeBytes(bytes)).toThrowError(expect.objectContaining({ code: "invalid_encoding" }));
  });
});

describe("firstInvalidUtf8", () => {
  it("finds overlong forms, surrogates and cut-off sequences, and passes valid text", () => {
    expect(firstInvalidUtf8(utf8("ok अवर 😀"))).toBe(utf8("ok अवर 😀").length);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe0, 0xa4]))).toBe(2);
  });
});
