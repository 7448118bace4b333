import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeerrMedia, SeerrRequest, SeerrUser } from '@mj/core';
import { JellyseerrClient, type JellyseerrClientOptions } from '../src/jellyseerr/client';
import { joinRequestsWithMedia } from '../src/jellyseerr/mappers';
import { MediaError } from '../src/errors';
import {
  SEERR_KEY,
  seerrFixture,
  startFakeJellyseerr,
  type FakeJellyseerr,
  type Paged,
} from './helpers/fake-jellyseerr';
import { sendJson } from './helpers/servers';

let fake: FakeJellyseerr;
const clients: JellyseerrClient[] = [];

beforeEach(async () => {
  fake = await startFakeJellyseerr();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await fake.close();
});

function client(options: Partial<JellyseerrClientOptions> = {}): JellyseerrClient {
  const c = new JellyseerrClient({
    url: `${fake.server.url}/api/v1`,
    apiKey: SEERR_KEY,
    allowPrivateNetwork: true,
    retry: { sleep: async () => undefined },
    ...options,
  });
  clients.push(c);
  return c;
}

async function all<T>(gen: AsyncGenerator<{ items: T[] }>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of gen) out.push(...p.items);
  return out;
}

describe('jellyseerr: connection', () => {
  it('normalises a pasted /api/v1 URL and sends the key as X-Api-Key', async () => {
    const c = client();
    expect(c.baseUrl).toBe(fake.server.url);
    await expect(c.probe()).resolves.toEqual({ version: '2.7.3' });
    const last = fake.server.requests.at(-1);
    expect(last?.url).toBe('/api/v1/settings/jellyfin/sync');
    expect(last?.headers['x-api-key']).toBe(SEERR_KEY);
  });

  it('reports a wrong key (403) and a missing key (401) as unauthorized', async () => {
    await expect(client({ apiKey: 'wrong' }).probe()).rejects.toMatchObject({
      code: 'unauthorized',
      status: 403,
      message: 'Jellyseerr rejected the API key',
    });
    fake.override = (req, res, url) => {
      if (url.pathname !== '/api/v1/settings/jellyfin/sync') return false;
      delete req.headers['x-api-key'];
      sendJson(res, 401, {});
      return true;
    };
    await expect(client().probe()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('says when the URL is not a Jellyseerr server', async () => {
    fake.override = (_req, res, url) =>
      url.pathname === '/api/v1/status' && (sendJson(res, 404, { message: 'nope' }), true);
    const err = await client()
      .probe()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect(err).toMatchObject({ code: 'invalid_response' });
    expect((err as Error).message).toMatch(/does not look like a Jellyseerr server/);
  });
});

describe('jellyseerr: listings', () => {
  it('maps the recorded request list (no per-season media statuses in lists)', async () => {
    const requests = await all<SeerrRequest>(client().iterateRequests());
    expect(requests.map((r) => r.id)).toEqual([4, 3, 2, 1]);
    const tv = requests.find((r) => r.id === 3);
    expect(tv).toEqual({
      id: 3,
      type: 'tv',
      status: 1,
      is4k: false,
      createdAt: Date.parse('2026-11-25T15:54:20.000Z'),
      updatedAt: Date.parse('2026-11-25T15:54:20.000Z'),
      requestedBy: {
        id: 2,
        displayName: 'bob',
        jellyfinUserId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        email: 'bob@example.test',
      },
      seasons: [1, 2],
      media: {
        id: 3,
        mediaType: 'tv',
        tmdbId: 1399,
        tvdbId: 121361,
        imdbId: null,
        status: 4,
        status4k: 1,
        mediaAddedAt: Date.parse('2026-11-25T15:54:20.000Z'),
        seasons: [],
      },
      info: null,
    });
    expect(requests.find((r) => r.id === 4)).toMatchObject({
      type: 'movie',
      status: 3,
      seasons: [],
      media: { tmdbId: 680, status: 1 },
    });
  });

  it('maps media rows with per-season statuses, and users', async () => {
    const c = client();
    const media = await all<SeerrMedia>(c.iterateMedia());
    expect(media.find((m) => m.id === 3)?.seasons).toEqual([
      { seasonNumber: 1, status: 5, status4k: 1 },
      { seasonNumber: 2, status: 1, status4k: 1 },
    ]);
    const users = await all<SeerrUser>(c.iterateUsers());
    expect(users).toEqual([
      { id: 1, displayName: 'admin', jellyfinUserId: null, email: 'admin@example.test' },
      { id: 2, displayName: 'bob', jellyfinUserId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', email: 'bob@example.test' },
    ]);
  });

  it('pages with take/skip until pageInfo says it is done', async () => {
    const template = seerrFixture<Paged>('request_take_10_skip_0').results[0]!;
    fake.requests = Array.from({ length: 250 }, (_, i) => ({ ...template, id: i + 1 }));
    const pages = [];
    for await (const p of client().iterateRequests()) pages.push(p);
    expect(pages.map((p) => [p.items.length, p.total])).toEqual([
      [100, 250],
      [100, 250],
      [50, 250],
    ]);
    const urls = fake.server.requests.map((r) => new URL(r.url, 'http://x').searchParams);
    expect(urls.map((q) => [q.get('take'), q.get('skip'), q.get('filter'), q.get('sort')])).toEqual([
      ['100', '0', 'all', 'added'],
      ['100', '100', 'all', 'added'],
      ['100', '200', 'all', 'added'],
    ]);
  });

  it('stops on an exact multiple of the page size without an extra request', async () => {
    const template = seerrFixture<Paged>('user_take_10').results[0]!;
    fake.users = Array.from({ length: 200 }, (_, i) => ({ ...template, id: i + 1 }));
    expect(await all(client().iterateUsers())).toHaveLength(200);
    expect(fake.server.requests).toHaveLength(2);
  });

  it('drops rows repeated by a shift between pages', async () => {
    const template = seerrFixture<Paged>('media_take_10').results[0]!;
    fake.media = Array.from({ length: 4 }, (_, i) => ({ ...template, id: i + 1 }));
    let served = 0;
    fake.override = (_req, _res, url) => {
      // After page 1, a new row appears at the front: row 2 is served again on page 2.
      if (url.pathname === '/api/v1/media' && served++ === 1) fake.media.unshift({ ...template, id: 99 });
      return false;
    };
    const ids = (await all<SeerrMedia>(client({ pageSize: 2 }).iterateMedia())).map((m) => m.id);
    expect(ids).toEqual([1, 2, 3, 4]);
  });

  it('joins requests with their media rows by media id', async () => {
    const c = client();
    const joined = joinRequestsWithMedia(await all(c.iterateRequests()), await all(c.iterateMedia()));
    expect(joined.find((r) => r.id === 3)?.media.seasons).toEqual([
      { seasonNumber: 1, status: 5, status4k: 1 },
      { seasonNumber: 2, status: 1, status4k: 1 },
    ]);
    const orphan = joinRequestsWithMedia(
      joined.filter((r) => r.id === 4),
      [],
    );
    expect(orphan[0]?.media.seasons).toEqual([]);
  });
});

describe('jellyseerr: enrichment', () => {
  it('maps movie and TV details in the asked language', async () => {
    fake.override = (_req, res, url) => {
      if (url.pathname === '/api/v1/movie/680') {
        sendJson(res, 200, {
          id: 680,
          title: 'Pulp Fiction',
          originalTitle: 'Pulp Fiction',
          releaseDate: '1994-09-10',
          extra: {},
        });
        return true;
      }
      if (url.pathname === '/api/v1/tv/1399') {
        sendJson(res, 200, {
          id: 1399,
          name: 'Le Trône de fer',
          originalName: 'Game of Thrones',
          firstAirDate: '2011-04-17',
          seasons: [
            { seasonNumber: 0, airDate: null },
            { seasonNumber: 1, airDate: '2011-04-17' },
            { seasonNumber: 2, airDate: '' },
          ],
        });
        return true;
      }
      return false;
    };
    const c = client();
    await expect(c.getMovie(680, 'en').then((r) => r.outcome === 'found' && r.info)).resolves.toEqual({
      title: 'Pulp Fiction',
      originalTitle: 'Pulp Fiction',
      releaseDate: '1994-09-10',
      seasonAirDates: [],
    });
    await expect(c.getTv(1399, 'fr').then((r) => r.outcome === 'found' && r.info)).resolves.toEqual({
      title: 'Le Trône de fer',
      originalTitle: 'Game of Thrones',
      releaseDate: '2011-04-17',
      seasonAirDates: [
        { seasonNumber: 0, airDate: null },
        { seasonNumber: 1, airDate: '2011-04-17' },
        { seasonNumber: 2, airDate: null },
      ],
    });
    expect(fake.server.requests.at(-1)?.url).toBe('/api/v1/tv/1399?language=fr');
  });

  it('answers "unavailable" when the server has no TMDB access (500), after at most one retry', async () => {
    let calls = 0;
    fake.override = (_req, res, url) =>
      url.pathname.startsWith('/api/v1/movie/') &&
      (calls++, sendJson(res, 500, { message: 'Unable to retrieve movie.' }), true);
    await expect(client().getMovie(680, 'en')).resolves.toEqual({ outcome: 'unavailable' });
    expect(calls).toBe(2);
  });

  it('answers "not_found" for an unknown title (404) but still fails on a rejected key', async () => {
    await expect(client().getTv(424242, 'en')).resolves.toEqual({ outcome: 'not_found' });
    await expect(client({ apiKey: 'wrong' }).getTv(1399, 'en')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
