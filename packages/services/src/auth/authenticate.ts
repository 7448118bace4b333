import { findApiTokenByHash, findTenantOfUser, findUserById, touchApiToken } from '@mj/db';
import type { ServiceContext } from '../context';
import { unauthorized } from '../errors';
import { API_TOKEN_PREFIX, hashSecret } from '../tokens/secrets';

export interface Principal {
  userId: string;
  tenantId: string;
  email: string;
  via: 'session' | 'api_token';
}

const expired = () => unauthorized('unauthorized', 'Your session has expired. Please log in again.');

/**
 * Validates the claims of a verified access token against the database: the user must still exist,
 * still belong to the tenant, and not have logged out everywhere since the token was issued.
 */
export async function authenticateSession(
  ctx: ServiceContext,
  claims: { sub: string; tid: string; iat_ms: number },
): Promise<Principal> {
  const user = await findUserById(ctx.db, claims.sub);
  if (!user || claims.iat_ms < user.sessionsValidAfter) throw expired();
  const tenantId = await findTenantOfUser(ctx.db, user.id);
  if (tenantId !== claims.tid) throw expired();
  return { userId: user.id, tenantId, email: user.email, via: 'session' };
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

// Updating last-used on every call would turn each read into a write; once a minute is plenty.
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateApiToken(ctx: ServiceContext, token: string): Promise<Principal> {
  const row = await findApiTokenByHash(ctx.db, hashSecret(token));
  if (!row) throw unauthorized('invalid_api_token', 'This API token is invalid or was revoked.');
  const user = await findUserById(ctx.db, row.userId);
  if (!user) throw unauthorized('invalid_api_token', 'This API token is invalid or was revoked.');
  const now = ctx.clock.now();
  if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_INTERVAL_MS) await touchApiToken(ctx.db, row.id, now);
  return { userId: row.userId, tenantId: row.tenantId, email: user.email, via: 'api_token' };
}
