import { authBackoffMs, type BackoffPolicy } from '@mj/core';
import { clearAuthThrottle, findAuthThrottle, lockAuthThrottle, recordAuthFailure } from '@mj/db';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

// The per-account back-off around every check of a secret (RULES: hardening). The lock is checked
// before the password is, so a locked account gives no oracle; the key names the account, never the IP.

export const throttleKey = {
  login: (email: string) => `login:${email.trim().toLowerCase()}`,
  password: (userId: string) => `password:${userId}`,
  reset: (email: string) => `reset:${email.trim().toLowerCase()}`,
};

export function tooManyAttempts(retryAfterMs: number): ServiceError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ServiceError(
    'rate_limited',
    'too_many_attempts',
    `Too many attempts for this account. Try again in ${seconds} s.`,
    { retryAfterSeconds: seconds },
  );
}

/** Throws 429 while the key is locked. */
export async function assertNotLocked(ctx: ServiceContext, key: string): Promise<void> {
  const row = await findAuthThrottle(ctx.db, key);
  const now = ctx.clock.now();
  if (row && row.lockedUntil > now) throw tooManyAttempts(row.lockedUntil - now);
}

/** Counts a failure and, past the free attempts, locks the key for the policy's next wait. */
export async function recordFailure(ctx: ServiceContext, key: string, policy: BackoffPolicy): Promise<void> {
  const now = ctx.clock.now();
  const failures = await recordAuthFailure(ctx.db, key, now, now - policy.forgetAfterMs);
  const lockMs = authBackoffMs(failures, policy);
  if (lockMs > 0) await lockAuthThrottle(ctx.db, key, now + lockMs);
}

export async function clearFailures(ctx: ServiceContext, key: string): Promise<void> {
  await clearAuthThrottle(ctx.db, key);
}
