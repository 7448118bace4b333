export interface RouteStats {
  requests: number;
  bytes: number;
  statuses: Record<string, number>;
}

export interface ServerStats {
  requests: number;
  bytes: number;
  routes: Record<string, RouteStats>;
}

export interface RequestStats {
  jellyfin: ServerStats;
  jellyseerr: ServerStats;
  radarr?: ServerStats;
  sonarr?: ServerStats;
}

/** Requests and response bytes per route ("GET /Items"), for the benchmarks. */
export class StatsRecorder {
  private data: ServerStats = { requests: 0, bytes: 0, routes: {} };

  private route(key: string): RouteStats {
    return (this.data.routes[key] ??= { requests: 0, bytes: 0, statuses: {} });
  }

  request(key: string): void {
    this.data.requests++;
    this.route(key).requests++;
  }

  status(key: string, status: number | 'reset' | 'hang'): void {
    const r = this.route(key);
    r.statuses[String(status)] = (r.statuses[String(status)] ?? 0) + 1;
  }

  bytes(key: string, n: number): void {
    this.data.bytes += n;
    this.route(key).bytes += n;
  }

  snapshot(): ServerStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = { requests: 0, bytes: 0, routes: {} };
  }
}
