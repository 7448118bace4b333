import { RefreshCookieName } from '@mj/contracts';
import {
  assertAllowed,
  authenticateApiToken,
  authenticateSession,
  looksLikeApiToken,
  unauthorized,
  forbidden,
  type AccessClaims,
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
  interface FastifyContextConfig {
    /** Only a logged-in person may call this route, never an API token (tokens, password, account, connections). */
    sessionOnly?: boolean;
  }
}

export function signAccessToken(
  app: FastifyInstance,
  deps: AppDeps,
  session: { user: { id: string; tenantId: string }; tokenVersion: number; familyId: string },
) {
  const claims: AccessClaims = {
    sub: session.user.id,
    tid: session.user.tenantId,
    iat_ms: deps.clock.now(),
    ver: session.tokenVersion,
    fam: session.familyId,
  };
  return app.jwt.sign(claims, { expiresIn: deps.config.auth.accessTokenTtlSeconds });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Browsers always send Origin (or at least Referer) on cross-site writes. Accept the configured public
 * origin; on a LAN deployment (private networks allowed, i.e. not SaaS) also the request's own host,
 * because embedded mode is often reached by LAN IP rather than PUBLIC_URL. A SaaS deployment never
 * believes the Host header, which whoever sends the request controls.
 */
function isSameOrigin(request: FastifyRequest, allowedOrigin: string, trustHost: boolean): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) return false;
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    return false;
  }
  if (origin.origin === allowedOrigin) return true;
  return trustHost && !!request.headers.host && origin.host === request.headers.host;
}

/**
 * Accepts `Authorization: Bearer <access token | personal API token>` or the web app's httpOnly
 * `mj_access` cookie. Cookie-authenticated writes must come from our own origin (CSRF).
 */
export function authHook(app: FastifyInstance, deps: AppDeps) {
  const serviceCtx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, log: request.log });
  const allowedOrigin = new URL(deps.config.server.publicUrl).origin;
  const trustHost = deps.config.media.allowPrivateNetwork;

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
    assertAllowed(request.principal, request.method, request.routeOptions.config.sessionOnly === true);

    if (viaCookie && UNSAFE.has(request.method) && !isSameOrigin(request, allowedOrigin, trustHost)) {
      throw forbidden('csrf_rejected', 'This request did not come from the Media Janitor web app.');
    }
  };
}

export function decorateTenant(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('tenant', function (this: FastifyRequest): TenantContext {
    const p = this.principal;
    if (!p) throw unauthorized('unauthorized', 'Log in or send an API token to use this route.');
    return {
      db: deps.db,
      clock: deps.clock,
      log: this.log,
      tenantId: p.tenantId,
      userId: p.userId,
      actor: `${p.via === 'api_token' ? 'api-token' : 'user'}:${p.email}`,
    };
  });
}
