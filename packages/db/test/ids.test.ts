import { describe, expect, it } from 'vitest';
import { newId } from '../src/ids';

describe('newId (UUID v7)', () => {
  it('sorts in creation order even within one millisecond or with a clock that stands still', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carries its timestamp', () => {
    const id = newId(Date.now() + 10_000_000);
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - (Date.now() + 10_000_000))).toBeLessThan(5_000);
  });
});
