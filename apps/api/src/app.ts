import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import jwt from '@fastify/jwt';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyServerFactory } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps';
import { authHook, decorateTenant } from './plugins/auth';
import { registerErrorHandling } from './plugins/errors';
import { registerMetrics } from './plugins/metrics';
import { deletionsRoutes } from './routes/deletions';
import { registerQueueBoard } from './plugins/queue-board';
import { accountRoutes } from './routes/account';
import { connectionRoutes } from './routes/connections';
import { demoRoutes } from './routes/demo';
import { syncRoutes } from './routes/sync';
import { authPublicRoutes } from './routes/auth-public';
import { healthRoutes } from './routes/health';
import { dashboardRoutes } from './routes/dashboard';
import { issuesRoutes } from './routes/issues';
import { recentRoutes } from './routes/recent';
import { itemsRoutes } from './routes/items';
import { libraryRoutes } from './routes/library';
import { settingsRoutes } from './routes/settings';
import { whitelistsRoutes } from './routes/whitelists';
import { nicknamesRoutes } from './routes/nicknames';
import { mediaLibrariesRoutes } from './routes/media-libraries';
import { notificationsRoutes } from './routes/notifications';
import { householdPublicRoutes } from './routes/household-public';
import { transformComponents } from './openapi-components';

/** Secrets and tokens that must never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

export interface BuildOptions {
  logger?: false;
  loggerInstance?: FastifyBaseLogger;
  serverFactory?: FastifyServerFactory;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}) {
  const app = Fastify({
    ...(opts.serverFactory ? { serverFactory: opts.serverFactory } : {}),
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ?? { level: deps.config.server.logLevel, redact: REDACTED_PATHS } }),
    // X-Forwarded-For only from the configured proxies (TRUSTED_PROXIES); by default nobody, so a client
    // cannot pick the address its rate limits count against.
    trustProxy: deps.config.server.trustedProxies.length > 0 ? deps.config.server.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // External plugins first, then ours (fastify/demo's order).
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // HSTS over plain http would be ignored at best and, behind a LAN address, lock users out at worst.
    strictTransportSecurity: deps.config.server.publicUrl.startsWith('https:'),
  });
  await app.register(cors, { origin: [new URL(deps.config.server.publicUrl).origin], credentials: true });
  await app.register(cookie);
  await app.register(jwt, { secret: deps.jwtSecret });
  await app.register(rateLimit, {
    global: false,
    // Shared across API processes in production; in memory in embedded mode.
    ...(deps.redis ? { redis: deps.redis, nameSpace: 'mj-rate-limit:' } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Media Janitor API',
        version: '0.1.0',
        description: 'Every route except auth and health requires `Authorization: Bearer <token>`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: transformComponents,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  decorateTenant(app, deps);
  registerMetrics(app, deps);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(deps));
      await api.register(authPublicRoutes(deps));
      await api.register(householdPublicRoutes(deps));
      // Everything registered inside this scope requires a principal.
      await api.register(async (secured) => {
        secured.addHook('onRequest', authHook(app, deps));
        await secured.register(accountRoutes(deps));
        await secured.register(connectionRoutes(deps));
        await secured.register(demoRoutes(deps));
        await secured.register(syncRoutes(deps));
        await secured.register(dashboardRoutes());
        await secured.register(issuesRoutes());
        await secured.register(recentRoutes());
        await secured.register(libraryRoutes());
        await secured.register(settingsRoutes(deps));
        await secured.register(whitelistsRoutes());
        await secured.register(nicknamesRoutes());
        await secured.register(mediaLibrariesRoutes());
        await secured.register(deletionsRoutes(deps));
        await secured.register(itemsRoutes(deps));
        await secured.register(notificationsRoutes(deps));
      });
    },
    { prefix: '/api' },
  );

  if (deps.adminQueue && deps.config.auth.adminEmails.length > 0) await registerQueueBoard(app, deps, deps.adminQueue);

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
