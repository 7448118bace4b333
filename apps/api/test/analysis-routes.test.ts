import { TEST_DIALECTS } from '@mj/db/testing';
import { describe, expect, it } from 'vitest';
import { NOW, startWithLibraryPerSuite, type LibraryAccount } from './analysis-support';
import type { Harness } from './harness';
import type { Account } from './sync-helpers';

type Page = {
  items: {
    id: string;
    title: string;
    sizeBytes: number | null;
    issues: { kind: string }[];
    request?: unknown;
    links: { jellyfin: string | null };
  }[];
  total: number;
  totalSizeBytes: number;
  page: number;
  pageSize: number;
};

describe.each(TEST_DIALECTS)('analysis routes (%s)', (dialect) => {
  let h: Harness;
  let a: LibraryAccount;
  let b: Account;
  startWithLibraryPerSuite(dialect, (started) => ({ h, a, b } = started));

  const get = (url: string, headers = a.headers) => h.app.inject({ url, headers });

  it('GET /api/dashboard returns the totals, and another tenant sees none of them', async () => {
    const res = await get('/api/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.old.count).toBeGreaterThan(0);
    expect(body.large.sizeBytes).toBeGreaterThan(0);
    expect(body.requests.count).toBeGreaterThan(0);
    expect(body.lastSync).toBe(new Date(NOW).toISOString());

    const other = (await get('/api/dashboard', b.headers)).json();
    expect(other).toEqual({
      old: { count: 0, sizeBytes: 0 },
      large: { count: 0, sizeBytes: 0 },
      language: { count: 0, sizeBytes: 0 },
      requests: { count: 0 },
      recent: { count: 0 },
      lastSync: null,
      reclaimed: { last30DaysBytes: 0, totalBytes: 0 },
      leavingSoon: { count: 0, sizeBytes: 0, nextAt: null },
      couldFree: { bytes: 0, titles: 0 },
    });
    expect((await h.app.inject({ url: '/api/dashboard' })).statusCode).toBe(401);
  });

  it('GET /api/issues per kind agrees with the dashboard and sorts by size descending', async () => {
    const dashboard = (await get('/api/dashboard')).json();
    for (const kind of ['old', 'large', 'language'] as const) {
      const page: Page = (await get(`/api/issues?kind=${kind}&pageSize=200`)).json();
      expect(page.total).toBe(dashboard[kind].count);
      expect(page.totalSizeBytes).toBe(dashboard[kind].sizeBytes);
      expect(page.items.every((item) => item.issues.some((issue) => issue.kind === kind))).toBe(true);
      const sizes = page.items.map((item) => item.sizeBytes ?? -1);
      expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    }
    const requests: Page = (await get('/api/issues?kind=request&pageSize=200')).json();
    expect(requests.total).toBe(dashboard.requests.count);
    expect(
      requests.items.every((item) => item.id.startsWith('request:') && item.sizeBytes === null && item.request),
    ).toBe(true);
  });

  it('GET /api/dashboard couldFree counts a title that is old and large once', async () => {
    const dashboard = (await get('/api/dashboard')).json();
    const byId = new Map<string, number>();
    let both = 0;
    for (const kind of ['old', 'large'] as const) {
      const page: Page = (await get(`/api/issues?kind=${kind}&pageSize=200`)).json();
      expect(page.total).toBeLessThanOrEqual(200);
      for (const item of page.items) {
        if (byId.has(item.id)) both += 1;
        byId.set(item.id, item.sizeBytes ?? 0);
      }
    }
    // The fixture has titles that are both, so a plain sum of the two totals would be wrong.
    expect(both).toBeGreaterThan(0);
    expect(dashboard.couldFree.titles).toBe(byId.size);
    expect(dashboard.couldFree.titles).toBeLessThan(dashboard.old.count + dashboard.large.count);
    expect(dashboard.couldFree.bytes).toBe([...byId.values()].reduce((a, b) => a + b, 0));
  });

  it('without kind lists every distinct item once, requests included, consistently across pages', async () => {
    const all: Page = (await get('/api/issues?pageSize=200')).json();
    const ids = all.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.startsWith('request:'))).toBe(true);
    const paged: string[] = [];
    for (let page = 1; paged.length < all.total; page += 1)
      paged.push(
        ...((await get(`/api/issues?pageSize=7&page=${page}&sort=name`)).json() as Page).items.map((i) => i.id),
      );
    const byName: Page = (await get(`/api/issues?pageSize=200&sort=name`)).json();
    expect(paged).toEqual(byName.items.map((item) => item.id));
    expect(all.total).toBe(ids.length);
  });

  it('q matches a case- and accent-insensitive substring of the title', async () => {
    const page: Page = (await get(`/api/library?q=${encodeURIComponent('ETE')}&pageSize=200`)).json();
    expect(page.total).toBeGreaterThan(0);
    expect(
      page.items.every((item) => item.title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes('ete')),
    ).toBe(true);
    const none: Page = (await get(`/api/issues?q=${encodeURIComponent('100%_')}`)).json();
    expect(none.total).toBe(0);
  });

  it('rejects an unknown kind, sort, order and out-of-range paging with 400', async () => {
    for (const query of ['kind=huge', 'sort=colour', 'order=up', 'page=0', 'pageSize=1000']) {
      const res = await get(`/api/issues?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_error');
    }
  });

  it('GET /api/library pages every title with filters and whole-set totals; other tenants see nothing', async () => {
    const all: Page = (await get('/api/library?pageSize=10')).json();
    const included =
      a.data.library.movies.filter((m) => m.libraryId !== 'lib-music').length + a.data.library.series.length;
    expect(all.total).toBe(included);
    expect(all.items).toHaveLength(10);
    const series: Page = (await get('/api/library?kind=series&pageSize=200&sort=size&order=asc')).json();
    expect(series.total).toBe(a.data.library.series.length);
    expect(series.totalSizeBytes).toBe(series.items.reduce((sum, item) => sum + (item.sizeBytes ?? 0), 0));
    const unwatched: Page = (await get('/api/library?watched=false&yearFrom=2000&yearTo=2010&pageSize=200')).json();
    expect(unwatched.total).toBeLessThan(all.total);
    expect(((await get('/api/library', b.headers)).json() as Page).total).toBe(0);
    expect((await get('/api/library?yearFrom=2010&yearTo=2000')).statusCode).toBe(400);
    expect((await get('/api/library?watched=maybe')).statusCode).toBe(400);
    expect((await get('/api/library?sort=rating')).statusCode).toBe(400);
  });

  it('GET /api/recent groups by day and /api/recent/share groups by requester', async () => {
    const recent = (await get('/api/recent?days=30')).json();
    expect(recent.windowDays).toBe(30);
    expect(recent.total).toBe(recent.days.reduce((n: number, d: { items: unknown[] }) => n + d.items.length, 0));
    const dates = recent.days.map((d: { date: string }) => d.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(recent.total).toBeGreaterThan((await get('/api/recent?days=1')).json().total - 1);
    const plain = await get('/api/recent/share?days=30');
    expect(plain.headers['content-type']).toMatch(/^text\/plain/);
    if (recent.total > 0) expect(plain.body).toContain(recent.days[0].items[0].title);
    const asJson = await h.app.inject({
      url: '/api/recent/share?days=30',
      headers: { ...a.headers, accept: 'application/json' },
    });
    expect(asJson.json()).toEqual({ text: plain.body });
    expect((await get('/api/recent', b.headers)).json().total).toBe(0);
    expect((await get('/api/recent/share', b.headers)).body).toBe('');
    expect((await get('/api/recent?days=31')).statusCode).toBe(400);
    expect((await get('/api/recent/share?days=0')).statusCode).toBe(400);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/dashboard',
      '/api/issues',
      '/api/library',
      '/api/recent',
      '/api/settings',
      '/api/whitelists/{type}',
      '/api/nicknames',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
