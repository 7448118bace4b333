import {
  consumePasswordReset,
  findPasswordResetByHash,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  invalidateSessions,
  newId,
  revokeAllRefreshTokens,
  updatePasswordHash,
} from '@mj/db';
import type { TenantContext } from '../context';
import { invalid, unauthorized } from '../errors';
import { hashSecret, newSecret } from '../tokens/secrets';
import { PASSWORD_RESET_TTL_MS, type AuthContext } from './auth-context';

function samePasswordAsEmail(password: string, email: string) {
  return password.trim().toLowerCase() === email;
}

export async function changePassword(
  ctx: TenantContext & AuthContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(ctx.db, ctx.userId);
  if (!user) throw unauthorized('unauthorized', 'Please log in again.');
  if (!(await ctx.auth.hasher.verify(input.currentPassword, user.passwordHash))) {
    throw invalid('wrong_password', 'The current password is wrong.', [
      { field: 'currentPassword', message: 'the current password is wrong' },
    ]);
  }
  if (samePasswordAsEmail(input.newPassword, user.email)) {
    throw invalid('validation_error', 'password must not be the same as the email', [
      { field: 'newPassword', message: 'password must not be the same as the email' },
    ]);
  }
  const hash = await ctx.auth.hasher.hash(input.newPassword);
  await updatePasswordHash(ctx.db.q, ctx.db, user.id, hash, ctx.clock.now());
}

/**
 * Always succeeds from the caller's point of view (no user enumeration); a mail goes out only when the
 * account exists. The token is single-use and expires after 30 minutes.
 */
export async function requestPasswordReset(ctx: AuthContext, input: { email: string }): Promise<void> {
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
  // Whoever knew the old password is logged out everywhere.
  const consumed = await ctx.db.tx(async (q) => {
    if (!(await consumePasswordReset(q, ctx.db, tokenHash, now))) return false;
    await updatePasswordHash(q, ctx.db, user.id, hash, now);
    await revokeAllRefreshTokens(q, ctx.db, user.id, now);
    await invalidateSessions(q, ctx.db, user.id, now);
    return true;
  });
  if (!consumed) throw badToken();
}
