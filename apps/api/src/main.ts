import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRepoRoot, loadConfigOrExit } from '@mj/config';
import pino from 'pino';
import { buildApp, REDACTED_PATHS } from './app';
import { createDeps } from './runtime/create-deps';
import { startDemoServers } from './runtime/demo';
import { startEmbeddedJobs } from './runtime/embedded-jobs';

// Process entry. Embedded mode (no REDIS_URL): one HTTP server on PORT hands /api/* to Fastify and
// everything else to the SvelteKit handler. Production mode: the API alone (web and worker run as
// their own processes behind a reverse proxy).

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

async function loadWebHandler(): Promise<NodeHandler | undefined> {
  const file = fromRepoRoot('apps/web/build/handler.js');
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
  return mod.handler;
}

async function main() {
  const config = loadConfigOrExit();
  const log = pino({ level: config.server.logLevel, redact: REDACTED_PATHS });
  const { runtime, deps } = await createDeps(config, log);
  const demo = config.media.demo ? await startDemoServers(log) : undefined;
  if (demo)
    deps.demo = { jellyfin: demo.jellyfin, jellyseerr: demo.jellyseerr, radarr: demo.radarr, sonarr: demo.sonarr };

  let webHandler: NodeHandler | undefined;
  const app = await buildApp(deps, {
    loggerInstance: log,
    serverFactory: (fastifyHandler) =>
      createServer((req, res) => {
        if (!webHandler || req.url === '/api' || req.url?.startsWith('/api/') || req.url === '/metrics') {
          return fastifyHandler(req, res);
        }
        req.headers['x-forwarded-proto'] ??= 'http';
        webHandler(req, res, () => fastifyHandler(req, res));
      }),
  });

  if (config.embedded) {
    // SvelteKit's server-side loads call the API on this internal URL, never the public one.
    process.env.API_INTERNAL_URL ??= config.server.apiInternalUrl;
    // adapter-node assumes https unless told otherwise, and SvelteKit then refuses every form post as
    // cross-site. Without ORIGIN, derive the origin from each request (embedded mode is reached as
    // localhost as often as by LAN address); the server below marks plain-http requests as such.
    if (!process.env.ORIGIN) {
      process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
      process.env.HOST_HEADER ??= 'host';
    }
    webHandler = await loadWebHandler();
    if (!webHandler) log.warn('apps/web/build is missing: serving the API only (run pnpm build)');
  }

  // Embedded mode runs the jobs in this process; in production the worker processes do.
  const stopJobs = config.embedded ? await startEmbeddedJobs(runtime, log) : async () => runtime.jobs.close();

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await stopJobs();
    await demo?.close();
    await deps.db.close();
    await deps.redis?.quit().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.server.port, host: config.server.host });
  log.info(
    { url: config.server.publicUrl, mode: config.mode, database: config.storage.database.dialect },
    'Media Janitor is running',
  );
}

await main();
