// 32-bit string hashing for feature names: FNV-1a over UTF-16 code units, finished with a
// murmur-style avalanche so the low bits (the bucket index) are well mixed.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Starts a hash for one feature template; `template` keeps templates apart for equal values. */
export function hashStart(template: number): number {
  return Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
}

/** Feeds `text[from..to)` into the hash without slicing it (the tagger's hot loop must not allocate). */
export function hashChars(h: number, text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Feeds one small integer (a separator, a class id). */
export function hashInt(h: number, value: number): number {
  return Math.imul(h ^ (value & 0xffff), FNV_PRIME);
}

/** Feeds a 32-bit value (a precomputed token hash) in two halves. */
export function hashU32(h: number, value: number): number {
  h = Math.imul(h ^ (value & 0xffff), FNV_PRIME);
  return Math.imul(h ^ (value >>> 16), FNV_PRIME);
}

/** Final mixing; the result is an unsigned 32-bit integer. */
export function hashFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whole-string convenience for tables and checksums (not used per token). */
export function hashString(text: string, template = 0): number {
  return hashFinish(hashChars(hashStart(template), text));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The weights file's checksum: FNV-1a over little-endian 32-bit words (then the odd trailing
 * bytes), four bytes a step so checking megabytes of weights stays a few milliseconds.
 */
export function hashBytes(bytes: Uint8Array): number {
  const words = bytes.length >>> 2;
  let h = FNV_OFFSET;
  if (LITTLE_ENDIAN) {
    // A copy, not `slice` (a Node Buffer's slice is a view at the same unaligned offset).
    const aligned =
      bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes.subarray(0, words * 4));
    const view = new Uint32Array(aligned.buffer, aligned.byteOffset, words);
    for (let i = 0; i < words; i++) h = Math.imul(h ^ view[i]!, FNV_PRIME);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getUint32(i * 4, true), FNV_PRIME);
  }
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return hashFinish(h);
}
