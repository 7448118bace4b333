// How long an account is locked after repeated failures (login, current-password checks, reset
// requests). A few attempts are free; after that each one doubles the wait, up to a ceiling, and a
// counter left alone long enough is forgotten. Per account, whatever the IP: an attacker spreading a
// password guess over many addresses still meets the same wall.

export interface BackoffPolicy {
  /** Failures allowed before the first lock. */
  freeAttempts: number;
  /** The first lock; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
  /** A counter idle this long starts again from zero. */
  forgetAfterMs: number;
}

export const LOGIN_BACKOFF: BackoffPolicy = {
  freeAttempts: 5,
  baseMs: 30_000,
  maxMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/** Reset mails: three an hour, then the same doubling wait (each request counts). */
export const RESET_BACKOFF: BackoffPolicy = {
  freeAttempts: 3,
  baseMs: 60_000,
  maxMs: 60 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/** The lock to apply after the `failures`-th failure: 0 while attempts are still free. */
export function authBackoffMs(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.freeAttempts) return 0;
  const doublings = Math.min(failures - policy.freeAttempts, 30);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** doublings);
}
