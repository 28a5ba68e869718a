/**
 * In-process caches of what is derived from published versions. A published version never
 * changes (a trigger refuses updates), so its bytes and every export built from them can be kept
 * for the life of the process; a new publication is a new key. Oldest entries go first.
 */

const MEMO_LIMIT = 32;
const memo = new Map<string, Promise<unknown>>();

/**
 * Memoises work derived from an immutable published snapshot (keyed by its sha256), so an
 * export is built once per process and every response carries the same bytes and ETag (XLSX
 * files embed their creation time, so rebuilding would change them).
 */
export function memoBySnapshot<T>(key: string, build: () => T | Promise<T>): Promise<T> {
  const hit = memo.get(key);
  if (hit) {
    memo.delete(key);
    memo.set(key, hit);
    return hit as Promise<T>;
  }
  const value = Promise.resolve().then(build);
  memo.set(key, value);
  value.catch(() => memo.delete(key));
  while (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return value;
}

/** A least-recently-used map of byte buffers that holds at most `maxBytes` in total. */
export class ByteBudgetCache<T extends { bytes: Uint8Array }> {
  private readonly entries = new Map<string, T>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: T): void {
    // why: one entry bigger than the whole budget would evict everything and still not fit.
    if (value.bytes.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.total -= old.bytes.length;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.total += value.bytes.length;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes.length;
    }
  }
}
