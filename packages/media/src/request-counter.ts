/** One HTTP attempt as seen by the transport; `route` is a template such as `GET /Items`. */
export interface RequestEvent {
  route: string;
  attempt: number;
  durationMs: number;
  status: number | null;
  errorCode: string | null;
  bytes: number;
}

export type RequestHook = (event: RequestEvent) => void;

export interface RouteStats {
  requests: number;
  errors: number;
  bytes: number;
  totalMs: number;
}

export interface RequestCounter {
  /** Pass as `onRequest` to a client. */
  hook: RequestHook;
  /** Per-route totals so far (a copy). */
  snapshot(): Record<string, RouteStats>;
  total(): number;
  reset(): void;
}

/** Counts requests per route so the sync engine can report them and benchmarks can assert on them. */
export function createRequestCounter(): RequestCounter {
  let stats = new Map<string, RouteStats>();
  return {
    hook(event) {
      const s = stats.get(event.route) ?? { requests: 0, errors: 0, bytes: 0, totalMs: 0 };
      s.requests++;
      if (event.errorCode !== null) s.errors++;
      s.bytes += event.bytes;
      s.totalMs += event.durationMs;
      stats.set(event.route, s);
    },
    snapshot() {
      return Object.fromEntries([...stats].map(([route, s]) => [route, { ...s }]));
    },
    total() {
      let n = 0;
      for (const s of stats.values()) n += s.requests;
      return n;
    },
    reset() {
      stats = new Map();
    },
  };
}
