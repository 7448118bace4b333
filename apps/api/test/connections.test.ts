import { TEST_DIALECTS } from '@mj/db/testing';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Harness } from './harness';
import { startWithSimulator, closeAll, putConnection } from './sync-helpers';

describe.each(TEST_DIALECTS)('connections (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect));
  });
  afterAll(() => closeAll(h, sim));

  it('tests and saves a Jellyfin server, never returning the key', async () => {
    const a = await signUp(h.app);
    const res = await putConnection(h, a, 'jellyfin', {
      url: `${sim.jellyfin.url}/web/index.html#/home`,
      apiKey: sim.jellyfin.apiKey,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'jellyfin', configured: true, url: sim.jellyfin.url, keyReadable: true });
    expect(body.serverName).toBeTruthy();
    expect(body.version).toMatch(/^10\.|^12\./);
    expect(res.body).not.toContain(sim.jellyfin.apiKey);
    const get = await h.app.inject({ url: '/api/connections/jellyfin', headers: a.headers });
    expect(get.json()).toMatchObject({ configured: true, url: sim.jellyfin.url });
    expect(get.body).not.toContain(sim.jellyfin.apiKey);
    // The key is stored sealed, not in clear.
    const { connections } = h.db.t;
    const rows = await h.db.q.select().from(connections);
    expect(rows.every((r) => !r.apiKeyCipher.includes(sim.jellyfin.apiKey))).toBe(true);
  });

  it('tests and saves a Jellyseerr server (a pasted /api/v1 suffix is removed)', async () => {
    const a = await signUp(h.app);
    const res = await putConnection(h, a, 'jellyseerr', {
      url: `${sim.jellyseerr.url}/api/v1/`,
      apiKey: sim.jellyseerr.apiKey,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'jellyseerr', url: sim.jellyseerr.url, version: expect.any(String) });
  });

  it.each([
    ['a wrong key', () => ({ url: sim.jellyfin.url, apiKey: 'wrong' }), 'invalid_api_key', /rejected the API key/],
    ['a closed port', () => ({ url: 'http://127.0.0.1:9', apiKey: 'k' }), 'unreachable', /./],
    ['a Jellyseerr URL', () => ({ url: sim.jellyseerr.url, apiKey: 'k' }), 'not_jellyfin', /Jellyfin/],
    ['a cloud metadata address', () => ({ url: 'http://169.254.169.254', apiKey: 'k' }), 'blocked_address', /./],
    ['a non-http scheme', () => ({ url: 'ftp://example.com', apiKey: 'k' }), 'invalid_url', /./],
  ])('answers 400 with a precise code for %s', async (_name, payload, code, message) => {
    const a = await signUp(h.app);
    const res = await putConnection(h, a, 'jellyfin', payload());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toMatch(message);
    const get = await h.app.inject({ url: '/api/connections/jellyfin', headers: a.headers });
    expect(get.json()).toEqual({ kind: 'jellyfin', configured: false });
  });

  it('validates the body and the kind', async () => {
    const a = await signUp(h.app);
    const res = await putConnection(h, a, 'jellyfin', { url: '' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['apiKey', 'url']);
    expect((await putConnection(h, a, 'plex', { url: 'http://x', apiKey: 'k' })).statusCode).toBe(400);
  });

  it('deletes a connection; deleting again is 404', async () => {
    const a = await signUp(h.app);
    await putConnection(h, a, 'jellyfin', { url: sim.jellyfin.url, apiKey: sim.jellyfin.apiKey });
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/connections/jellyfin', headers: a.headers })).statusCode,
    ).toBe(204);
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/connections/jellyfin', headers: a.headers })).statusCode,
    ).toBe(404);
  });

  it("isolates tenants: B sees, and deletes, none of A's connections", async () => {
    const a = await signUp(h.app);
    const b = await signUp(h.app);
    await putConnection(h, a, 'jellyfin', { url: sim.jellyfin.url, apiKey: sim.jellyfin.apiKey });
    const list = await h.app.inject({ url: '/api/connections', headers: b.headers });
    expect(list.json()).toEqual({
      jellyfin: { kind: 'jellyfin', configured: false },
      jellyseerr: { kind: 'jellyseerr', configured: false },
      radarr: { kind: 'radarr', configured: false },
      sonarr: { kind: 'sonarr', configured: false },
    });
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/connections/jellyfin', headers: b.headers })).statusCode,
    ).toBe(404);
    expect((await h.app.inject({ url: '/api/connections/jellyfin', headers: a.headers })).json().configured).toBe(true);
  });

  it('requires authentication', async () => {
    expect((await h.app.inject({ url: '/api/connections' })).statusCode).toBe(401);
  });
});
