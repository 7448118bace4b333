import { describe, expect, it } from 'vitest';
import { needsTypedConfirmation, whenToExecuteAt } from '$lib/cleanup/schedule';

describe('delete dialog choices', () => {
  it('default keeps the tenant delay; now and N days are instants', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(whenToExecuteAt('default', now)).toBeUndefined();
    expect(whenToExecuteAt('now', now)).toBe('2026-01-01T00:00:00.000Z');
    expect(whenToExecuteAt('days7', now)).toBe('2026-01-08T00:00:00.000Z');
  });
  it('asks a typed confirmation beyond 10 titles or 1 TB', () => {
    expect(needsTypedConfirmation(10, 1024 ** 4)).toBe(false);
    expect(needsTypedConfirmation(11, 0)).toBe(true);
    expect(needsTypedConfirmation(1, 1024 ** 4 + 1)).toBe(true);
  });
});
