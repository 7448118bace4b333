import { insertDeletions, newId } from '@mj/db';
import { TEST_DIALECTS } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { createHarness, signUp, type Harness, type Account } from './harness';
import { deletionRow } from './notify-support';

// Issue 14 / RULES §10: household links and their public page (titles, posters, dates only; a token
// shows its own tenant), keep requests acting per `keepRequestAction`, revocation, expiry, rate limit.

type Json = any;
const DAY = 86_400_000;

describe.each(TEST_DIALECTS)('household page (%s)', (dialect) => {
  let h: Harness;
  let a: Account;
  let b: Account;
  const clock = testClock(Date.now());

  beforeAll(async () => {
    h = await createHarness(dialect, { clock });
    a = await signUp(h.app);
    b = await signUp(h.app);
  });
  afterAll(async () => {
    await h?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who = a) =>
    h.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const open = (method: 'GET' | 'POST', url: string, payload?: object, ip = '203.0.113.7') =>
    h.app.inject({ method, url, remoteAddress: ip, ...(payload ? { payload } : {}) });

  /** A scheduled deletion of the tenant, written directly (the cleanup tests cover scheduling). */
  async function scheduled(tenantId: string, title: string, inDays = 5) {
    const now = clock.now();
    const row = deletionRow({
      id: newId(now),
      tenantId,
      itemId: `jf-${title}-${Math.random().toString(36).slice(2)}`,
      title,
      year: 2001,
      tmdbId: '987654',
      imdbId: 'tt7654321',
      sizeBytes: 12_345_678_901,
      status: 'scheduled',
      executeAt: now + inDays * DAY,
      createdAt: now,
    });
    await insertDeletions(h.db, [row], []);
    return row;
  }
  async function link(who = a, body: object = {}) {
    const res = await call('POST', '/api/household/links', body, who);
    expect(res.statusCode, res.body).toBe(201);
    const json = res.json() as { id: string; url: string };
    return { ...json, token: json.url.split('/').pop()! };
  }

  it('a link shows what leaves soon for its tenant only: titles, dates, posters; no sizes, no ids that work elsewhere', async () => {
    const mine = await scheduled(a.tenantId, 'Alpha Movie');
    const theirs = await scheduled(b.tenantId, 'Bravo Secret');
    const l = await link();
    expect(l.url).toMatch(/^http:\/\/mj\.test\/household\/[A-Za-z0-9_-]{40,}$/);
    const res = await open('GET', `/api/public/household/${l.token}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Json;
    expect(body.items.map((i: Json) => i.title)).toEqual(['Alpha Movie']);
    expect(body.items[0]).toMatchObject({ deletionId: mine.id, year: 2001, keepRequested: false });
    expect(body.items[0].leavesAt).toBe(new Date(mine.executeAt).toISOString());
    expect(body.items[0].posterUrl).toBe(`/api/public/household/${l.token}/posters/${mine.id}`);
    for (const leaked of [mine.itemId, '987654', 'tt7654321', '12345678901', 'sizeBytes', a.tenantId, theirs.title])
      expect(res.body).not.toContain(leaked);
    // The deletion id only works with this page's token.
    const bLink = await link(b);
    const cross = await open('POST', `/api/public/household/${bLink.token}/keep`, { deletionId: mine.id, name: 'Eve' });
    expect(cross.statusCode).toBe(404);
    // No poster without a Jellyfin connection, and none for another tenant's title.
    expect((await open('GET', `/api/public/household/${l.token}/posters/${theirs.id}`)).statusCode).toBe(404);
  });

  it('a keep request shows on the deletion and postpones it 30 days by default; cancel and none act as set', async () => {
    const l = await link();
    const d = await scheduled(a.tenantId, 'Keep Me');
    const keep = await open('POST', `/api/public/household/${l.token}/keep`, { deletionId: d.id, name: 'Grandma' });
    expect(keep.statusCode, keep.body).toBe(201);
    expect(keep.json()).toEqual({ ok: true, action: 'postpone' });
    const detail = (await call('GET', `/api/deletions/${d.id}`)).json() as Json;
    expect(detail.keepRequests).toEqual([{ name: 'Grandma', at: new Date(clock.now()).toISOString() }]);
    expect(detail.executeAt).toBe(new Date(d.executeAt + 30 * DAY).toISOString());
    const listed = (await call('GET', '/api/deletions?status=scheduled')).json() as Json;
    expect(listed.items.find((i: Json) => i.id === d.id).keepRequests.map((k: Json) => k.name)).toEqual(['Grandma']);
    const page = (await open('GET', `/api/public/household/${l.token}`)).json() as Json;
    expect(page.items.find((i: Json) => i.deletionId === d.id).keepRequested).toBe(true);
    // The same request again (other case, spaces) answers the same but adds no row and no postponement.
    for (const name of ['  grandma ', 'GRANDMA']) {
      const again = await open('POST', `/api/public/household/${l.token}/keep`, { deletionId: d.id, name });
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json()).toEqual({ ok: true, action: 'postpone' });
    }
    const repeated = (await call('GET', `/api/deletions/${d.id}`)).json() as Json;
    expect(repeated.keepRequests.map((k: Json) => k.name)).toEqual(['Grandma']);
    expect(repeated.executeAt).toBe(new Date(d.executeAt + 30 * DAY).toISOString());

    expect((await call('PATCH', '/api/settings', { keepRequestAction: 'cancel' })).statusCode).toBe(200);
    const c = await scheduled(a.tenantId, 'Cancel Me');
    expect(
      (await open('POST', `/api/public/household/${l.token}/keep`, { deletionId: c.id, name: 'Tom' })).json(),
    ).toEqual({
      ok: true,
      action: 'cancel',
    });
    expect((await call('GET', `/api/deletions/${c.id}`)).json().status).toBe('cancelled');
    // Cancelled: no longer on the page, so no more keep requests for it.
    expect(
      (await open('POST', `/api/public/household/${l.token}/keep`, { deletionId: c.id, name: 'Tom' })).statusCode,
    ).toBe(404);

    await call('PATCH', '/api/settings', { keepRequestAction: 'none' });
    const n = await scheduled(a.tenantId, 'Leave Me');
    await open('POST', `/api/public/household/${l.token}/keep`, { deletionId: n.id, name: 'Ann' });
    const nd = (await call('GET', `/api/deletions/${n.id}`)).json() as Json;
    expect(nd).toMatchObject({ status: 'scheduled', executeAt: new Date(n.executeAt).toISOString() });
    expect(nd.keepRequests.map((k: Json) => k.name)).toEqual(['Ann']);
    expect((await call('PATCH', '/api/settings', { keepRequestAction: 'everything' })).statusCode).toBe(400);
    await call('PATCH', '/api/settings', { keepRequestAction: 'postpone' });
  });

  it('revoked or expired links answer 404; links are listed and revoked per tenant only', async () => {
    const d = await scheduled(a.tenantId, 'Soon');
    const revoked = await link();
    expect((await call('DELETE', `/api/household/links/${revoked.id}`, undefined, b)).statusCode).toBe(404);
    expect((await call('GET', '/api/household/links', undefined, b)).json().items.map((i: Json) => i.id)).not.toContain(
      revoked.id,
    );
    expect((await call('DELETE', `/api/household/links/${revoked.id}`)).statusCode).toBe(204);
    expect((await open('GET', `/api/public/household/${revoked.token}`)).statusCode).toBe(404);
    expect(
      (await open('POST', `/api/public/household/${revoked.token}/keep`, { deletionId: d.id, name: 'X' })).statusCode,
    ).toBe(404);
    const expiring = await link(a, { expiresAt: clock.now() + DAY });
    expect((await open('GET', `/api/public/household/${expiring.token}`)).statusCode).toBe(200);
    const listed = (await call('GET', '/api/household/links')).json().items as Json[];
    expect(listed.find((i) => i.id === revoked.id)).toMatchObject({ active: false });
    expect(listed.find((i) => i.id === expiring.id)).toMatchObject({ active: true });
    const start = clock.now();
    clock.set(start + DAY + 1);
    expect((await open('GET', `/api/public/household/${expiring.token}`)).statusCode).toBe(404);
    clock.set(start);
    expect((await open('GET', '/api/public/household/not-a-real-token')).statusCode).toBe(404);
  });

  it('bad input: past or invalid expiry 400, keep without a name or with unknown fields 400', async () => {
    expect((await call('POST', '/api/household/links', { expiresAt: clock.now() - 1000 })).statusCode).toBe(400);
    expect((await call('POST', '/api/household/links', { expiresAt: 'tomorrow' })).statusCode).toBe(400);
    expect((await call('POST', '/api/household/links', { other: 1 })).statusCode).toBe(400);
    expect((await h.app.inject({ method: 'POST', url: '/api/household/links', payload: {} })).statusCode).toBe(401);
    const l = await link();
    const d = await scheduled(a.tenantId, 'Named');
    for (const body of [
      { deletionId: d.id },
      { deletionId: d.id, name: '  ' },
      { deletionId: d.id, name: 'A', size: 1 },
      {},
    ])
      expect((await open('POST', `/api/public/household/${l.token}/keep`, body, '198.51.100.9')).statusCode).toBe(400);
    expect((await call('DELETE', '/api/household/links/nope')).statusCode).toBe(404);
  });

  it('rate-limited per token and address', async () => {
    const l = await link();
    const d = await scheduled(a.tenantId, 'Limited');
    const keep = (ip: string) =>
      open('POST', `/api/public/household/${l.token}/keep`, { deletionId: d.id, name: 'Spam' }, ip);
    const codes: number[] = [];
    for (let i = 0; i < 11; i += 1) codes.push((await keep('192.0.2.50')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
    expect((await keep('192.0.2.51')).statusCode).toBe(201);
  });
});
