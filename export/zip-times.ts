/**
 * Sets every entry's modification time in a zip archive to one date, in place. The zip writer
 * under exceljs stamps entries with the clock, so two builds of the same workbook differed in
 * those bytes only; with the document's own date instead, an XLSX export is byte-identical
 * whenever and wherever it is built (the read API, `frac export`, `frac publish-static`).
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** MS-DOS time and date words (2-second resolution, years from 1980), from the UTC fields. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Rewrites the times of the central directory's entries and of their local headers; returns the same buffer. */
export function setZipEntryTimes(zip: Buffer, date: Date): Buffer {
  const { time, day } = dosDateTime(date);
  let end = -1;
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip archive: no end of central directory record");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`zip central directory entry ${n} is malformed`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip local header of entry ${n} is malformed`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
