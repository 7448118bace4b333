import { RefreshCookieName } from '@mj/contracts';
import {
  authenticateApiToken,
  authenticateSession,
  looksLikeApiToken,
  unauthorized,
  forbidden,
  type Principal,
  type TenantContext,
} from '@mj/services';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps';

export const ACCESS_COOKIE = 'mj_access';
export { RefreshCookieName as REFRESH_COOKIE };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The tenant-scoped context for use-cases; only on authenticated routes. */
    tenant(): TenantContext;
  }
}

interface AccessClaims {
  sub: string;
  tid: string;
  iat_ms: number;
}

export function signAccessToken(app: FastifyInstance, deps: AppDeps, user: { id: string; tenantId: string }) {
  const claims: AccessClaims = { sub: user.id, tid: user.tenantId, iat_ms: deps.clock.now() };
  return app.jwt.sign(claims, { expiresIn: deps.config.auth.accessTokenTtlSeconds });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Browsers always send Origin (or at least Referer) on cross-site writes. Accept the configured public
 * origin, and the request's own host (embedded mode is often reached by LAN IP rather than PUBLIC_URL).
 */
function isSameOrigin(request: FastifyRequest, allowedOrigin: string): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) return false;
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    return false;
  }
  return origin.origin === allowedOrigin || (!!request.headers.host && origin.host === request.headers.host);
}

/**
 * Accepts `Authorization: Bearer <access token | personal API token>` or the web app's httpOnly
 * `mj_access` cookie. Cookie-authenticated writes must come from our own origin (CSRF).
 */
export function authHook(app: FastifyInstance, deps: AppDeps) {
  const serviceCtx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, log: request.log });
  const allowedOrigin = new URL(deps.config.server.publicUrl).origin;

  return async function authenticate(request: FastifyRequest, _reply: FastifyReply) {
    const header = request.headers.authorization;
    let token: string | undefined;
    let viaCookie = false;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw unauthorized('unauthorized', 'The Authorization header must be "Bearer <token>".');
      token = match[1];
    } else if (request.cookies[ACCESS_COOKIE]) {
      token = request.cookies[ACCESS_COOKIE];
      viaCookie = true;
    }
    if (!token) throw unauthorized('unauthorized', 'Log in or send an API token to use this route.');

    if (looksLikeApiToken(token)) {
      request.principal = await authenticateApiToken(serviceCtx(request), token);
    } else {
      let claims: AccessClaims;
      try {
        claims = app.jwt.verify<AccessClaims>(token);
      } catch {
        throw unauthorized('unauthorized', 'Your session has expired. Please log in again.');
      }
      request.principal = await authenticateSession(serviceCtx(request), claims);
    }

    if (viaCookie && UNSAFE.has(request.method) && !isSameOrigin(request, allowedOrigin)) {
      throw forbidden('csrf_rejected', 'This request did not come from the Media Janitor web app.');
    }
  };
}

export function decorateTenant(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('tenant', function (this: FastifyRequest): TenantContext {
    const p = this.principal;
    if (!p) throw unauthorized('unauthorized', 'Log in or send an API token to use this route.');
    return { db: deps.db, clock: deps.clock, log: this.log, tenantId: p.tenantId, userId: p.userId };
  });
}
