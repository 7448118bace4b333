import { TEST_DIALECTS } from '@mj/db/testing';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Harness } from './harness';
import { connect, syncNow, startWithSimulator, closeAll, putConnection } from './sync-helpers';

// Issue 13: Radarr and Sonarr join Jellyfin and Jellyseerr, with the same body and behaviour.
describe.each(TEST_DIALECTS)('Radarr and Sonarr connections (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect));
  });
  afterAll(() => closeAll(h, sim));

  it.each(['radarr', 'sonarr'] as const)(
    '%s: tested with /api/v3/system/status, saved encrypted, never returned',
    async (kind) => {
      const a = await signUp(h.app);
      const res = await putConnection(h, a, kind, { url: `${sim[kind].url}/api/v3/`, apiKey: sim[kind].apiKey });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ kind, configured: true, url: sim[kind].url, keyReadable: true });
      expect(res.json().serverName).toBe(kind === 'radarr' ? 'Radarr' : 'Sonarr');
      expect(res.body).not.toContain(sim[kind].apiKey);
      const all = (await h.app.inject({ url: '/api/connections', headers: a.headers })).json();
      expect(all[kind]).toMatchObject({ configured: true });
      expect(JSON.stringify(all)).not.toContain(sim[kind].apiKey);
      const { connections } = h.db.t;
      const rows = await h.db.q.select().from(connections);
      expect(JSON.stringify(rows)).not.toContain(sim[kind].apiKey);

      // Another tenant sees nothing and cannot remove it.
      const b = await signUp(h.app);
      expect((await h.app.inject({ url: `/api/connections/${kind}`, headers: b.headers })).json()).toEqual({
        kind,
        configured: false,
      });
      expect(
        (await h.app.inject({ method: 'DELETE', url: `/api/connections/${kind}`, headers: b.headers })).statusCode,
      ).toBe(404);
      expect(
        (await h.app.inject({ method: 'DELETE', url: `/api/connections/${kind}`, headers: a.headers })).statusCode,
      ).toBe(204);
      expect((await h.app.inject({ url: `/api/connections/${kind}`, headers: a.headers })).json().configured).toBe(
        false,
      );
    },
  );

  it('precise errors: not_radarr / not_sonarr for the other app or another server, invalid_api_key, invalid_url', async () => {
    const a = await signUp(h.app);
    const wrongApp = await putConnection(h, a, 'radarr', { url: sim.sonarr.url, apiKey: sim.sonarr.apiKey });
    expect(wrongApp.statusCode).toBe(400);
    expect(wrongApp.json().code).toBe('not_radarr');
    const jellyfin = await putConnection(h, a, 'sonarr', { url: sim.jellyfin.url, apiKey: 'x'.repeat(32) });
    expect(jellyfin.statusCode).toBe(400);
    expect(['not_sonarr', 'invalid_api_key']).toContain(jellyfin.json().code);
    const badKey = await putConnection(h, a, 'sonarr', { url: sim.sonarr.url, apiKey: 'wrong-key' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().code).toBe('invalid_api_key');
    const badUrl = await putConnection(h, a, 'radarr', { url: 'radarr.local', apiKey: 'k' });
    expect(badUrl.json().code).toBe('invalid_url');
    expect((await putConnection(h, a, 'lidarr', { url: sim.radarr.url, apiKey: 'k' })).statusCode).toBe(400);
  });

  it('each sync reads the Radarr and Sonarr lists (one call each) and stores which item holds each title', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    for (const kind of ['radarr', 'sonarr'] as const)
      expect((await putConnection(h, a, kind, { url: sim[kind].url, apiKey: sim[kind].apiKey })).statusCode).toBe(200);
    sim.resetStats();
    const status = await syncNow(h, a);
    expect(status.lastRun.status, status.lastRun.error ?? '').toBe('success');
    const movies = (await (
      await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)
    ).json()) as unknown[];
    const series = (await (
      await fetch(`${sim.sonarr.url}/api/v3/series?apikey=${sim.sonarr.apiKey}`)
    ).json()) as unknown[];
    expect(status.lastRun.counts).toMatchObject({ radarrMovies: movies.length, sonarrSeries: series.length });
    expect(status.lastRun.counts.requestsByRoute).toMatchObject({ 'GET /movie': 1, 'GET /series': 1 });
    const { arrItems } = h.db.t;
    const rows = (await h.db.q.select().from(arrItems)).filter((r) => r.tenantId === a.tenantId);
    expect(rows.filter((r) => r.app === 'radarr')).toHaveLength(movies.length);
    expect(rows.filter((r) => r.app === 'sonarr')).toHaveLength(series.length);
    // Rows say which app holds them, so the UI can show "in Radarr" and a deletion needs no lookup.
    const library = (await h.app.inject({ url: '/api/library?pageSize=200', headers: a.headers })).json().items as {
      managedBy: { app: string; id: number } | null;
    }[];
    const managed = library.filter((i) => i.managedBy !== null);
    expect(managed.length).toBeGreaterThan(0);
    expect(managed.length).toBeLessThan(library.length);
    const radarrIds = new Set(rows.filter((r) => r.app === 'radarr').map((r) => r.arrId));
    for (const i of managed.filter((m) => m.managedBy!.app === 'radarr'))
      expect(radarrIds.has(i.managedBy!.id)).toBe(true);

    // Radarr down: the run is partial and the previous mapping stays.
    sim.setFaults('radarr', { routes: { 'GET /api/v3/movie': { errorRate: 1 } } });
    try {
      const partial = await syncNow(h, a);
      expect(partial.lastRun.status).toBe('partial');
      expect(partial.lastRun.error).toMatch(/Radarr/);
      const after = (await h.db.q.select().from(arrItems)).filter(
        (r) => r.tenantId === a.tenantId && r.app === 'radarr',
      );
      expect(after).toHaveLength(movies.length);
    } finally {
      sim.setFaults('radarr', {});
    }
  });
});
