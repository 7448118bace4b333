import { TEST_DIALECTS } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithLibrary, DAY, NOW, testClock } from './analysis-support';
import { createHarness, type Harness } from './harness';

type Entry = { id: string; itemId: string | null; createdAt: string; expired: boolean };
type Page = { items: Entry[]; total: number; page: number; pageSize: number; counts: Record<string, number> };

const NO_ENTRIES = {
  content: 0,
  large: 0,
  'language-exempt': 0,
  'original-language-only': 0,
  'subtitles-suffice': 0,
  'episode-exempt': 0,
  request: 0,
};

describe.each(TEST_DIALECTS)('whitelist paging (%s)', (dialect) => {
  let h: Harness;
  let clock: ReturnType<typeof testClock>;
  let a: Awaited<ReturnType<typeof accountWithLibrary>>;
  let b: Awaited<ReturnType<typeof accountWithLibrary>>;
  /** A's entries: one import (every entry at the same instant) and three added a second apart. */
  let imported: string[];
  let added: string[];

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = a.headers) =>
    h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const list = async (url: string, headers = a.headers): Promise<Page> => {
    const res = await call('GET', url, undefined, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    clock = testClock();
    h = await createHarness(dialect, { clock });
    a = await accountWithLibrary(h);
    b = await accountWithLibrary(h);
    const text = a.data.library.movies
      .slice(0, 40)
      .map((m) => m.name)
      .join('\n');
    const saved = await call('POST', '/api/whitelists/subtitles-suffice/import', { text, confirm: true });
    expect(saved.statusCode, saved.body).toBe(200);
    imported = saved.json().saved.map((e: Entry) => e.id);
    added = [];
    for (const [i, movie] of a.data.library.movies.slice(60, 63).entries()) {
      clock.set(NOW + (i + 1) * 1000);
      const res = await call('POST', '/api/whitelists/content', { itemId: movie.id });
      expect(res.statusCode, res.body).toBe(201);
      added.push(res.json().id);
    }
    clock.set(NOW);
  });
  afterAll(async () => h.close());

  it('pages never repeat or skip an entry, newest first, ties broken by id; total counts the whole type', async () => {
    expect(imported.length).toBeGreaterThan(10);
    const pages: Page[] = [];
    for (let n = 1; n <= Math.ceil(imported.length / 5); n++)
      pages.push(await list(`/api/whitelists/subtitles-suffice?page=${n}&pageSize=5`));
    expect(pages.map((p) => p.items.length)).toEqual(pages.map((_, i) => Math.min(5, imported.length - i * 5)));
    expect(pages.every((p) => p.total === imported.length && p.pageSize === 5)).toBe(true);
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    const paged = pages.flatMap((p) => p.items.map((e) => e.id));
    // One instant for the whole import: the id alone orders them, the same way on every page.
    expect(paged).toEqual([...imported].sort().reverse());

    const beyond = await list(`/api/whitelists/subtitles-suffice?page=${pages.length + 1}&pageSize=5`);
    expect(beyond).toMatchObject({ items: [], total: imported.length, page: pages.length + 1 });

    const content = await list('/api/whitelists/content?pageSize=2');
    expect(content.items.map((e) => e.id)).toEqual([added[2], added[1]]);
    expect((await list('/api/whitelists/content?pageSize=2&page=2')).items.map((e) => e.id)).toEqual([added[0]]);
  });

  it('counts every type in one answer; without paging the first 50 are returned', async () => {
    const page = await list('/api/whitelists/large');
    expect(page).toMatchObject({ items: [], total: 0, page: 1, pageSize: 50 });
    expect(page.counts).toEqual({ ...NO_ENTRIES, 'subtitles-suffice': imported.length, content: added.length });
  });

  it('bad paging is a 400 validation error', async () => {
    for (const bad of ['page=0', 'page=-1', 'page=abc', 'pageSize=0', 'pageSize=201', 'pageSize=2.5']) {
      const res = await call('GET', `/api/whitelists/content?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_error' });
    }
  });

  it("another tenant's entries are never listed nor counted", async () => {
    const [movie] = b.data.library.movies;
    const bEntry = await call('POST', '/api/whitelists/content', { itemId: movie!.id }, b.headers);
    expect(bEntry.statusCode, bEntry.body).toBe(201);
    const seenByB = await list('/api/whitelists/content?pageSize=200', b.headers);
    expect(seenByB.items.map((e) => e.id)).toEqual([bEntry.json().id]);
    expect(seenByB).toMatchObject({ total: 1, counts: { ...NO_ENTRIES, content: 1 } });
    const seenByA = await list('/api/whitelists/content?pageSize=200');
    expect(seenByA.items.map((e) => e.id)).not.toContain(bEntry.json().id);
    expect(seenByA.total).toBe(added.length);
    expect(seenByA.counts).toEqual({ ...NO_ENTRIES, 'subtitles-suffice': imported.length, content: added.length });
    expect((await list('/api/whitelists/subtitles-suffice', b.headers)).items).toEqual([]);
  });

  it('entries expired for purgeExpiredAfterDays are purged before paging, and their titles re-evaluated', async () => {
    const settings = await call('PATCH', '/api/settings', { purgeExpiredAfterDays: 2 }, b.headers);
    expect(settings.statusCode, settings.body).toBe(200);
    const [target, other] = (await call('GET', '/api/issues?kind=large&pageSize=200', undefined, b.headers)).json()
      .items as { id: string }[];
    const soon = await call('POST', '/api/whitelists/large', { itemId: target!.id, expiresAt: NOW + DAY }, b.headers);
    const later = await call(
      'POST',
      '/api/whitelists/large',
      { itemId: other!.id, expiresAt: NOW + 2 * DAY },
      b.headers,
    );
    expect([soon.statusCode, later.statusCode]).toEqual([201, 201]);
    try {
      // Expired exactly two days ago: purged; one day ago: still listed, marked expired.
      clock.set(NOW + 3 * DAY);
      const page = await list('/api/whitelists/large', b.headers);
      expect(page.items.map((e) => [e.id, e.expired])).toEqual([[later.json().id, true]]);
      expect(page.total).toBe(1);
      expect(page.counts.large).toBe(1);
      // The whitelist was read before any issue read: the purged entry's title is large again.
      const large = (await call('GET', '/api/issues?kind=large&pageSize=200', undefined, b.headers)).json();
      expect(large.items.map((i: { id: string }) => i.id)).toContain(target!.id);
      // A's list is untouched by B's setting.
      expect((await list('/api/whitelists/content')).total).toBe(added.length);
    } finally {
      clock.set(NOW);
    }
  });
});
