import { createHash, timingSafeEqual } from 'node:crypto';
import { notFound, syncStatsLastDay, unauthorized } from '@mj/services';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppDeps } from '../deps';

/** Constant-time comparison of the bearer token, so the token cannot be guessed byte by byte. */
function bearerMatches(header: string | undefined, expected: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Prometheus metrics at `/metrics`, only with `Authorization: Bearer $METRICS_TOKEN` (and not served at
 * all without one; the reverse proxy does not route it either). HTTP latency is measured in this process; sync outcomes and durations are read from the
 * database and queue depth from the queue at scrape time, so they cover every worker process.
 */
export function registerMetrics(
  app: FastifyInstance,
  deps: AppDeps & { queueCounts?: () => Promise<Record<string, number>> },
) {
  const metricsToken = deps.config.server.metricsToken;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mj_' });

  const httpDuration = new Histogram({
    name: 'mj_http_request_duration_seconds',
    help: 'API request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const httpErrors = new Counter({
    name: 'mj_http_server_errors_total',
    help: 'Responses with a 5xx status',
    labelNames: ['route'] as const,
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids and tokens must not become label values.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    httpDuration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) httpErrors.inc({ route });
  });

  const runs = new Gauge({
    name: 'mj_sync_runs_24h',
    help: 'Sync runs created in the last 24 h, by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const stats = await syncStatsLastDay(deps);
      this.reset();
      for (const status of ['queued', 'running', 'success', 'partial', 'failed'])
        this.set({ status }, stats.byStatus[status] ?? 0);
      const sorted = stats.durationsMs.sort((a, b) => a - b);
      const pick = (q: number) =>
        sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! / 1000 : 0;
      durations.set({ quantile: '0.5' }, pick(0.5));
      durations.set({ quantile: '0.95' }, pick(0.95));
      durations.set({ quantile: '1' }, pick(1));
    },
  });
  const durations = new Gauge({
    name: 'mj_sync_duration_seconds_24h',
    help: 'Duration of finished sync runs in the last 24 h',
    labelNames: ['quantile'] as const,
    registers: [registry],
  });
  void runs;

  if (deps.queueCounts) {
    const queueCounts = deps.queueCounts;
    new Gauge({
      name: 'mj_queue_jobs',
      help: 'Jobs in the sync queue by state',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const counts = await queueCounts().catch(() => ({}) as Record<string, number>);
        this.reset();
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }

  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    if (!metricsToken) throw notFound('not_found', 'Metrics are off: set METRICS_TOKEN to serve them.');
    if (!bearerMatches(request.headers.authorization, metricsToken))
      throw unauthorized('unauthorized', 'Send the METRICS_TOKEN as "Authorization: Bearer <token>".');
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
