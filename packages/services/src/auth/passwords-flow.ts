import { RESET_BACKOFF } from '@mj/core';
import {
  bumpTokenVersion,
  consumePasswordReset,
  deleteAllApiTokens,
  findPasswordResetByHash,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  newId,
  revokeOtherRefreshTokens,
  updatePasswordHash,
  voidPasswordResets,
  type Queryable,
} from '@mj/db';
import type { TenantContext } from '../context';
import { invalid, unauthorized } from '../errors';
import { hashSecret, newSecret } from '../tokens/secrets';
import { PASSWORD_RESET_TTL_MS, type AuthContext } from './auth-context';
import { verifyCurrentPassword } from './current-password';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from './throttle';

function samePasswordAsEmail(password: string, email: string) {
  return password.trim().toLowerCase() === email;
}

/**
 * Whoever knew the old password loses every way in: all refresh tokens but `keepFamilyId`'s, every API
 * token, every outstanding reset link and (by the token version) every access token issued so far.
 */
async function lockOutOldCredentials(
  q: Queryable,
  ctx: AuthContext,
  userId: string,
  keepFamilyId: string | null,
  now: number,
) {
  await revokeOtherRefreshTokens(q, ctx.db, userId, keepFamilyId, now);
  await deleteAllApiTokens(q, ctx.db, userId);
  await voidPasswordResets(q, ctx.db, userId, now);
  await bumpTokenVersion(q, ctx.db, userId, now);
}

/**
 * Changes the password and locks out every other session. The calling session (its refresh family)
 * survives: its access token fails like the others, and its refresh token renews it.
 */
export async function changePassword(
  ctx: TenantContext & AuthContext,
  input: { currentPassword: string; newPassword: string },
  session: { familyId: string | null },
): Promise<void> {
  const user = await findUserById(ctx.db, ctx.userId);
  if (!user) throw unauthorized('unauthorized', 'Please log in again.');
  await verifyCurrentPassword(ctx, user, input.currentPassword, 'currentPassword');
  if (samePasswordAsEmail(input.newPassword, user.email)) {
    throw invalid('validation_error', 'password must not be the same as the email', [
      { field: 'newPassword', message: 'password must not be the same as the email' },
    ]);
  }
  const hash = await ctx.auth.hasher.hash(input.newPassword);
  const now = ctx.clock.now();
  await ctx.db.tx(async (q) => {
    await updatePasswordHash(q, ctx.db, user.id, hash, now);
    await lockOutOldCredentials(q, ctx, user.id, session.familyId, now);
  });
}

/**
 * Always succeeds from the caller's point of view (no user enumeration); a mail goes out only when the
 * account exists. The token is single-use and expires after 30 minutes.
 */
export async function requestPasswordReset(ctx: AuthContext, input: { email: string }): Promise<void> {
  // Every request counts against the email (known or not, so the limit says nothing about existence).
  const key = throttleKey.reset(input.email);
  await assertNotLocked(ctx, key);
  await recordFailure(ctx, key, RESET_BACKOFF);
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) return;
  const now = ctx.clock.now();
  const token = newSecret();
  await insertPasswordReset(ctx.db, {
    id: newId(now),
    userId: user.id,
    tokenHash: hashSecret(token),
    expiresAt: now + PASSWORD_RESET_TTL_MS,
    createdAt: now,
  });
  const link = `${ctx.auth.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  try {
    await ctx.auth.mailer.send({
      to: user.email,
      subject: 'Reset your Media Janitor password',
      text: [
        'Someone (hopefully you) asked to reset the password of your Media Janitor account.',
        '',
        `Open this link within 30 minutes to choose a new password:\n${link}`,
        '',
        'If you did not ask for this, ignore this mail: your password stays the same.',
      ].join('\n'),
    });
  } catch (error) {
    // The caller always gets 202; a mail failure is the operator's problem, so log it loudly.
    ctx.log.error({ err: error, userId: user.id }, 'password reset mail could not be sent');
  }
}

export async function confirmPasswordReset(ctx: AuthContext, input: { token: string; password: string }) {
  const now = ctx.clock.now();
  const badToken = () => invalid('invalid_token', 'This reset link is invalid or has expired. Ask for a new one.');
  const tokenHash = hashSecret(input.token);
  const reset = await findPasswordResetByHash(ctx.db, tokenHash);
  if (!reset || reset.usedAt !== null || reset.expiresAt <= now) throw badToken();
  const user = await findUserById(ctx.db, reset.userId);
  if (!user) throw badToken();
  // Checked before the token is consumed, so a rejected password does not burn the link.
  if (samePasswordAsEmail(input.password, user.email)) {
    throw invalid('validation_error', 'password must not be the same as the email', [
      { field: 'password', message: 'password must not be the same as the email' },
    ]);
  }
  const hash = await ctx.auth.hasher.hash(input.password);
  // Whoever knew the old password is logged out everywhere, and the other links of the mailbox die.
  const consumed = await ctx.db.tx(async (q) => {
    if (!(await consumePasswordReset(q, ctx.db, tokenHash, now))) return false;
    await updatePasswordHash(q, ctx.db, user.id, hash, now);
    await lockOutOldCredentials(q, ctx, user.id, null, now);
    return true;
  });
  if (!consumed) throw badToken();
  // The owner proved they hold the mailbox: earlier failed logins no longer hold them back.
  await clearFailures(ctx, throttleKey.login(user.email));
}
