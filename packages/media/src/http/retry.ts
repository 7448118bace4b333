import { MediaError } from '../errors';

export interface RetryOptions {
  /** Total attempts including the first (default 4). */
  maxAttempts?: number;
  /** Backoff base: the cap of attempt n's delay is base × 2^(n-1) (default 500 ms). */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay (default 10 s). */
  maxDelayMs?: number;
  /** A server's Retry-After is honoured up to this (default 30 s). */
  maxRetryAfterMs?: number;
  /** Injectable for tests: returns [0, 1). */
  random?: () => number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** "Full jitter": a uniform delay in [0, min(cap, base × 2^(attempt-1))], which spreads retrying clients. */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 10_000;
  const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/** Parses Retry-After (delta seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Runs `attempt` until it succeeds, or fails with an error that is not retryable (only timeouts,
 * resets, 429 and 5xx are: see MediaError.retryable), or attempts run out.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 4;
  const sleep = options.sleep ?? defaultSleep;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof MediaError) || !err.retryable || n >= maxAttempts) throw err;
      const retryAfter = err.details?.retryAfterMs;
      const delay =
        typeof retryAfter === 'number'
          ? Math.min(retryAfter, options.maxRetryAfterMs ?? 30_000)
          : backoffDelay(n, options);
      await sleep(delay);
    }
  }
}
