import {
  AcceptedResponse,
  LoginBody,
  LoginResponse,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  RefreshBody,
  RegisterBody,
  RegisterResponse,
} from '@mj/contracts';
import {
  confirmPasswordReset,
  login,
  logout,
  refreshSession,
  register,
  requestPasswordReset,
  ServiceError,
  type Session,
  unauthorized,
} from '@mj/services';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { REFRESH_COOKIE, signAccessToken } from '../plugins/auth';
import { errorResponses } from './shared';

function tooManyFromAddress(ttlMs: number): ServiceError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new ServiceError('rate_limited', 'rate_limited', `Too many requests. Try again in ${seconds} s.`, {
    retryAfterSeconds: seconds,
  });
}

/** Routes that work without being logged in. Rate-limited per IP (and per email where there is one). */
export function authPublicRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = (request: FastifyRequest) => ({ db: deps.db, clock: deps.clock, log: request.log, auth: deps.auth });
    const limits = deps.config.auth.rateLimits;
    const byIpAndEmail = (request: FastifyRequest) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `${request.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
    };
    // Per IP across emails, on top of the per IP+email limits below and the per-account back-off.
    // (The plugin runs one route limit per request, so this second limit is checked by hand.)
    const perIp = (route: string) => {
      const limiter = app.createRateLimit({
        max: limits.authPerIpPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (request) => `${route}|${request.ip}`,
      });
      return async (request: FastifyRequest) => {
        const result = await limiter(request);
        if (!result.isAllowed && result.isExceeded) throw tooManyFromAddress(result.ttl);
      };
    };
    const loginPerIp = perIp('login');
    const resetPerIp = perIp('reset');
    const cookiePath = '/api/auth';
    const secure = deps.config.server.publicUrl.startsWith('https:');

    function sendSession(reply: FastifyReply, session: Session) {
      reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: cookiePath,
        expires: new Date(session.refreshExpiresAt),
      });
      return {
        accessToken: signAccessToken(app, deps, session),
        expiresIn: deps.config.auth.accessTokenTtlSeconds,
        user: session.user,
      };
    }

    app.post(
      '/auth/register',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an account (and its tenant)',
          body: RegisterBody,
          response: { 201: RegisterResponse, ...errorResponses(400, 403, 409, 429) },
        },
        config: { rateLimit: { max: limits.registerPerMinute, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const user = await register(ctx(request), request.body);
        return reply.status(201).send({ user });
      },
    );

    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log in; sets the refresh cookie',
          body: LoginBody,
          response: { 200: LoginResponse, ...errorResponses(400, 401, 429) },
        },
        config: {
          rateLimit: {
            max: limits.loginPerMinute,
            timeWindow: '1 minute',
            keyGenerator: byIpAndEmail,
            hook: 'preHandler',
          },
        },
        onRequest: loginPerIp,
      },
      async (request, reply) => sendSession(reply, await login(ctx(request), request.body)),
    );

    app.post(
      '/auth/refresh',
      {
        schema: {
          tags: ['auth'],
          summary: 'Rotate the refresh token (cookie or body) for a new access token',
          body: RefreshBody,
          response: { 200: LoginResponse, ...errorResponses(400, 401, 429) },
        },
        config: { rateLimit: { max: limits.loginPerMinute * 3, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const token = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
        if (!token) throw unauthorized('invalid_refresh_token', 'No session to refresh. Please log in.');
        return sendSession(reply, await refreshSession(ctx(request), token));
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: { tags: ['auth'], summary: 'End this session', body: RefreshBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await logout(ctx(request), request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE]);
        reply.clearCookie(REFRESH_COOKIE, { path: cookiePath });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset/request',
      {
        schema: {
          tags: ['auth'],
          summary: 'Mail a single-use reset link (always 202)',
          body: PasswordResetRequestBody,
          response: { 202: AcceptedResponse, ...errorResponses(400, 429) },
        },
        config: {
          rateLimit: {
            max: limits.resetPerMinute,
            timeWindow: '1 minute',
            keyGenerator: byIpAndEmail,
            hook: 'preHandler',
          },
        },
        onRequest: resetPerIp,
      },
      async (request, reply) => {
        await requestPasswordReset(ctx(request), request.body);
        return reply.status(202).send({ status: 'accepted' });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with a reset token',
          body: PasswordResetConfirmBody,
          response: { 204: z.null(), ...errorResponses(400, 429) },
        },
        config: { rateLimit: { max: limits.resetPerMinute, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        await confirmPasswordReset(ctx(request), request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
