/**
 * Sets of product numbers as bit sets (one bit per number, 32 per word). All sets of one search
 * have the same length (the copy's capacity when the search started), so the boolean operations
 * are word loops.
 */
export type Bits = Uint32Array;

export const wordsFor = (capacity: number): number => Math.ceil(capacity / 32);

export function emptyBits(words: number): Bits {
  return new Uint32Array(words);
}

export function fromIds(ids: Iterable<number>, words: number): Bits {
  const out = new Uint32Array(words);
  for (const id of ids) out[id >>> 5]! |= 1 << (id & 31);
  return out;
}

export function has(b: Bits, id: number): boolean {
  return (b[id >>> 5]! & (1 << (id & 31))) !== 0;
}

export function orInto(target: Bits, b: Bits): Bits {
  for (let i = 0; i < target.length; i++) target[i]! |= b[i]!;
  return target;
}

export function andInto(target: Bits, b: Bits): Bits {
  for (let i = 0; i < target.length; i++) target[i]! &= b[i]!;
  return target;
}

export function andNotInto(target: Bits, b: Bits): Bits {
  for (let i = 0; i < target.length; i++) target[i]! &= ~b[i]!;
  return target;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function count(b: Bits): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i]) n += popcount(b[i]!);
  return n;
}

/** The numbers in the set, ascending. */
export function ids(b: Bits): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    let w = b[i]!;
    while (w !== 0) {
      const low = w & -w;
      out.push(i * 32 + 31 - Math.clz32(low));
      w ^= low;
    }
  }
  return out;
}
