import { TEST_DIALECTS } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithLibrary, DAY, NOW, testClock, type LibraryAccount } from './analysis-support';
import { createHarness, type Harness } from './harness';

type Item = {
  id: string;
  title: string;
  issues: { kind: string }[];
  problemEpisodes?: { id: string }[];
  request?: { requestId: number };
};

describe.each(TEST_DIALECTS)('whitelist routes (%s)', (dialect) => {
  let h: Harness;
  let clock: ReturnType<typeof testClock>;
  let a: LibraryAccount;
  let b: LibraryAccount;
  beforeAll(async () => {
    clock = testClock();
    h = await createHarness(dialect, { clock });
    a = await accountWithLibrary(h);
    b = await accountWithLibrary(h);
  });
  afterAll(async () => h.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = a.headers) =>
    h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const issues = async (kind: string): Promise<Item[]> =>
    (await call('GET', `/api/issues?kind=${kind}&pageSize=200`)).json().items;
  const dashboard = async () => (await call('GET', '/api/dashboard')).json();

  it('adding a large entry removes the issue on the next read; deleting restores it', async () => {
    const before = await dashboard();
    const [target] = await issues('large');
    const added = await call('POST', '/api/whitelists/large', { itemId: target!.id });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      type: 'large',
      itemId: target!.id,
      title: target!.title,
      expired: false,
      expiresAt: null,
    });
    expect((await dashboard()).large.count).toBe(before.large.count - 1);
    expect((await issues('large')).map((i) => i.id)).not.toContain(target!.id);

    const list = (await call('GET', '/api/whitelists/large')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([added.json().id]);
    expect((await call('GET', '/api/whitelists/large', undefined, b.headers)).json().items).toEqual([]);

    expect((await call('DELETE', `/api/whitelists/large/${added.json().id}`, undefined, b.headers)).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/api/whitelists/content/${added.json().id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/whitelists/large/${added.json().id}`)).statusCode).toBe(204);
    expect((await dashboard()).large.count).toBe(before.large.count);
  });

  it('409 on an active duplicate; an expired duplicate is replaced; expired entries are listed as expired', async () => {
    const [target] = await issues('old');
    const first = await call('POST', '/api/whitelists/content', {
      itemId: target!.id,
      expiresAt: new Date(NOW + DAY).toISOString(),
    });
    expect(first.statusCode, first.body).toBe(201);
    const duplicate = await call('POST', '/api/whitelists/content', { itemId: target!.id });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toContain(target!.title);

    clock.set(NOW + 2 * DAY);
    try {
      // The entry expired: the title is old again on the next read, and the entry shows as expired.
      expect((await issues('old')).map((i) => i.id)).toContain(target!.id);
      const listed = (await call('GET', '/api/whitelists/content')).json().items;
      expect(listed.find((e: { id: string }) => e.id === first.json().id).expired).toBe(true);
      const replacement = await call('POST', '/api/whitelists/content', { itemId: target!.id });
      expect(replacement.statusCode, replacement.body).toBe(201);
      const after = (await call('GET', '/api/whitelists/content')).json().items.map((e: { id: string }) => e.id);
      expect(after).toEqual([replacement.json().id]);
      expect((await issues('old')).map((i) => i.id)).not.toContain(target!.id);
    } finally {
      clock.set(NOW);
    }
  });

  it('PATCH changes the expiry; past expiries and unknown entries are refused', async () => {
    const [target] = await issues('language');
    const entry = (await call('POST', '/api/whitelists/language-exempt', { itemId: target!.id })).json();
    const patched = await call('PATCH', `/api/whitelists/language-exempt/${entry.id}`, { expiresAt: '2030-01-01' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().expiresAt).toBe('2030-01-01T00:00:00.000Z');
    const past = await call('PATCH', `/api/whitelists/language-exempt/${entry.id}`, {
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().details[0].field).toBe('expiresAt');
    expect(
      (await call('PATCH', `/api/whitelists/language-exempt/${entry.id}`, { expiresAt: null }, b.headers)).statusCode,
    ).toBe(404);
  });

  it('episode-exempt, original-language-only and request entries act on their items', async () => {
    const series = (await issues('language')).find((i) => i.problemEpisodes?.length);
    const episodeId = series!.problemEpisodes![0]!.id;
    const ep = await call('POST', '/api/whitelists/episode-exempt', { itemId: episodeId });
    expect(ep.statusCode, ep.body).toBe(201);
    const after = (await issues('language')).find((i) => i.id === series!.id);
    expect(after?.problemEpisodes?.map((e) => e.id) ?? []).not.toContain(episodeId);
    expect((await call('POST', '/api/whitelists/episode-exempt', { itemId: series!.id })).statusCode).toBe(404);

    const bad = await call('POST', '/api/whitelists/original-language-only', {
      itemId: series!.id,
      languages: ['klingon'],
    });
    expect(bad.statusCode).toBe(400);
    const orig = await call('POST', '/api/whitelists/original-language-only', {
      itemId: series!.id,
      languages: ['fr'],
    });
    expect(orig.json().languages).toEqual(['fre']);

    const [request] = await issues('request');
    const before = (await dashboard()).requests.count;
    const hidden = await call('POST', '/api/whitelists/request', { requestId: request!.request!.requestId });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect((await dashboard()).requests.count).toBe(before - 1);
    expect((await call('POST', '/api/whitelists/request', { requestId: 999_999 })).statusCode).toBe(404);
    expect((await call('POST', '/api/whitelists/request', {})).statusCode).toBe(400);
  });

  it('rejects bad input and other tenants items', async () => {
    const [target] = await issues('large');
    expect((await call('POST', '/api/whitelists/forever', { itemId: target!.id })).statusCode).toBe(400);
    expect((await call('POST', '/api/whitelists/large', { itemId: 'nope' })).statusCode).toBe(404);
    expect((await call('POST', '/api/whitelists/large', {})).statusCode).toBe(400);
    expect(
      (await call('POST', '/api/whitelists/large', { itemId: target!.id, expiresAt: 'tomorrow' })).statusCode,
    ).toBe(400);
    expect((await call('POST', '/api/whitelists/large', { itemId: target!.id, expiresAt: NOW - 1 })).statusCode).toBe(
      400,
    );
    // B's library holds the same generated ids, but A's entry must not touch B's rows.
    const bBefore = (await call('GET', '/api/dashboard', undefined, b.headers)).json();
    const created = await call('POST', '/api/whitelists/large', { itemId: target!.id });
    expect(created.statusCode).toBe(201);
    expect((await call('GET', '/api/dashboard', undefined, b.headers)).json()).toEqual(bBefore);
  });

  it('import previews matches, and saves them only with confirm', async () => {
    const titles = a.data.library.movies.slice(0, 3).map((m) => m.name.toUpperCase());
    const text = [...titles, 'No Such Film 1234', ''].join('\n');
    const preview = await call('POST', '/api/whitelists/subtitles-suffice/import', { text });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.notFound).toEqual(['No Such Film 1234']);
    expect(body.matched.length + body.ambiguous.length).toBe(new Set(titles).size);
    expect(body.saved).toBeUndefined();
    expect((await call('GET', '/api/whitelists/subtitles-suffice')).json().items).toEqual([]);

    const confirmed = (await call('POST', '/api/whitelists/subtitles-suffice/import', { text, confirm: true })).json();
    expect(confirmed.saved.map((e: { itemId: string }) => e.itemId).sort()).toEqual(
      body.matched.map((m: { itemId: string }) => m.itemId).sort(),
    );
    expect((await call('GET', '/api/whitelists/subtitles-suffice')).json().items).toHaveLength(confirmed.saved.length);
    expect((await call('POST', '/api/whitelists/request/import', { text })).statusCode).toBe(400);
    expect((await call('POST', '/api/whitelists/content/import', {})).statusCode).toBe(400);
  });
});
