import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JellyfinProfile, Simulator } from '../src/index';
import { start } from './helpers';

describe.each(['10.10', '10.11', '12.0'] as JellyfinProfile[])('Jellyfin %s auth', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ jellyfinProfile: profile });
  });
  afterAll(() => sim.close());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(sim.jellyfin.url + path, { headers });

  it('accepts Authorization: MediaBrowser Token="…" and rejects a wrong or missing token', async () => {
    expect((await get('/Users', { Authorization: `MediaBrowser Token="${sim.jellyfin.apiKey}"` })).status).toBe(200);
    expect(
      (
        await get('/Users', {
          Authorization: `MediaBrowser Client="x", Device="y", DeviceId="z", Version="1", Token="${sim.jellyfin.apiKey}"`,
        })
      ).status,
    ).toBe(200);
    expect((await get('/Users', { Authorization: 'MediaBrowser Token="wrong"' })).status).toBe(401);
    expect((await get('/Users')).status).toBe(401);
    expect((await get('/System/Info/Public')).status).toBe(200);
    const info = (await (await get('/System/Info/Public')).json()) as { Version: string };
    expect(info.Version.startsWith(profile)).toBe(true);
  });

  it(`${profile === '12.0' ? 'rejects' : 'accepts'} X-Emby-Token and api_key`, async () => {
    const expected = profile === '12.0' ? 401 : 200;
    expect((await get('/Users', { 'X-Emby-Token': sim.jellyfin.apiKey })).status).toBe(expected);
    expect((await get(`/Users?api_key=${sim.jellyfin.apiKey}`)).status).toBe(expected);
  });

  it('treats the API key as an admin with no user: no UserData without userId', async () => {
    const res = await get('/Items?Recursive=true&Limit=5', {
      Authorization: `MediaBrowser Token="${sim.jellyfin.apiKey}"`,
    });
    const body = (await res.json()) as any;
    expect(body.Items.length).toBe(5);
    expect(body.Items.every((i: any) => i.UserData === undefined)).toBe(true);
    const withUser: any = await (
      await get(`/Items?Recursive=true&Limit=5&userId=${sim.users[0]!.id}`, {
        Authorization: `MediaBrowser Token="${sim.jellyfin.apiKey}"`,
      })
    ).json();
    expect(withUser.Items.every((i: any) => typeof i.UserData?.Played === 'boolean')).toBe(true);
  });
});

describe('Jellyseerr auth', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());

  it('missing key: 401 from the validator; wrong key: 403; status is public', async () => {
    const missing = await fetch(`${sim.jellyseerr.url}/api/v1/request`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      message: "cookie 'connect.sid' required",
      errors: [{ path: '/api/v1/request', message: "cookie 'connect.sid' required" }],
    });
    const wrong = await fetch(`${sim.jellyseerr.url}/api/v1/request`, { headers: { 'X-Api-Key': 'nope' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ status: 403, error: 'You do not have permission to access this endpoint' });
    expect((await fetch(`${sim.jellyseerr.url}/api/v1/status`)).status).toBe(200);
    expect(
      (await fetch(`${sim.jellyseerr.url}/api/v1/auth/me`, { headers: { 'X-Api-Key': sim.jellyseerr.apiKey } })).status,
    ).toBe(200);
  });

  it('a revoked key is refused until restored', async () => {
    const get = () => fetch(`${sim.jellyseerr.url}/api/v1/user`, { headers: { 'X-Api-Key': sim.jellyseerr.apiKey } });
    sim.revokeApiKey('jellyseerr');
    expect((await get()).status).toBe(403);
    sim.restoreApiKey('jellyseerr');
    expect((await get()).status).toBe(200);
  });
});
