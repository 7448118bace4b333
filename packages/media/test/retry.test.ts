import { describe, expect, it } from 'vitest';
import { MediaError, httpStatusError } from '../src/errors';
import { backoffDelay, parseRetryAfter, withRetry } from '../src/http/retry';
import { Semaphore } from '../src/http/semaphore';

const noSleep = { sleep: async () => undefined };

function failingTimes<T>(n: number, error: () => Error, value: T): { fn: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    fn: async () => {
      calls++;
      if (calls <= n) throw error();
      return value;
    },
    calls: () => calls,
  };
}

describe('withRetry', () => {
  it('retries retryable errors and succeeds after N failures', async () => {
    const f = failingTimes(2, () => httpStatusError(503, 'Jellyfin'), 'ok');
    await expect(withRetry(f.fn, { ...noSleep, maxAttempts: 4 })).resolves.toBe('ok');
    expect(f.calls()).toBe(3);
  });

  it('gives up after maxAttempts and rethrows the last error', async () => {
    const f = failingTimes(10, () => new MediaError({ code: 'timeout', retryable: true, message: 't' }), 'ok');
    await expect(withRetry(f.fn, { ...noSleep, maxAttempts: 3 })).rejects.toMatchObject({ code: 'timeout' });
    expect(f.calls()).toBe(3);
  });

  it.each([401, 403, 404, 400])('never retries HTTP %i', async (status) => {
    const f = failingTimes(1, () => httpStatusError(status, 'Jellyfin'), 'ok');
    await expect(withRetry(f.fn, noSleep)).rejects.toMatchObject({ status });
    expect(f.calls()).toBe(1);
  });

  it('never retries invalid payloads or unknown errors', async () => {
    const invalid = failingTimes(1, () => new MediaError({ code: 'invalid_response', message: 'bad' }), 'ok');
    await expect(withRetry(invalid.fn, noSleep)).rejects.toMatchObject({ code: 'invalid_response' });
    expect(invalid.calls()).toBe(1);
    const plain = failingTimes(1, () => new Error('bug'), 'ok');
    await expect(withRetry(plain.fn, noSleep)).rejects.toThrow('bug');
    expect(plain.calls()).toBe(1);
  });

  it('waits Retry-After (capped) instead of the backoff when the server says so', async () => {
    const waits: number[] = [];
    const errors = [
      httpStatusError(429, 'Jellyseerr', { retryAfterMs: 2000 }),
      httpStatusError(429, 'Jellyseerr', { retryAfterMs: 120_000 }),
    ];
    let i = 0;
    const result = await withRetry(
      async () => {
        const e = errors[i++];
        if (e) throw e;
        return 'done';
      },
      { sleep: async (ms) => void waits.push(ms), maxRetryAfterMs: 30_000 },
    );
    expect(result).toBe('done');
    expect(waits).toEqual([2000, 30_000]);
  });

  it('uses exponential backoff with full jitter', async () => {
    const waits: number[] = [];
    const f = failingTimes(3, () => httpStatusError(500, 'Jellyfin'), 'ok');
    await withRetry(f.fn, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      baseDelayMs: 100,
      maxAttempts: 5,
    });
    expect(waits).toEqual([50, 100, 200]);
  });
});

describe('backoffDelay', () => {
  it('stays within [0, min(cap, base·2^(n-1))]', () => {
    expect(backoffDelay(1, { baseDelayMs: 100, random: () => 0.999 })).toBe(99);
    expect(backoffDelay(10, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 })).toBe(999);
    expect(backoffDelay(3, { baseDelayMs: 100, random: () => 0 })).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('Semaphore', () => {
  it('never lets more than the limit run at once and runs everything', async () => {
    const sem = new Semaphore(3);
    let inFlight = 0;
    let maxInFlight = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sem.run(async () => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 1));
          inFlight--;
          return i;
        }),
      ),
    );
    expect(maxInFlight).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(sem.active).toBe(0);
  });

  it('releases the permit when a task fails', async () => {
    const sem = new Semaphore(1);
    await expect(sem.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(sem.run(async () => 'next')).resolves.toBe('next');
  });

  it('rejects a non-positive limit', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
