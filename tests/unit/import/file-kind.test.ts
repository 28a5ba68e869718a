import { describe, expect, it } from "vitest";
import { controlCharacterFinding, lostCharactersFinding } from "@import/cells";
import { fileKind, refuseMarkup, zipEntryNames } from "@import/file-kind";
import { storedZip, utf8 } from "../../factories/import-data";

describe("fileKind", () => {
  it("takes a zip for a workbook only when it holds xl/workbook.xml, whatever its name", () => {
    expect(fileKind("frac.zip", storedZip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }))).toBe("workbook");
    expect(() => fileKind("frac.xlsx", storedZip({ "xl/workbook.bin": "" }))).toThrowError(/Excel binary workbook \(\.xlsb\)/);
    expect(() => fileKind("frac.xlsx", storedZip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "" }))).toThrowError(/This is an OpenDocument file,/);
    expect(() => fileKind("deck.xlsx", storedZip({ "ppt/presentation.xml": "" }))).toThrowError(/PowerPoint presentation/);
  });

  it("takes text by its name: .json as JSON, anything else as delimited text", () => {
    expect(fileKind("frac.json", utf8("{}"))).toBe("json");
    expect(fileKind("frac.txt", utf8("a\tb"))).toBe("text");
  });
});

describe("zipEntryNames", () => {
  it("lists the central directory, and gives null for a cut-off zip", () => {
    const zip = storedZip({ "a.txt": "1", "dir/b.xml": "<b/>" });
    expect(zipEntryNames(zip)).toEqual(["a.txt", "dir/b.xml"]);
    expect(zipEntryNames(zip.subarray(0, zip.length - 30))).toBeNull();
  });
});

describe("refuseMarkup", () => {
  it("refuses XML and HTML but not a CSV whose cells hold markup", () => {
    expect(() => refuseMarkup("\n  <!DOCTYPE html><html>")).toThrowError(/web-page \(HTML\)/);
    expect(() => refuseMarkup("Position,Role\n<b>x</b>,y")).not.toThrow();
  });
});

describe("lostCharactersFinding", () => {
  it("flags words of question marks, as a Windows encoding leaves Devanagari, and nothing else", () => {
    expect(lostCharactersFinding(4, "Role Hindi name", "??? ?? ????")).toMatchObject({ row: 4, code: "characters_lost", severity: "error" });
    expect(lostCharactersFinding(4, "Role", "Cargo ?????")).toMatchObject({ code: "characters_lost" });
    for (const fine of ["Is the duty paid??", "Why?", "? marks", "Q&A ?"]) expect(lostCharactersFinding(1, "Role", fine)).toBeNull();
  });
});

describe("controlCharacterFinding", () => {
  it("flags control characters but not tabs and line breaks", () => {
    expect(controlCharacterFinding(2, "Role", "Cargo\u001b[31m")).toMatchObject({ code: "control_character", message: expect.stringContaining("(U+001B) at character 6") });
    expect(controlCharacterFinding(2, "Role", "Line one\nline two\twith a tab")).toBeNull();
  });
});
