import { describe, expect, it } from 'vitest';
import { GIB, gibToBytes, sumKnownSizes } from '../src/sizes';

describe('sizes', () => {
  it('sizes: a GiB is 1024³ bytes', () => {
    expect(GIB).toBe(1_073_741_824);
    expect(gibToBytes(13)).toBe(13 * 1_073_741_824);
  });

  it('sizes: every version counts, unknown sizes are skipped', () => {
    expect(sumKnownSizes([10, null, 5, undefined])).toBe(15);
  });

  it('sizes: unknown only when no size is known', () => {
    expect(sumKnownSizes([null, undefined])).toBeNull();
    expect(sumKnownSizes([])).toBeNull();
    expect(sumKnownSizes([0])).toBe(0);
  });

  it('sizes: negative or non-finite sizes are not known sizes', () => {
    expect(sumKnownSizes([-1, Number.NaN, 7])).toBe(7);
  });
});
