/**
 * A zip's central directory, read without unpacking anything: each part's name and the size it
 * says it unpacks to. Both .xlsx and OpenDocument files are zips; the file-kind check reads the
 * names and the unpack budget reads the sizes.
 */
export type ZipEntry = { name: string; unpackedBytes: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
// The end record is 22 bytes plus a comment of at most 65,535 bytes.
const EOCD_MIN = 22;

/**
 * The parts the zip in `bytes` lists, or null when its directory cannot be found or is cut
 * short. One pass over the directory, whatever the parts would unpack to; zip64 sizes included.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let at: number = view.getUint32(end + 16, true);
  if (count === U16_MAX || at === U32_MAX) {
    const zip64 = readZip64End(view, end);
    if (!zip64) return null;
    ({ count, at } = zip64);
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let unpackedBytes = view.getUint32(at + 24, true);
    if (unpackedBytes === U32_MAX) {
      const wide = zip64Size(view, at + 46 + nameLength, extraLength);
      if (wide === null) return null;
      unpackedBytes = wide;
    }
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), unpackedBytes });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  const stop = Math.max(0, view.byteLength - EOCD_MIN - U16_MAX);
  for (let at = view.byteLength - EOCD_MIN; at >= stop; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function readZip64End(view: DataView, end: number): { count: number; at: number } | null {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) return null;
  return { count: Number(view.getBigUint64(record + 32, true)), at: Number(view.getBigUint64(record + 48, true)) };
}

// The zip64 extra field (id 1) starts with the unpacked size when the 32-bit field says 0xFFFFFFFF.
function zip64Size(view: DataView, start: number, length: number): number | null {
  const stop = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= stop; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1 && size >= 8 && at + 12 <= stop) return Number(view.getBigUint64(at + 4, true));
    at += 4 + size;
  }
  return null;
}
