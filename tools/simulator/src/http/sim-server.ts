import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import type { Socket } from 'node:net';
import { Rng, Stream } from '../core/prng';
import type { FaultConfig } from './faults';
import { FaultConfigSchema, chooseFault, ruleFor } from './faults';
import type { SimResponse } from './send';
import { writeResponse } from './send';
import { StatsRecorder } from './stats';

export type Query = Record<string, string>;
export type Handler = (req: FastifyRequest, query: Query) => SimResponse | Promise<SimResponse>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Query names folded to lower case (Jellyfin's binder is case-insensitive); repeated names are joined
 * with commas, as ASP.NET binds `?a=1&a=2` for list parameters.
 */
export function lowerQuery(q: unknown): Query {
  const out: Query = {};
  for (const [k, v] of Object.entries((q ?? {}) as Record<string, unknown>)) {
    const value = Array.isArray(v) ? v.join(',') : String(v);
    const key = k.toLowerCase();
    out[key] = out[key] !== undefined ? `${out[key]},${value}` : value;
  }
  return out;
}

/**
 * One simulated server: Fastify routing plus a response pipeline that counts, delays and breaks
 * answers as its fault configuration says, and an unauthenticated admin API under /__sim.
 */
export class SimServer {
  readonly app: FastifyInstance;
  readonly stats = new StatsRecorder();
  private faults: FaultConfig = {};
  private faultRng: Rng;
  private faultsUsed = new Map<string, number>();
  private hung = new Set<Socket>();
  /** Requests that presented the right key since the faults were set (for `revokeAfter`). */
  private keyUses = 0;
  private peakRss = 0;
  private sampler: NodeJS.Timeout;
  /** Fixed latency from the start options, applied under any fault config. */
  baseLatencyMs = 0;

  constructor(
    readonly name: 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr',
    seed: number,
    opts: { caseSensitive: boolean },
  ) {
    this.app = Fastify({
      logger: false,
      routerOptions: { caseSensitive: opts.caseSensitive, ignoreTrailingSlash: true },
    });
    // ASP.NET (Jellyfin, the arrs) and Express (Jellyseerr) take `Content-Type: application/json` with an
    // empty body as no body; Fastify's default parser answers 400 FST_ERR_CTP_EMPTY_JSON_BODY.
    this.app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
      const body = String(text);
      if (body.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(body));
      } catch (err) {
        (err as { statusCode?: number }).statusCode = 400;
        done(err as Error, undefined);
      }
    });
    this.faultRng = new Rng(seed, Stream.fault, { jellyfin: 1, jellyseerr: 2, radarr: 4, sonarr: 5 }[name]);
    this.sampler = setInterval(() => this.sampleMemory(), 50);
    this.sampler.unref();
    this.registerAdmin();
  }

  private sampleMemory(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.peakRss) this.peakRss = rss;
    return rss;
  }

  getFaults(): FaultConfig {
    return this.faults;
  }

  setFaults(config: FaultConfig): void {
    this.faults = FaultConfigSchema.parse(config);
    this.faultsUsed.clear();
    this.keyUses = 0;
  }

  /** Called for each request with the right API key: false once `revokeAfter` uses are spent. */
  admitKey(): boolean {
    this.keyUses++;
    return this.faults.revokeAfter === undefined || this.keyUses <= this.faults.revokeAfter;
  }

  resetKeyUses(): void {
    this.keyUses = 0;
  }

  route(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, handler: Handler): void {
    const key = `${method} ${url}`;
    this.app.route({
      method,
      url,
      handler: async (req, reply) => {
        await this.serve(key, url, method, req, reply, handler);
      },
    });
  }

  /** Catch-all 404 answered through the same pipeline (counted, delayed, breakable). */
  notFound(handler: Handler): void {
    this.app.setNotFoundHandler(async (req, reply) => {
      await this.serve(`${req.method} *`, '*', req.method, req, reply, handler);
    });
  }

  private async serve(
    key: string,
    url: string,
    method: string,
    req: FastifyRequest,
    reply: FastifyReply,
    handler: Handler,
  ): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    this.stats.request(key);
    const { rule, key: ruleKey } = ruleFor(this.faults, method, url);
    const latency = (rule.latencyMs ?? this.baseLatencyMs) + (rule.jitterMs ?? 0) * this.faultRng.next();
    if (latency > 0) await sleep(latency);
    const action = chooseFault(rule, () => this.faultRng.next(), this.faultsUsed.get(ruleKey) ?? 0);
    if (action.kind !== 'none') this.faultsUsed.set(ruleKey, (this.faultsUsed.get(ruleKey) ?? 0) + 1);
    if (action.kind === 'hang') {
      this.stats.status(key, 'hang');
      const socket = req.raw.socket;
      this.hung.add(socket);
      socket.once('close', () => this.hung.delete(socket));
      return;
    }
    if (action.kind === 'reset') {
      this.stats.status(key, 'reset');
      req.raw.socket.destroy();
      return;
    }
    let res: SimResponse;
    if (action.kind === 'error') {
      res = { status: action.status, body: '', headers: {} };
    } else if (action.kind === 'rateLimit') {
      res = { status: 429, body: '', headers: { 'retry-after': String(action.retryAfter) } };
    } else {
      try {
        res = await handler(req, lowerQuery(req.query));
      } catch (err) {
        res = {
          status: 500,
          body: JSON.stringify({ message: (err as Error).message }),
          headers: { 'content-type': 'application/json; charset=utf-8' },
        };
      }
    }
    this.stats.status(key, res.status);
    try {
      const bytes = await writeResponse(raw, res, action, rule);
      this.stats.bytes(key, bytes);
    } catch {
      raw.destroy();
    }
  }

  private registerAdmin(): void {
    const json = (reply: FastifyReply, status: number, body: unknown) =>
      reply.code(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
    this.app.get('/__sim/stats', async (_req, reply) => json(reply, 200, this.stats.snapshot()));
    this.app.post('/__sim/stats/reset', async (_req, reply) => {
      this.stats.reset();
      return json(reply, 200, { ok: true });
    });
    this.app.get('/__sim/faults', async (_req, reply) => json(reply, 200, this.faults));
    this.app.put('/__sim/faults', async (req, reply) => {
      const parsed = FaultConfigSchema.safeParse(req.body ?? {});
      if (!parsed.success) return json(reply, 400, { message: parsed.error.message });
      this.setFaults(parsed.data);
      return json(reply, 200, this.faults);
    });
    this.app.get('/__sim/memory', async (_req, reply) => {
      const rss = this.sampleMemory();
      const { heapUsed, heapTotal, external } = process.memoryUsage();
      const mb = (n: number) => n / 2 ** 20;
      return json(reply, 200, {
        rssMb: mb(rss),
        peakRssMb: mb(this.peakRss),
        heapUsedMb: mb(heapUsed),
        heapTotalMb: mb(heapTotal),
        externalMb: mb(external),
      });
    });
  }

  async listen(host: string, port: number): Promise<string> {
    const address = await this.app.listen({ host, port });
    return address.replace('[::1]', 'localhost');
  }

  async close(): Promise<void> {
    clearInterval(this.sampler);
    for (const s of this.hung) s.destroy();
    await this.app.close();
  }
}
