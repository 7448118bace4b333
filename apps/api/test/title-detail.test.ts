import { TEST_DIALECTS } from '@mj/db/testing';
import type { TitleDetail } from '@mj/contracts';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Harness } from './harness';
import { connect, syncNow, type Account, startWithSimulator, closeAll } from './sync-helpers';

// GET /api/items/{id}: one title's page, from the synced demo library.
describe.each(TEST_DIALECTS)('title detail (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  let a: Account;
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect, (s) => ({ clock: { now: () => s.now } })));
    a = await signUp(h.app);
    await connect(h, a, sim);
    expect((await syncNow(h, a)).lastRun.status).not.toBe('failed');
  });
  afterAll(() => closeAll(h, sim));

  const get = (url: string, headers = a.headers) => h.app.inject({ url, headers });
  const first = async (query: string) =>
    (await get(`/api/library?${query}&pageSize=5`)).json().items[0] as { id: string; sizeBytes: number };

  it('a watched series: seasons add up to its size, episodes carry their tracks, watchers per user', async () => {
    const series = await first('kind=series&watched=true&sort=size');
    const res = await get(`/api/items/${series.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as TitleDetail;
    expect(detail.item.id).toBe(series.id);
    expect(detail.item.mediaType).toBe('series');
    expect(detail.streams).toBeNull();
    expect(detail.seasons.length).toBeGreaterThan(0);
    expect(detail.seasons.reduce((sum, s) => sum + s.sizeBytes, 0)).toBe(series.sizeBytes);
    expect(detail.seasons.reduce((sum, s) => sum + s.episodes, 0)).toBe(detail.episodes.length);
    expect(detail.episodes.some((e) => e.streams && e.streams.audio.length > 0)).toBe(true);
    // Every watcher the lists name appears with a play count and a last-played date.
    expect(detail.watchers.map((w) => w.userId).sort()).toEqual(detail.item.watchedBy.map((w) => w.id).sort());
    for (const w of detail.watchers) expect(w.name).not.toBe('');
    // Most recent first.
    const dates = detail.watchers.map((w) => w.lastPlayedAt ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(detail.watchers.some((w) => w.lastPlayedAt !== null)).toBe(true);
    expect(detail.deletion).toBeNull();
  });

  it('a movie: its own streams, no seasons; each issue names its rule and threshold', async () => {
    const movie = await first('kind=movie&sort=size');
    const detail = (await get(`/api/items/${movie.id}`)).json() as TitleDetail;
    expect(detail.seasons).toEqual([]);
    expect(detail.episodes).toEqual([]);
    expect(detail.rules.map((r) => r.kind)).toEqual(detail.item.issues.map((i) => i.kind));
    const large = detail.rules.find((r) => r.kind === 'large');
    if (detail.item.issues.some((i) => i.kind === 'large')) expect(large?.threshold).toMatch(/GiB/);
  });

  it('a movie with several versions lists each with its size; single-file titles list none', async () => {
    const movies = (await get('/api/library?kind=movie&sort=size&pageSize=200')).json().items as {
      id: string;
      sizeBytes: number | null;
    }[];
    let multi: TitleDetail | null = null;
    let single: TitleDetail | null = null;
    for (const { id } of movies) {
      const detail = (await get(`/api/items/${id}`)).json() as TitleDetail;
      if (detail.versions.length > 0) multi ??= detail;
      else single ??= detail;
      if (multi && single) break;
    }
    expect(multi, 'a movie with two versions among the 200 largest').not.toBeNull();
    expect(multi!.versions.length).toBeGreaterThanOrEqual(2);
    // RULES §1: the item's size is the sum of its versions' known sizes.
    expect(multi!.versions.reduce((sum, v) => sum + (v.sizeBytes ?? 0), 0)).toBe(multi!.item.sizeBytes);
    for (const v of multi!.versions) expect(v.name).toBeTruthy();
    expect(new Set(multi!.versions.map((v) => v.name)).size).toBe(multi!.versions.length);
    expect(single!.versions).toEqual([]);
    const series = await first('kind=series&sort=size');
    const episodes = ((await get(`/api/items/${series.id}`)).json() as TitleDetail).episodes;
    for (const e of episodes) expect(e.versions).toEqual([]);
  });

  it('shows whitelist entries matching the title, and drops them when removed', async () => {
    const movie = await first('kind=movie');
    const added = await h.app.inject({
      method: 'POST',
      url: '/api/whitelists/content',
      headers: a.headers,
      payload: { itemId: movie.id },
    });
    expect(added.statusCode, added.body).toBe(201);
    const detail = (await get(`/api/items/${movie.id}`)).json() as TitleDetail;
    expect(detail.whitelist).toEqual([{ id: added.json().id, type: 'content', expiresAt: null }]);
    await h.app.inject({ method: 'DELETE', url: `/api/whitelists/content/${added.json().id}`, headers: a.headers });
    expect(((await get(`/api/items/${movie.id}`)).json() as TitleDetail).whitelist).toEqual([]);
  });

  it('lists the Jellyseerr requests of a requested title', async () => {
    const page = (await get('/api/library?kind=movie&pageSize=100')).json().items as { id: string }[];
    let found: TitleDetail | null = null;
    for (const { id } of page) {
      const detail = (await get(`/api/items/${id}`)).json() as TitleDetail;
      if (detail.requests.length > 0) {
        found = detail;
        break;
      }
    }
    expect(found, 'a requested movie among the first 100').not.toBeNull();
    expect(found!.requests[0]!.id).toBeGreaterThan(0);
  });

  it('404 for an unknown id and for another tenant; 414 for an over-long id; 401 without a session', async () => {
    const movie = await first('kind=movie');
    expect((await get('/api/items/unknown')).statusCode).toBe(404);
    const b = await signUp(h.app);
    const other = await get(`/api/items/${movie.id}`, b.headers);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('item_not_found');
    expect((await get(`/api/items/${'x'.repeat(101)}`)).statusCode).toBe(414);
    expect((await h.app.inject({ url: `/api/items/${movie.id}` })).statusCode).toBe(401);
  });
});
