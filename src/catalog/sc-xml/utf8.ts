/** UTF-8 helpers for the streaming decoder in parse.ts. */

/** Length of the prefix of `buf` that holds only complete UTF-8 sequences (an incomplete tail is carried to the next chunk). */
export function completePrefixLength(buf: Uint8Array): number {
  const len = buf.length;
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const b = buf[i] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0x80) return len;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return len - i < needed ? i : len;
  }
  return len;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1 when all of `buf` is valid. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const len = buf.length;
  while (i < len) {
    const b = buf[i] as number;
    if (b < 0x80) { i++; continue; }
    let n: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) { n = 1; min = 0x80; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; min = 0x800; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; min = 0x10000; cp = b & 0x07; }
    else return i;
    if (i + n >= len) return i;
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
