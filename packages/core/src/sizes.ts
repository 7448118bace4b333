export const GIB = 1024 ** 3;

/**
 * Sum of the known sizes (RULES.md §1): an item with several media sources (versions) counts them all;
 * the sum is unknown only when no size at all is known.
 */
export function sumKnownSizes(sizes: readonly (number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const size of sizes) {
    if (typeof size === 'number' && Number.isFinite(size) && size >= 0) total = (total ?? 0) + size;
  }
  return total;
}

export function gibToBytes(gib: number): number {
  return gib * GIB;
}
