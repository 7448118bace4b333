import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertDeletions, newId } from '@mj/db';
import { TEST_DIALECTS } from '@mj/db/testing';
import type { Simulator } from '@mj/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Harness } from './harness';
import { deletionRow } from './notify-support';
import { connect, syncNow, type Account, startWithSimulator, closeAll } from './sync-helpers';

// GET /api/items/{id}/image: the Jellyfin poster through the guarded client, tenant-scoped, fixed
// widths, cached on disk under DATA_DIR with an ETag.
describe.each(TEST_DIALECTS)('item posters (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  let a: Account;
  let movieId: string;
  let otherMovieId: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'mj-images-'));

  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect, () => ({ env: { DATA_DIR: dataDir } })));
    a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    expect((await syncNow(h, a)).lastRun.status).toBe('success');
    const page = await h.app.inject({ url: '/api/library?kind=movie&pageSize=5', headers: a.headers });
    [movieId, otherMovieId] = (page.json() as { items: { id: string }[] }).items.map((i) => i.id) as [string, string];
  });
  afterAll(async () => {
    await closeAll(h, sim);
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => sim.setFaults('jellyfin', {}));

  const image = (id: string, query = '?width=160', headers: Record<string, string> = {}) =>
    h.app.inject({ url: `/api/items/${id}/image${query}`, headers: { ...a.headers, ...headers } });

  it("serves the title's poster at the asked width, with an ETag and private caching", async () => {
    const res = await image(movieId);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.body).toContain('width="160"');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    for (const secret of [sim.jellyfin.url, sim.jellyfin.apiKey]) {
      expect(res.body).not.toContain(secret);
      expect(JSON.stringify(res.headers)).not.toContain(secret);
    }
    const wide = await image(movieId, '?width=320');
    expect(wide.body).toContain('width="320"');
    expect(wide.headers.etag).not.toBe(res.headers.etag);
    // No width: the list thumbnail size.
    expect((await image(movieId, '')).body).toContain('width="160"');
  });

  it('If-None-Match with the current ETag is 304 with no body; another tag gets the image', async () => {
    const first = await image(movieId);
    const etag = first.headers.etag as string;
    const again = await image(movieId, '?width=160', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const weak = await image(movieId, '?width=160', { 'if-none-match': `"other", W/${etag}` });
    expect(weak.statusCode).toBe(304);
    const stale = await image(movieId, '?width=160', { 'if-none-match': '"other"' });
    expect(stale.statusCode).toBe(200);
  });

  it('is cached: served while Jellyfin fails its image route', async () => {
    await image(movieId, '?width=640');
    sim.setFaults('jellyfin', { routes: { '/Items/:itemId/Images/:imageType': { errorRate: 1, errorStatus: 500 } } });
    const cached = await image(movieId, '?width=640');
    expect(cached.statusCode).toBe(200);
    expect(cached.body).toContain('width="400"');
    // A width never fetched has no cache: Jellyfin's failure is a 503 that names no URL.
    const uncached = await image(movieId, '?width=80');
    expect(uncached.statusCode).toBe(503);
    expect(uncached.json().code).toBe('image_unavailable');
    expect(uncached.body).not.toContain(sim.jellyfin.url);
  });

  it('400 for a width outside the fixed set or not a number', async () => {
    for (const q of ['?width=100', '?width=0', '?width=abc', '?width=1280', '?width=160.5']) {
      expect((await image(movieId, q)).statusCode, q).toBe(400);
    }
  });

  it('404 for an unknown title and for a title of another tenant', async () => {
    expect((await image('f'.repeat(32))).statusCode).toBe(404);
    const other = await signUp(h.app);
    const res = await h.app.inject({ url: `/api/items/${movieId}/image?width=160`, headers: other.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('item_not_found');
  });

  it('401 without a session', async () => {
    expect((await h.app.inject({ url: `/api/items/${movieId}/image` })).statusCode).toBe(401);
  });

  it('the household page serves posters of its own titles only, with the same headers, and not once revoked', async () => {
    const now = Date.now();
    const row = (itemId: string, status: 'scheduled' | 'cancelled') =>
      deletionRow({
        id: newId(now),
        tenantId: a.tenantId,
        itemId,
        title: itemId,
        status,
        executeAt: now + 86_400_000,
        createdAt: now,
      });
    const listed = row(movieId, 'scheduled');
    const notListed = row(otherMovieId, 'cancelled');
    await insertDeletions(h.db, [listed, notListed], []);
    const link = async (who: Account) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/household/links',
        headers: who.headers,
        payload: {},
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json() as { id: string; url: string };
      return { id: body.id, token: body.url.split('/').pop()! };
    };
    const mine = await link(a);
    const poster = (token: string, deletionId: string, query = '?width=320') =>
      h.app.inject({ url: `/api/public/household/${token}/posters/${deletionId}${query}` });

    const res = await poster(mine.token, listed.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.body).toContain('width="320"');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, max-age=3600');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    for (const secret of [sim.jellyfin.url, sim.jellyfin.apiKey, movieId]) expect(res.body).not.toContain(secret);
    expect((await poster(mine.token, listed.id, '?width=100')).statusCode).toBe(400);
    // A title of the tenant that is not on the page (not scheduled), and a page of another tenant.
    expect((await poster(mine.token, notListed.id)).statusCode).toBe(404);
    const theirs = await link(await signUp(h.app));
    expect((await poster(theirs.token, listed.id)).statusCode).toBe(404);
    // Revoked: the link shows nothing any more, posters included.
    const revoke = await h.app.inject({ method: 'DELETE', url: `/api/household/links/${mine.id}`, headers: a.headers });
    expect(revoke.statusCode).toBe(204);
    expect((await poster(mine.token, listed.id)).statusCode).toBe(404);
  });
});
