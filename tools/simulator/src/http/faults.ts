import { z } from 'zod';

const rule = {
  /** Added to every answer: fixed part plus uniform jitter. */
  latencyMs: z.number().min(0).optional(),
  jitterMs: z.number().min(0).optional(),
  /** Never answers (until the simulator closes). */
  hangRate: z.number().min(0).max(1).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.number().int().min(500).max(599).optional(),
  rateLimitRate: z.number().min(0).max(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** Destroys the connection without an answer. */
  resetRate: z.number().min(0).max(1).optional(),
  /** Sends half the body, then closes the connection. */
  truncateRate: z.number().min(0).max(1).optional(),
  /** A complete 200 whose body is not valid JSON. */
  malformedRate: z.number().min(0).max(1).optional(),
  /** Body dribbled out in small chunks. */
  trickle: z.object({ chunkBytes: z.number().int().min(1), intervalMs: z.number().min(0) }).optional(),
  /** Only the first N matching requests get a failure (then they pass). */
  times: z.number().int().min(0).optional(),
};

export const FaultRuleSchema = z.object(rule).strict();
export const FaultConfigSchema = z
  .object({
    ...rule,
    /** Per route: key "GET /Items" (method and route pattern) or just "/Items". */
    routes: z.record(z.string(), FaultRuleSchema).optional(),
    /** Jellyfin /Items paging drift: after each page, movies appear (sorting first) and disappear. */
    drift: z
      .object({ addPerPage: z.number().int().min(0).optional(), removePerPage: z.number().int().min(0).optional() })
      .optional(),
    /** The API key stops working after this many authenticated requests. */
    revokeAfter: z.number().int().min(0).optional(),
  })
  .strict();

export type FaultRule = z.infer<typeof FaultRuleSchema>;
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'error'; status: number }
  | { kind: 'rateLimit'; retryAfter: number }
  | { kind: 'truncate' }
  | { kind: 'malformed' };

/** The server-wide rule with the route's own fields on top. */
export function ruleFor(config: FaultConfig, method: string, route: string): { rule: FaultRule; key: string } {
  const routes = config.routes ?? {};
  const exact = `${method} ${route}`;
  const lower = (s: string) => s.toLowerCase();
  const match =
    Object.keys(routes).find((k) => lower(k) === lower(exact)) ??
    Object.keys(routes).find((k) => lower(k) === lower(route));
  const { routes: _r, drift: _d, revokeAfter: _v, ...base } = config;
  return match ? { rule: { ...base, ...routes[match] }, key: match } : { rule: base, key: '*' };
}

/**
 * Picks at most one failure for a request. `draw` is the fault stream's next number, so a given
 * seed and request order always fail the same way.
 */
export function chooseFault(rule: FaultRule, draw: () => number, used: number): FaultAction {
  if (rule.times !== undefined && used >= rule.times) return { kind: 'none' };
  const hit = (rate: number | undefined) => rate !== undefined && rate > 0 && draw() < rate;
  if (hit(rule.hangRate)) return { kind: 'hang' };
  if (hit(rule.resetRate)) return { kind: 'reset' };
  if (hit(rule.rateLimitRate)) return { kind: 'rateLimit', retryAfter: rule.retryAfterSeconds ?? 1 };
  if (hit(rule.errorRate)) return { kind: 'error', status: rule.errorStatus ?? 500 };
  if (hit(rule.truncateRate)) return { kind: 'truncate' };
  if (hit(rule.malformedRate)) return { kind: 'malformed' };
  return { kind: 'none' };
}
