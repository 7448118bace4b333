import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src';
import { createHarness, signUp, type Harness } from './harness';
import { connect, simulator, syncNow } from './sync-helpers';

describe('demo servers (embedded mode)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
  });
  afterAll(async () => h?.close());

  it('reports no demo when none runs', async () => {
    const a = await signUp(h.app);
    const res = await h.app.inject({ url: '/api/demo', headers: a.headers });
    expect(res.json()).toEqual({ available: false, jellyfin: null, jellyseerr: null, radarr: null, sonarr: null });
    expect((await h.app.inject({ url: '/api/demo' })).statusCode).toBe(401);
  });

  it('exposes the bundled servers, which a new account can connect and sync', async () => {
    const sim = await simulator({ seed: 1 });
    const app = await buildApp(
      {
        ...h.deps,
        demo: { jellyfin: sim.jellyfin, jellyseerr: sim.jellyseerr, radarr: sim.radarr, sonarr: sim.sonarr },
      },
      { logger: false },
    );
    try {
      const a = await signUp(app);
      const demo = (await app.inject({ url: '/api/demo', headers: a.headers })).json();
      expect(demo).toMatchObject({
        available: true,
        jellyfin: { url: sim.jellyfin.url, apiKey: sim.jellyfin.apiKey },
        radarr: { url: sim.radarr.url, apiKey: sim.radarr.apiKey },
        sonarr: { url: sim.sonarr.url, apiKey: sim.sonarr.apiKey },
      });
      await connect({ ...h, app }, a, sim);
      expect((await syncNow({ ...h, app }, a)).lastRun.status).toBe('success');
    } finally {
      await app.close();
      await sim.close();
    }
  });
});
