import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { METADATA_PASS, jf, js, start } from './helpers';

describe('faults', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.setFaults('jellyfin', {});
    sim.setFaults('jellyseerr', {});
  });

  it('5xx: the first N matching requests fail, then the route recovers', async () => {
    sim.setFaults('jellyfin', { errorRate: 1, errorStatus: 503, times: 2 });
    expect((await jf(sim, '/Users')).status).toBe(503);
    expect((await jf(sim, '/Users')).status).toBe(503);
    expect((await jf(sim, '/Users')).status).toBe(200);
  });

  it('429 carries Retry-After', async () => {
    sim.setFaults('jellyseerr', { rateLimitRate: 1, retryAfterSeconds: 3 });
    const res = await js(sim, '/api/v1/request');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
  });

  it('per-route rules leave the other routes alone', async () => {
    sim.setFaults('jellyfin', { routes: { 'GET /Items': { errorRate: 1 } } });
    expect((await jf(sim, '/Items?Recursive=true&Limit=1')).status).toBe(500);
    expect((await jf(sim, '/Users')).status).toBe(200);
    sim.setFaults('jellyfin', { routes: { '/Users': { errorRate: 1, errorStatus: 502 } } });
    expect((await jf(sim, '/Users')).status).toBe(502);
  });

  it('connection reset: the request fails without a response', async () => {
    sim.setFaults('jellyfin', { resetRate: 1 });
    await expect(jf(sim, '/Users')).rejects.toThrow();
  });

  it('hang: no answer until the client gives up', async () => {
    sim.setFaults('jellyfin', { hangRate: 1 });
    await expect(jf(sim, '/Users', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
  });

  it('truncated body: half the bytes, then the connection closes', async () => {
    sim.setFaults('jellyfin', { truncateRate: 1 });
    const res = await jf(sim, `${METADATA_PASS}&Limit=20`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('malformed JSON: a complete 200 that does not parse', async () => {
    sim.setFaults('jellyseerr', { malformedRate: 1 });
    const res = await js(sim, '/api/v1/request');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('latency, jitter and trickled bodies slow answers down but keep them intact', async () => {
    sim.setFaults('jellyfin', { latencyMs: 120, jitterMs: 10 });
    let t = Date.now();
    expect((await jf(sim, '/Users')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(115);
    sim.setFaults('jellyfin', { trickle: { chunkBytes: 2000, intervalMs: 20 } });
    t = Date.now();
    const users = await (await jf(sim, '/Users')).json();
    expect(Array.isArray(users)).toBe(true);
    expect(Date.now() - t).toBeGreaterThanOrEqual(40);
  });

  it('API key revoked mid-sync: N requests pass, then 401', async () => {
    sim.setFaults('jellyfin', { revokeAfter: 2 });
    expect((await jf(sim, '/Users')).status).toBe(200);
    expect((await jf(sim, '/Users')).status).toBe(200);
    expect((await jf(sim, '/Users')).status).toBe(401);
    sim.restoreApiKey('jellyfin');
    sim.setFaults('jellyfin', {});
    expect((await jf(sim, '/Users')).status).toBe(200);
  });

  it('paging drift: items added before the cursor repeat, the total grows', async () => {
    const base = `/Items?Recursive=true&IncludeItemTypes=Movie&SortBy=SortName&Limit=10`;
    const before = (await (await jf(sim, `${base}&StartIndex=0`)).json()) as any;
    sim.setFaults('jellyfin', { drift: { addPerPage: 3 } });
    const page1 = (await (await jf(sim, `${base}&StartIndex=0`)).json()) as any;
    const page2 = (await (await jf(sim, `${base}&StartIndex=10`)).json()) as any;
    expect(page2.TotalRecordCount).toBe(page1.TotalRecordCount + 3);
    // The three new titles sort first, so the end of page 1 shows up again at the start of page 2.
    expect(page2.Items.slice(0, 3).map((i: any) => i.Id)).toEqual(page1.Items.slice(7).map((i: any) => i.Id));
    expect(page2.Items[0].Name).not.toMatch(/^Aardvark/);
    expect(before.TotalRecordCount).toBe(page1.TotalRecordCount);
    // Page 2 drifted the library once more; the truth follows the current library.
    expect(sim.truth().counts.movies).toBe(page2.TotalRecordCount + 3);
  });

  it('faults can be set through the admin endpoint and are validated', async () => {
    const put = (body: unknown) =>
      fetch(`${sim.jellyseerr.url}/__sim/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ errorRate: 1, errorStatus: 502 })).status).toBe(200);
    expect((await js(sim, '/api/v1/status')).status).toBe(502);
    expect((await put({ errorRate: 7 })).status).toBe(400);
    expect((await put({})).status).toBe(200);
    expect((await js(sim, '/api/v1/status')).status).toBe(200);
  });
});

describe('stats', () => {
  it('counts requests, statuses and bytes per route until reset', async () => {
    const sim = await start();
    try {
      const a = await (await jf(sim, '/Users')).text();
      const b = await (await jf(sim, '/Items?Recursive=true&Limit=3')).text();
      await jf(sim, '/Items?Recursive=true&Limit=1', { headers: { Authorization: 'MediaBrowser Token="bad"' } });
      await js(sim, '/api/v1/request');
      const stats = sim.stats();
      expect(stats.jellyfin.requests).toBe(3);
      expect(stats.jellyfin.routes['GET /Users']).toEqual({
        requests: 1,
        bytes: Buffer.byteLength(a),
        statuses: { '200': 1 },
      });
      expect(stats.jellyfin.routes['GET /Items']?.requests).toBe(2);
      expect(stats.jellyfin.routes['GET /Items']?.statuses).toEqual({ '200': 1, '401': 1 });
      expect(stats.jellyfin.routes['GET /Items']?.bytes).toBe(Buffer.byteLength(b));
      expect(stats.jellyseerr.routes['GET /api/v1/request']?.requests).toBe(1);
      const viaAdmin = (await (await fetch(`${sim.jellyfin.url}/__sim/stats`)).json()) as any;
      expect(viaAdmin.requests).toBe(3);
      sim.resetStats();
      expect(sim.stats().jellyfin).toEqual({ requests: 0, bytes: 0, routes: {} });
    } finally {
      await sim.close();
    }
  });
});
