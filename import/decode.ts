/**
 * Bytes → text. Spreadsheets reach us as UTF-8 (with or without a byte-order mark, from
 * "CSV UTF-8" and LibreOffice) or UTF-16 (Excel's "Unicode text", little-endian with a BOM,
 * sometimes without). Anything else is refused with a message that says how to re-save the
 * file: guessing a legacy code page would silently turn Hindi text into question marks.
 */
import { ImportError } from "./findings";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";
export type DecodedText = { text: string; encoding: TextEncoding };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
// How much of the file the UTF-16 and binary sniffing looks at.
const SNIFF_BYTES = 4096;

const RESAVE_HINT =
  'Save it again as "CSV UTF-8 (Comma delimited)" in Excel, or choose the character set "Unicode (UTF-8)" in LibreOffice.';

/** Decodes an uploaded text file, detecting UTF-8/UTF-16 and stripping the BOM; throws an ImportError for anything else. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) return { text: decodeUtf8(bytes.subarray(3), 3), encoding: "utf-8-bom" };
  if (startsWith(bytes, UTF16LE_BOM)) return { text: decodeUtf16(bytes.subarray(2), "le"), encoding: "utf-16le" };
  if (startsWith(bytes, UTF16BE_BOM)) return { text: decodeUtf16(bytes.subarray(2), "be"), encoding: "utf-16be" };
  const sniffed = sniffUtf16(bytes);
  if (sniffed === "le") return { text: decodeUtf16(bytes, "le"), encoding: "utf-16le" };
  if (sniffed === "be") return { text: decodeUtf16(bytes, "be"), encoding: "utf-16be" };
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    throw new ImportError(
      "binary_file",
      "This file is not a text file (it contains binary data). Upload a CSV, a tab-separated text file, an .xlsx workbook or a FRAC JSON document.",
      400,
      { text: { key: "importFile.binary" } },
    );
  }
  return { text: decodeUtf8(bytes, 0), encoding: "utf-8" };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

// why: Excel and Windows tools write UTF-16 without a BOM now and then. ASCII characters
// (tabs, line breaks, Latin headers) then have a NUL byte on one side only, which text in
// any 8-bit encoding never has. Devanagari has no NUL bytes, so the share needed is low.
function sniffUtf16(bytes: Uint8Array): "le" | "be" | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  const minZeros = Math.max(2, pairs * 0.1);
  if (oddZeros >= minZeros && evenZeros * 20 <= oddZeros) return "le";
  if (evenZeros >= minZeros && oddZeros * 20 <= evenZeros) return "be";
  return null;
}

function decodeUtf16(bytes: Uint8Array, order: "le" | "be"): string {
  let le = bytes;
  if (order === "be") {
    // why swap: TextDecoder("utf-16be") needs full ICU in some runtimes; little-endian is always there.
    le = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      le[i] = bytes[i + 1];
      le[i + 1] = bytes[i];
    }
    if (bytes.length % 2 === 1) le[bytes.length - 1] = bytes[bytes.length - 1];
  }
  try {
    return new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }).decode(le);
  } catch (cause) {
    throw new ImportError(
      "invalid_encoding",
      `This file looks like UTF-16 ("Unicode text") but some of it cannot be read as UTF-16 (it may be cut short or mixed with another encoding). ${RESAVE_HINT}`,
      400,
      { cause },
    );
  }
}

function decodeUtf8(bytes: Uint8Array, offsetInFile: number): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    const at = firstInvalidUtf8(bytes);
    const { line, row } = countLines(bytes, at);
    const where = row === line ? `line ${line}` : `row ${row} (line ${line} of the file)`;
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw new ImportError(
      "invalid_encoding",
      `This file is not in UTF-8: ${where} has a byte (0x${byte}, at byte ${at + offsetInFile + 1}) that UTF-8 does not allow, probably because it was saved in an older Windows encoding. ${RESAVE_HINT}`,
      400,
      { cause },
    );
  }
}

// Lines of the file, and spreadsheet rows: a line break inside a quoted cell starts no new row.
// Quotes and line breaks are ASCII, so counting bytes works whatever the encoding was.
function countLines(bytes: Uint8Array, end: number): { line: number; row: number } {
  let line = 1;
  let row = 1;
  let quoted = false;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === 0x0a) {
      line++;
      if (!quoted) row++;
    }
  }
  return { line, row };
}

/** The index of the first byte that does not belong to a valid UTF-8 sequence (bytes.length when all are valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= bytes.length) return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return bytes.length;
}
