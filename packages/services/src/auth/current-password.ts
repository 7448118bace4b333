import { LOGIN_BACKOFF } from '@mj/core';
import type { UserRow } from '@mj/db';
import { invalid } from '../errors';
import type { AuthContext } from './auth-context';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from './throttle';

/**
 * Re-checks the password of a logged-in user before a sensitive change (password change, account
 * deletion), under the same per-account back-off as login: a stolen session cannot brute-force it.
 */
export async function verifyCurrentPassword(
  ctx: AuthContext,
  user: UserRow,
  password: string,
  field: 'currentPassword' | 'password',
): Promise<void> {
  const key = throttleKey.password(user.id);
  await assertNotLocked(ctx, key);
  if (!(await ctx.auth.hasher.verify(password, user.passwordHash))) {
    await recordFailure(ctx, key, LOGIN_BACKOFF);
    const what = field === 'currentPassword' ? 'current password' : 'password';
    throw invalid('wrong_password', `The ${what} is wrong.`, [{ field, message: `the ${what} is wrong` }]);
  }
  await clearFailures(ctx, key);
}
