import { describe, expect, it } from 'vitest';
import { classifyFailure, infraBackoffMs, shouldRetry } from '../src';

// Error shapes as the drivers throw them (pg DatabaseError, node socket errors, ioredis, BullMQ).
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const mediaError = (code: string, cause?: unknown) =>
  Object.assign(new Error('Jellyfin is unreachable'), { name: 'MediaError', code }, cause ? { cause } : {});

describe('failure classification (issue 16)', () => {
  it('infrastructure: a PostgreSQL restart (57P01 admin_shutdown) is ours', () => {
    expect(classifyFailure(pgError('57P01', 'terminating connection due to administrator command'))).toBe(
      'infrastructure',
    );
  });
  it('infrastructure: PostgreSQL starting up (57P03) and connection exceptions (class 08) are ours', () => {
    expect(classifyFailure(pgError('57P03'))).toBe('infrastructure');
    expect(classifyFailure(pgError('08006'))).toBe('infrastructure');
    expect(classifyFailure(pgError('53300'))).toBe('infrastructure');
  });
  it('infrastructure: a refused or reset socket of our own database or Redis is ours', () => {
    expect(classifyFailure(pgError('ECONNREFUSED'))).toBe('infrastructure');
    expect(classifyFailure(pgError('ECONNRESET'))).toBe('infrastructure');
  });
  it('infrastructure: driver messages without a code (pg pool, ioredis, BullMQ lock) are ours', () => {
    expect(classifyFailure(new Error('Connection terminated unexpectedly'))).toBe('infrastructure');
    expect(classifyFailure(new Error('Connection is closed.'))).toBe('infrastructure');
    expect(classifyFailure(new Error('Missing lock for job 12. moveToFinished'))).toBe('infrastructure');
    expect(classifyFailure(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(
      'infrastructure',
    );
  });
  it('infrastructure: a lost database connection wrapped in a sync failure is still ours', () => {
    const wrapped = new Error('Jellyfin sync failed unexpectedly.', { cause: pgError('57P01') });
    expect(classifyFailure(wrapped)).toBe('infrastructure');
  });
  it('media: an unreachable media server is the user’s, even when its cause is a refused socket', () => {
    expect(classifyFailure(mediaError('unreachable', pgError('ECONNREFUSED')))).toBe('media');
    expect(classifyFailure(new Error('sync failed', { cause: mediaError('unauthorized') }))).toBe('media');
  });
  it('unexpected: a bug or bad data is neither, and is not retried', () => {
    expect(classifyFailure(new TypeError('cannot read properties of undefined'))).toBe('unexpected');
    expect(classifyFailure(pgError('23505', 'duplicate key value'))).toBe('unexpected');
    expect(classifyFailure('a string')).toBe('unexpected');
    expect(classifyFailure(null)).toBe('unexpected');
  });
  it('a cyclic cause chain does not hang the classifier', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(classifyFailure(a)).toBe('unexpected');
  });
});

describe('retry policy (issue 16)', () => {
  it('only infrastructure failures are retried, and a bounded number of times', () => {
    expect(shouldRetry('infrastructure', 1)).toBe(true);
    expect(shouldRetry('infrastructure', 5)).toBe(true);
    expect(shouldRetry('infrastructure', 6)).toBe(false);
    expect(shouldRetry('infrastructure', 2, 2)).toBe(false);
    expect(shouldRetry('media', 1)).toBe(false);
    expect(shouldRetry('unexpected', 1)).toBe(false);
  });
  it('back-off doubles from the base and is capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => infraBackoffMs(a))).toEqual([2000, 4000, 8000, 16000, 16000, 16000]);
    expect(infraBackoffMs(3, 10, 25)).toBe(25);
  });
});
