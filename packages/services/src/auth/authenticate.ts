import { findApiTokenByHash, findTenantOfUser, findUserById, touchApiToken } from '@mj/db';
import type { ServiceContext } from '../context';
import { forbidden, unauthorized } from '../errors';
import { API_TOKEN_PREFIX, hashSecret } from '../tokens/secrets';
import type { AccessClaims } from './auth-context';

export interface Principal {
  userId: string;
  tenantId: string;
  email: string;
  via: 'session' | 'api_token';
  /** Sessions: `write`. API tokens: their scope. */
  scope: 'read' | 'write';
  /** Sessions: the refresh family of this login; null for API tokens. */
  familyId: string | null;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What an API token may do: a `read` token only reads; no token manages tokens, the password, the
 * account or the media server connections (those need a person, logged in: `sessionOnly` routes).
 */
export function assertAllowed(principal: Principal, method: string, sessionOnly: boolean): void {
  if (principal.via !== 'api_token') return;
  if (sessionOnly) throw forbidden('session_required', 'API tokens cannot do this: log in to the web app to do it.');
  if (principal.scope === 'read' && !READ_METHODS.has(method))
    throw forbidden('insufficient_scope', 'This API token is read-only: create a write token to change data.');
}

const expired = () => unauthorized('unauthorized', 'Your session has expired. Please log in again.');

/**
 * Validates the claims of a verified access token against the database: the user must still exist,
 * still belong to the tenant, and the token must carry the user's current token version (logout,
 * password change and reset bump it).
 */
export async function authenticateSession(ctx: ServiceContext, claims: AccessClaims): Promise<Principal> {
  const user = await findUserById(ctx.db, claims.sub);
  if (!user || claims.ver !== user.tokenVersion || claims.iat_ms < user.sessionsValidAfter) throw expired();
  const tenantId = await findTenantOfUser(ctx.db, user.id);
  if (tenantId !== claims.tid) throw expired();
  return { userId: user.id, tenantId, email: user.email, via: 'session', scope: 'write', familyId: claims.fam };
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

// Updating last-used on every call would turn each read into a write; once a minute is plenty.
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateApiToken(ctx: ServiceContext, token: string): Promise<Principal> {
  const row = await findApiTokenByHash(ctx.db, hashSecret(token));
  if (!row) throw unauthorized('invalid_api_token', 'This API token is invalid or was revoked.');
  const now = ctx.clock.now();
  if (row.expiresAt !== null && row.expiresAt <= now)
    throw unauthorized('api_token_expired', 'This API token has expired: create a new one.');
  const user = await findUserById(ctx.db, row.userId);
  if (!user) throw unauthorized('invalid_api_token', 'This API token is invalid or was revoked.');
  if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_INTERVAL_MS) await touchApiToken(ctx.db, row.id, now);
  return {
    userId: row.userId,
    tenantId: row.tenantId,
    email: user.email,
    via: 'api_token',
    scope: row.scope,
    familyId: null,
  };
}
