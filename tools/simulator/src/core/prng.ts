/**
 * Stateless hashing PRNG: every random choice is a pure function of (seed, stream, index, ...), so item i
 * can be produced on its own, in any order, without materialising the items before it.
 */

function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 32-bit hash of a list of integers (each folded in with a multiply-xorshift round). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = mix32(h ^ (p >>> 0));
    h = mix32(h + Math.floor(p / 4294967296));
  }
  return h;
}

/** Uniform float in [0, 1) from the hash of the given parts. */
export function unit(...parts: number[]): number {
  return hash32(...parts) / 4294967296;
}

/** A small sequential generator for places where a handful of draws follow each other. */
export class Rng {
  private state: number;
  constructor(...parts: number[]) {
    this.state = hash32(...parts) || 1;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    return mix32(this.state) / 4294967296;
  }
  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }
  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const v = items[Math.floor(this.next() * items.length)];
    if (v === undefined) throw new Error('pick from empty list');
    return v;
  }
  /** Picks a key of a weight table, proportionally to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('empty weight table');
    return last[0];
  }
}

/** Streams keep the draws of different concerns independent of each other. */
export const Stream = {
  movie: 1,
  series: 2,
  episode: 3,
  user: 4,
  watch: 5,
  request: 6,
  fault: 7,
  id: 8,
  layout: 10,
} as const;
