import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { fixture, js, jellyseerrValidator, shapeDiff, start } from './helpers';

async function get(sim: Simulator, path: string): Promise<any> {
  const res = await js(sim, path);
  expect(res.status, path).toBe(200);
  return res.json();
}

describe('Jellyseerr 2.7 responses', () => {
  let sim: Simulator;
  const validate = jellyseerrValidator();
  beforeAll(async () => {
    sim = await start({ jellyseerrProfile: 'jellyseerr-2.7' });
  });
  afterAll(() => sim.close());

  it('validate against the OpenAPI spec plus the nullable overlay', async () => {
    const cases: [string, string][] = [
      ['/status', '/api/v1/status'],
      ['/auth/me', '/api/v1/auth/me'],
      ['/user', '/api/v1/user?take=50'],
      ['/request', '/api/v1/request?take=100'],
      ['/request/count', '/api/v1/request/count'],
      ['/media', '/api/v1/media?take=100'],
      ['/settings/jellyfin/sync', '/api/v1/settings/jellyfin/sync'],
    ];
    for (const [specPath, url] of cases) expect(validate(specPath, await get(sim, url)), url).toBeNull();
    // The validator does reject a wrong body (guards against a schema that accepts anything).
    expect(validate('/request/count', { total: 'many' })).not.toBeNull();
    const requests = (await get(sim, '/api/v1/request?take=100')).results;
    for (const r of requests) {
      expect(validate('/request/{requestId}', await get(sim, `/api/v1/request/${r.id}`))).toBeNull();
      const details = await get(sim, `/api/v1/${r.type}/${r.media.tmdbId}`);
      expect(validate(r.type === 'movie' ? '/movie/{movieId}' : '/tv/{tvId}', details)).toBeNull();
    }
  });

  it('has the keys and types of the recorded responses', async () => {
    const diff = (ours: unknown, name: string, optional: string[] = []) =>
      expect(shapeDiff(ours, fixture(name), '$', new Set(optional))).toEqual([]);
    diff(await get(sim, '/api/v1/status'), 'status.json');
    diff(await get(sim, '/api/v1/request/count'), 'request_count.json');
    diff(await get(sim, '/api/v1/settings/jellyfin/sync'), 'settings_jellyfin_sync.json');
    diff(await get(sim, '/api/v1/user?take=10'), 'user_take_10.json');
    // Media and requests: compare every generated row with the recorded row of the same type.
    const recordedRequests = fixture('request_take_10_skip_0.json').results;
    for (const r of (await get(sim, '/api/v1/request?take=100')).results) {
      const same = recordedRequests.find((x: any) => x.type === r.type);
      expect(shapeDiff(r, same, '$', new Set(['mediaUrl', 'mediaUrl4k', 'modifiedBy']))).toEqual([]);
    }
    const recordedMedia = fixture('media_take_10.json').results;
    for (const m of (await get(sim, '/api/v1/media?take=100')).results) {
      const same = recordedMedia.find((x: any) => x.mediaType === m.mediaType);
      expect(shapeDiff(m, same, '$', new Set(['mediaUrl', 'mediaUrl4k']))).toEqual([]);
    }
    const tv = (await get(sim, '/api/v1/request?take=100&mediaType=tv')).results[0];
    diff(await get(sim, `/api/v1/request/${tv.id}`), 'request_3.json', ['mediaUrl', 'mediaUrl4k']);
  });

  it('pages like the recording: pageInfo, take default 10, skip, sort and filter', async () => {
    const first = await get(sim, '/api/v1/request');
    // 20 requests; #19 is for blocklisted media, which the list leaves out (as Jellyseerr does).
    expect(first.pageInfo).toEqual({ pages: 2, pageSize: 10, results: 19, page: 1 });
    expect(first.results.map((r: any) => r.id)).toEqual([20, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
    const second = await get(sim, '/api/v1/request?take=10&skip=10');
    expect(second.pageInfo.page).toBe(2);
    expect(second.results.map((r: any) => r.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const modified = (await get(sim, '/api/v1/request?take=100&sort=modified')).results.map((r: any) =>
      Date.parse(r.updatedAt),
    );
    expect(modified).toEqual([...modified].sort((a, b) => b - a));
    for (const r of (await get(sim, '/api/v1/request?take=100&filter=unavailable')).results) {
      expect([1, 2]).toContain(r.status);
      expect([1, 2, 3, 4]).toContain(r.is4k ? r.media.status4k : r.media.status);
    }
    for (const m of (await get(sim, '/api/v1/media?take=100&filter=allavailable')).results)
      expect([4, 5]).toContain(m.status);
    const tvMedia = (await get(sim, '/api/v1/media?take=100')).results.filter((m: any) => m.mediaType === 'tv');
    expect(tvMedia.some((m: any) => m.seasons.length > 0 && m.seasons.every((s: any) => 'status4k' in s))).toBe(true);
  });

  it('answers bad query values with the validator 400 and unknown routes with 404', async () => {
    const bad = await js(sim, '/api/v1/request?filter=bogus');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as any;
    expect(body.message).toMatch(/^request\/query\/filter must be equal to one of the allowed values/);
    expect(body.errors[0].path).toBe('/query/filter');
    expect((await js(sim, '/api/v1/media?take=ten')).status).toBe(400);
    expect((await js(sim, '/api/v1/request/9999')).status).toBe(404);
    expect((await js(sim, '/api/v1/nothing')).status).toBe(404);
  });

  it('movie and tv details can be switched to the offline 500s, tv seasons carry airDate', async () => {
    const tv = (await get(sim, '/api/v1/request?take=100&mediaType=tv')).results[0];
    const details = await get(sim, `/api/v1/tv/${tv.media.tmdbId}`);
    expect(details.seasons.length).toBeGreaterThan(0);
    expect(details.seasons[0]).toHaveProperty('airDate');
    sim.setDetailsOffline({ tv: true, movie: true });
    const res = await js(sim, `/api/v1/tv/${tv.media.tmdbId}`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Unable to retrieve series.' });
    expect(await (await js(sim, '/api/v1/movie/100001')).json()).toEqual({ message: 'Unable to retrieve movie.' });
    sim.setDetailsOffline({ tv: false, movie: false });
    expect((await js(sim, '/api/v1/movie/100001')).status).toBe(200);
  });
});

describe.each(['jellyseerr-2.5', 'seerr-3.1'] as const)('profile %s', (profile) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ jellyseerrProfile: profile, scale: { requests: 80 } });
  });
  afterAll(() => sim.close());

  it('uses only the statuses and count fields that version has', async () => {
    const requests = (await get(sim, '/api/v1/request?take=200')).results;
    const media = (await get(sim, '/api/v1/media?take=200')).results;
    const count = await get(sim, '/api/v1/request/count');
    const validate = jellyseerrValidator(profile === 'seerr-3.1' ? 'seerr-api.yml' : 'jellyseerr-2.7.3-api.yml');
    expect(validate('/request/count', count)).toBeNull();
    if (profile === 'jellyseerr-2.5') {
      expect(requests.some((r: any) => r.status === 5)).toBe(false);
      expect(media.some((m: any) => m.status === 7 || m.status4k === 7)).toBe(false);
      expect(count).not.toHaveProperty('completed');
      expect((await get(sim, '/api/v1/status')).version).toBe('2.5.2');
    } else {
      // The count also counts requests for blocklisted media, which the list leaves out.
      expect(count.completed).toBeGreaterThanOrEqual(requests.filter((r: any) => r.status === 5).length);
      expect(requests.some((r: any) => r.status === 5)).toBe(true);
      expect(media.some((m: any) => m.status === 7 || m.status4k === 7)).toBe(true);
    }
  });
});
