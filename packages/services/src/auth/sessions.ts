import { LOGIN_BACKOFF } from '@mj/core';
import {
  bumpTokenVersion,
  findRefreshTokenByHash,
  findTenantOfUser,
  findUserByEmail,
  findUserById,
  insertRefreshToken,
  markRefreshTokenRotated,
  newId,
  revokeAllRefreshTokens,
  revokeRefreshFamily,
  deleteAllApiTokens,
} from '@mj/db';
import type { TenantContext } from '../context';
import { unauthorized } from '../errors';
import { hashSecret, newSecret } from '../tokens/secrets';
import type { AuthContext, AuthUser } from './auth-context';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from './throttle';

export interface Session {
  user: AuthUser;
  /** Opaque, rotating; stored hashed. */
  refreshToken: string;
  refreshExpiresAt: number;
  /** The refresh family: one per login, kept across refreshes. */
  familyId: string;
  /** The user's current token version, for the access token. */
  tokenVersion: number;
}

const invalidCredentials = () => unauthorized('invalid_credentials', 'Wrong email or password.');
const invalidRefresh = () => unauthorized('invalid_refresh_token', 'Your session has expired. Please log in again.');

async function loadAuthUser(
  ctx: AuthContext,
  userId: string,
): Promise<{ user: AuthUser; tokenVersion: number } | undefined> {
  const user = await findUserById(ctx.db, userId);
  const tenantId = user && (await findTenantOfUser(ctx.db, user.id));
  return user && tenantId
    ? { user: { id: user.id, email: user.email, tenantId }, tokenVersion: user.tokenVersion }
    : undefined;
}

async function startSession(
  ctx: AuthContext,
  { user, tokenVersion }: { user: AuthUser; tokenVersion: number },
  familyId: string,
): Promise<Session> {
  const now = ctx.clock.now();
  const refreshToken = newSecret();
  const refreshExpiresAt = now + ctx.auth.refreshTokenTtlMs;
  await insertRefreshToken(ctx.db.q, ctx.db, {
    id: newId(now),
    userId: user.id,
    familyId,
    tokenHash: hashSecret(refreshToken),
    expiresAt: refreshExpiresAt,
    createdAt: now,
  });
  return { user, refreshToken, refreshExpiresAt, familyId, tokenVersion };
}

/**
 * Same error and roughly the same time for an unknown email and a wrong password. Failures back off
 * per email whatever the IP (an unknown email backs off too, so the lock reveals nothing).
 */
export async function login(ctx: AuthContext, input: { email: string; password: string }): Promise<Session> {
  const key = throttleKey.login(input.email);
  await assertNotLocked(ctx, key);
  const row = await findUserByEmail(ctx.db, input.email);
  const ok = row
    ? await ctx.auth.hasher.verify(input.password, row.passwordHash)
    : await ctx.auth.hasher.verifyDummy(input.password).then(() => false);
  const user = ok && row ? await loadAuthUser(ctx, row.id) : undefined;
  if (!user) {
    await recordFailure(ctx, key, LOGIN_BACKOFF);
    throw invalidCredentials();
  }
  await clearFailures(ctx, key);
  return startSession(ctx, user, newId());
}

/**
 * Exchanges a refresh token for a new one in the same family. A token presented twice means it was
 * copied: the whole family is revoked, logging out both the thief and the owner.
 */
export async function refreshSession(ctx: AuthContext, refreshToken: string): Promise<Session> {
  const now = ctx.clock.now();
  const row = await findRefreshTokenByHash(ctx.db, hashSecret(refreshToken));
  if (!row || row.revokedAt !== null || row.expiresAt <= now) throw invalidRefresh();
  if (row.rotatedAt !== null || !(await markRefreshTokenRotated(ctx.db.q, ctx.db, row.id, now))) {
    await revokeRefreshFamily(ctx.db, row.familyId, now);
    ctx.log.warn({ userId: row.userId, familyId: row.familyId }, 'refresh token reuse detected: family revoked');
    throw invalidRefresh();
  }
  const user = await loadAuthUser(ctx, row.userId);
  if (!user) throw invalidRefresh();
  return startSession(ctx, user, row.familyId);
}

/**
 * Ends one session (its refresh family) and makes every outstanding access token fail at once (other
 * sessions renew theirs with their refresh token). Unknown tokens are ignored: logging out is idempotent.
 */
export async function logout(ctx: AuthContext, refreshToken: string | undefined): Promise<void> {
  if (!refreshToken) return;
  const row = await findRefreshTokenByHash(ctx.db, hashSecret(refreshToken));
  if (!row) return;
  const now = ctx.clock.now();
  await revokeRefreshFamily(ctx.db, row.familyId, now);
  await bumpTokenVersion(ctx.db.q, ctx.db, row.userId, now);
}

/** Revokes every refresh token, API token and outstanding access token of the user. */
export async function logoutAll(ctx: TenantContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.tx(async (q) => {
    await revokeAllRefreshTokens(q, ctx.db, ctx.userId, now);
    await deleteAllApiTokens(q, ctx.db, ctx.userId);
    await bumpTokenVersion(q, ctx.db, ctx.userId, now);
  });
}
