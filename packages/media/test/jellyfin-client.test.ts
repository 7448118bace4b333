import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryMovie, WatchRecord } from '@mj/core';
import { JellyfinClient, type JellyfinClientOptions } from '../src/jellyfin/client';
import { MediaError } from '../src/errors';
import { createRequestCounter } from '../src/request-counter';
import { API_KEY, startFakeJellyfin, type FakeItem, type FakeJellyfin } from './helpers/fake-jellyfin';
import { sendJson } from './helpers/servers';

let fake: FakeJellyfin;
const clients: JellyfinClient[] = [];

beforeEach(async () => {
  fake = await startFakeJellyfin();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await fake.close();
});

function client(options: Partial<JellyfinClientOptions> = {}): JellyfinClient {
  const c = new JellyfinClient({
    url: `${fake.server.url}/`,
    apiKey: API_KEY,
    allowPrivateNetwork: true,
    retry: { sleep: async () => undefined },
    ...options,
  });
  clients.push(c);
  return c;
}

async function collect<T>(gen: AsyncGenerator<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of gen) all.push(...page.items);
  return all;
}

function movie(id: string, name: string, libraryId = 'libM', extra: Record<string, unknown> = {}): FakeItem {
  return { Id: id, Type: 'Movie', Name: name, libraryId, ...extra };
}

describe('jellyfin: connection', () => {
  it('sends the key only as `Authorization: MediaBrowser Token="…"`', async () => {
    await client().listUsers();
    const req = fake.server.requests.at(-1);
    expect(req?.headers.authorization).toBe(`MediaBrowser Token="${API_KEY}"`);
    expect(req?.headers['x-emby-token']).toBeUndefined();
    expect(req?.url).not.toMatch(/api_key/i);
  });

  it('probes name, version and id', async () => {
    await expect(client().probe()).resolves.toEqual({ serverName: 'Home', version: '10.10.7', id: 'srv1' });
  });

  it('tells a wrong key apart from a wrong server', async () => {
    const wrongKey = await client({ apiKey: 'nope' })
      .probe()
      .catch((e: unknown) => e);
    expect(wrongKey).toMatchObject({ code: 'unauthorized', status: 401, message: 'Jellyfin rejected the API key' });

    fake.override = (_req, res, url) => {
      if (url.pathname !== '/System/Info/Public') return false;
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>router login</html>');
      return true;
    };
    const notJellyfin = await client()
      .probe()
      .catch((e: unknown) => e);
    expect(notJellyfin).toMatchObject({ code: 'invalid_response' });
    expect((notJellyfin as MediaError).message).toMatch(/does not look like a Jellyfin server/);
  });

  it('recognises an Emby server', async () => {
    fake.override = (_req, res, url) =>
      url.pathname === '/System/Info/Public' &&
      (sendJson(res, 200, { ProductName: 'Emby Server', Version: '4.8' }), true);
    await expect(client().probe()).rejects.toThrow(/Emby Server, not a Jellyfin server/);
  });

  it('keeps a sub-path from the configured URL', async () => {
    fake.override = (_req, res, url) => {
      if (!url.pathname.startsWith('/jf/')) return false;
      sendJson(res, 200, [{ Id: 'u9', Name: 'sub' }]);
      return true;
    };
    const c = client({ url: `${fake.server.url}/jf/web/index.html` });
    expect(c.baseUrl).toBe(`${fake.server.url}/jf`);
    await expect(c.listUsers()).resolves.toEqual([{ id: 'u9', name: 'sub' }]);
    expect(fake.server.requests.at(-1)?.url).toBe('/jf/Users');
  });

  it('lists users and libraries (libraries without an id are skipped)', async () => {
    const c = client();
    await expect(c.listUsers()).resolves.toEqual([
      { id: 'u1', name: 'alice' },
      { id: 'u2', name: 'bob' },
    ]);
    await expect(c.listLibraries()).resolves.toEqual([
      { id: 'libM', name: 'Movies', collectionType: 'movies' },
      { id: 'libS', name: 'Shows', collectionType: 'tvshows' },
      { id: 'libX', name: 'Mixed', collectionType: null },
    ]);
  });

  it('starts a library refresh and reads the refresh task state', async () => {
    const c = client();
    await c.refreshLibrary();
    expect(fake.server.requests.at(-1)).toMatchObject({ method: 'POST', url: '/Library/Refresh' });
    await expect(c.getRefreshTaskState()).resolves.toEqual({
      state: 'Running',
      progressPercent: 42.5,
      lastStatus: 'Completed',
      lastEndedAt: '2025-01-01T00:00:00.0000000Z',
    });
  });
});

describe('jellyfin: metadata pass', () => {
  it('pages per library with the planned query and knows each item’s library', async () => {
    fake.items = [movie('m1', 'A'), movie('m2', 'B'), movie('m3', 'C'), movie('m4', 'D'), movie('x1', 'E', 'libX')];
    const pages = [];
    for await (const page of client({ pageSizes: { movie: 2 } }).iterateMovies(['libM', 'libX'])) pages.push(page);
    expect(pages.map((p) => [p.libraryId, p.items.map((i) => i.id), p.totalRecordCount])).toEqual([
      ['libM', ['m1', 'm2'], 4],
      ['libM', ['m3', 'm4'], null],
      ['libM', [], null],
      ['libX', ['x1'], 1],
    ]);
    const q = fake.itemQueries;
    expect(q.map((p) => [p.get('ParentId'), p.get('StartIndex'), p.get('EnableTotalRecordCount')])).toEqual([
      ['libM', '0', 'true'],
      ['libM', '2', 'false'],
      ['libM', '4', 'false'],
      ['libX', '0', 'true'],
    ]);
    const first = q[0]!;
    expect(Object.fromEntries(first)).toMatchObject({
      Recursive: 'true',
      IncludeItemTypes: 'Movie',
      Fields: 'MediaSources,Path,DateCreated,ProviderIds,DateLastSaved',
      EnableImages: 'false',
      ExcludeLocationTypes: 'Virtual',
      SortBy: 'SortName,Id',
      SortOrder: 'Ascending',
      Limit: '2',
    });
    expect(first.has('userId')).toBe(false);
  });

  it('reports an item shifted onto the next page (paging drift) once', async () => {
    fake.items = [movie('m1', 'B'), movie('m2', 'C'), movie('m3', 'D')];
    fake.beforePage = (q) => {
      // A new title sorting first arrives after page 1: m2 moves from index 1 to index 2.
      if (q.get('StartIndex') === '2' && !fake.items.some((i) => i.Id === 'new')) fake.items.push(movie('new', 'A'));
    };
    const pages = [];
    for await (const page of client({ pageSizes: { movie: 2 } }).iterateMovies(['libM'])) pages.push(page);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(['m1', 'm2', 'm3']);
    expect(pages[1]?.skipped).toBe(1);
  });

  it('skips virtual items and alternate versions that slip through', async () => {
    fake.items = [
      movie('m1', 'A'),
      movie('v1', 'B', 'libM', { LocationType: 'Virtual' }),
      movie('alt', 'C', 'libM', { PrimaryVersionId: 'm1' }),
      movie('m2', 'D', 'libM', { LocationType: 'FileSystem', PrimaryVersionId: 'm2' }),
    ];
    const items = await collect(client().iterateMovies(['libM']));
    expect(items.map((i) => i.id)).toEqual(['m1', 'm2']);
  });

  it('maps a movie DTO to the core model', async () => {
    fake.items = [
      movie('m1', 'Heat', 'libM', {
        ProductionYear: 1995,
        DateCreated: '2024-03-01T10:20:30.1234567Z',
        ProviderIds: { Tmdb: '949', Imdb: 'tt0113277', Tvdb: '' },
        Path: '/m/heat.mkv',
        MediaSources: [
          {
            Id: 'ms1',
            Size: 1000,
            MediaStreams: [
              { Type: 'Video', Index: 0 },
              { Type: 'Audio', Language: 'fre' },
              { Type: 'Audio', Language: 'eng', Title: 'Director commentary' },
              { Type: 'Subtitle', Language: 'en', IsForced: true },
              { Type: 'Subtitle', Language: 'ger', IsExternal: true, IsHearingImpaired: true },
            ],
          },
          { Id: 'ms2', MediaStreams: [{ Type: 'Audio', Language: 'spa' }] },
          { Id: 'ms3', Size: 24 },
        ],
      }),
      movie('m2', 'No sources', 'libM'),
    ];
    const [heat, bare] = await collect<LibraryMovie>(client().iterateMovies(['libM']));
    expect(heat).toEqual({
      kind: 'movie',
      id: 'm1',
      name: 'Heat',
      year: 1995,
      libraryId: 'libM',
      providerIds: { tmdb: '949', imdb: 'tt0113277', tvdb: null },
      addedAt: Date.parse('2024-03-01T10:20:30.123Z'),
      sizeBytes: 1024,
      streams: { audio: ['fre'], subtitles: ['ger'], forcedSubtitles: ['eng'] },
    });
    expect(bare).toMatchObject({ sizeBytes: null, streams: null, addedAt: null, year: null });
  });

  it('maps series and episodes; an episode without a series is dropped', async () => {
    fake.items = [
      {
        Id: 's1',
        Type: 'Series',
        Name: 'Show',
        libraryId: 'libS',
        ProviderIds: { Tvdb: '121361' },
        DateCreated: '2020-01-01T00:00:00Z',
      },
      {
        Id: 'e1',
        Type: 'Episode',
        Name: 'Pilot',
        libraryId: 'libS',
        SeriesId: 's1',
        ParentIndexNumber: 1,
        IndexNumber: 1,
        MediaSources: [{ Size: 5, MediaStreams: [] }],
      },
      { Id: 'e0', Type: 'Episode', Name: 'Special', libraryId: 'libS', SeriesId: 's1', IndexNumber: 3 },
      { Id: 'orphan', Type: 'Episode', Name: 'Orphan', libraryId: 'libS' },
    ];
    const c = client();
    expect(await collect(c.iterateSeries(['libS']))).toEqual([
      {
        kind: 'series',
        id: 's1',
        name: 'Show',
        year: null,
        libraryId: 'libS',
        providerIds: { tmdb: null, tvdb: '121361', imdb: null },
        addedAt: Date.UTC(2020, 0, 1),
      },
    ]);
    const episodes = await collect(c.iterateEpisodes(['libS']));
    expect(episodes).toEqual([
      {
        kind: 'episode',
        id: 'e1',
        seriesId: 's1',
        name: 'Pilot',
        seasonNumber: 1,
        episodeNumber: 1,
        libraryId: 'libS',
        addedAt: null,
        sizeBytes: 5,
        streams: null,
      },
      {
        kind: 'episode',
        id: 'e0',
        seriesId: 's1',
        name: 'Special',
        seasonNumber: null,
        episodeNumber: 3,
        libraryId: 'libS',
        addedAt: null,
        sizeBytes: null,
        streams: null,
      },
    ]);
    expect(fake.itemQueries.at(-1)?.get('IncludeItemTypes')).toBe('Episode');
  });

  it('rejects a page that does not match the contract, without retrying', async () => {
    fake.items = [{ Id: 'm1', Type: 'Movie', Name: 'A', libraryId: 'libM', MediaSources: 'oops' }];
    const err = await collect(client().iterateMovies(['libM'])).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid_response', retryable: false });
    expect((err as MediaError).message).toMatch(/Items\.0\.MediaSources/);
    expect(fake.itemQueries).toHaveLength(1);
  });
});

describe('jellyfin: watch passes', () => {
  beforeEach(() => {
    fake.items = [
      movie('m1', 'A'),
      movie('m2', 'B'),
      movie('m3', 'C'),
      movie('m1-4k', 'A 4K', 'libM', { PrimaryVersionId: 'm1' }),
      { Id: 'e1', Type: 'Episode', Name: 'E1', libraryId: 'libS', SeriesId: 's1' },
    ];
    fake.userData.set(
      'u1',
      new Map<string, Record<string, unknown>>([
        [
          'm1',
          { Played: true, PlayCount: 2, LastPlayedDate: '2024-05-01T12:00:00.1234567Z', PlaybackPositionTicks: 0 },
        ],
        ['m2', { Played: false, PlayCount: 0, PlaybackPositionTicks: 1200 }],
        // Played before and being re-watched: in both passes.
        ['e1', { Played: true, PlayCount: 1, PlaybackPositionTicks: 50, LastPlayedDate: '2024-06-01T00:00:00Z' }],
        ['m1-4k', { Played: true, PlayCount: 1, LastPlayedDate: '2024-07-01T00:00:00Z' }],
      ]),
    );
  });

  it('runs IsPlayed and IsResumable as two separate lean passes', async () => {
    const c = client();
    const played: WatchRecord[] = [];
    for await (const page of c.iterateWatchRecords('u1', 'IsPlayed')) played.push(...page);
    const resumable: WatchRecord[] = [];
    for await (const page of c.iterateWatchRecords('u1', 'IsResumable')) resumable.push(...page);
    expect(played.map((r) => r.itemId).sort()).toEqual(['e1', 'm1', 'm1']);
    expect(resumable.map((r) => r.itemId).sort()).toEqual(['e1', 'm2']);
    const [q1, q2] = fake.itemQueries;
    for (const [q, filter] of [
      [q1, 'IsPlayed'],
      [q2, 'IsResumable'],
    ] as const) {
      expect(Object.fromEntries(q!)).toMatchObject({
        userId: 'u1',
        Recursive: 'true',
        IncludeItemTypes: 'Movie,Episode',
        Filters: filter,
        EnableImages: 'false',
        EnableUserData: 'true',
      });
      expect(q!.has('Fields')).toBe(false);
    }
    expect(resumable.find((r) => r.itemId === 'm2')).toEqual({
      userId: 'u1',
      itemId: 'm2',
      played: false,
      playbackPositionTicks: 1200,
      playCount: 0,
      lastPlayedAt: null,
    });
  });

  it('merges both passes into one record per item, versions folded into the primary', async () => {
    const records = await client({ pageSizes: { watch: 1 } }).listUserWatches('u1');
    const byId = Object.fromEntries(records.map((r) => [r.itemId, r]));
    expect(Object.keys(byId).sort()).toEqual(['e1', 'm1', 'm2']);
    // e1 came in both passes: one watch, not two.
    expect(byId.e1).toEqual({
      userId: 'u1',
      itemId: 'e1',
      played: true,
      playbackPositionTicks: 50,
      playCount: 1,
      lastPlayedAt: Date.UTC(2024, 5, 1),
    });
    // m1 and its 4K version: plays add up, newest date wins.
    expect(byId.m1).toMatchObject({ played: true, playCount: 3, lastPlayedAt: Date.UTC(2024, 6, 1) });
  });
});

describe('jellyfin: transport behaviour', () => {
  it('retries 5xx and resets until success, but not 401/404 or invalid JSON', async () => {
    let calls = 0;
    fake.override = (req, res, url) => {
      if (url.pathname !== '/Users') return false;
      calls++;
      if (calls === 1) sendJson(res, 503, {});
      else if (calls === 2) req.socket.destroy();
      else if (calls === 3) sendJson(res, 429, {}, { 'retry-after': '0' });
      else sendJson(res, 200, [{ Id: 'u1', Name: 'alice' }]);
      return true;
    };
    await expect(client().listUsers()).resolves.toEqual([{ id: 'u1', name: 'alice' }]);
    expect(calls).toBe(4);

    for (const [status, body] of [
      [401, '{}'],
      [403, '{}'],
      [404, '{}'],
      [200, 'not json'],
    ] as const) {
      calls = 0;
      fake.override = (_req, res, url) => {
        if (url.pathname !== '/Users') return false;
        calls++;
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
        return true;
      };
      const err = await client()
        .listUsers()
        .catch((e: unknown) => e);
      expect(err, String(status)).toBeInstanceOf(MediaError);
      expect(calls, String(status)).toBe(1);
    }
  });

  it('gives up after the configured attempts with the last error', async () => {
    let calls = 0;
    fake.override = (_req, res, url) => url.pathname === '/Users' && (calls++, sendJson(res, 502, {}), true);
    const err = await client({ retry: { maxAttempts: 3, sleep: async () => undefined } })
      .listUsers()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'http_error', status: 502, retryable: true });
    expect(calls).toBe(3);
  });

  it('keeps at most `concurrency` requests in flight per client', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    fake.override = (_req, res, url) => {
      if (url.pathname !== '/Users') return false;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        sendJson(res, 200, []);
      }, 15);
      return true;
    };
    const c = client({ concurrency: 3 });
    await Promise.all(Array.from({ length: 10 }, () => c.listUsers()));
    expect(maxInFlight).toBe(3);
  });

  it('also holds a slot of the shared (cross-process) limit per request, keyed by server origin', async () => {
    fake.override = (_req, res, url) => url.pathname === '/Users' && (sendJson(res, 200, []), true);
    const keys: string[] = [];
    const sharedLimit = {
      run: async <T>(key: string, task: () => Promise<T>) => {
        keys.push(key);
        return task();
      },
    };
    const c = client({ sharedLimit });
    await c.listUsers();
    await c.listUsers();
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('counts requests per route', async () => {
    fake.items = [movie('m1', 'A'), movie('m2', 'B')];
    const counter = createRequestCounter();
    const c = client({ onRequest: counter.hook, pageSizes: { movie: 1 } });
    await c.listUsers();
    await collect(c.iterateMovies(['libM']));
    const stats = counter.snapshot();
    expect(stats['GET /Users']?.requests).toBe(1);
    expect(stats['GET /Items (Movie)']?.requests).toBe(3);
    expect(stats['GET /Items (Movie)']?.errors).toBe(0);
    expect(counter.total()).toBe(4);
  });

  it('counts the response bytes it read, per route', async () => {
    const users = [{ Id: 'u1', Name: 'Ünïcode' }];
    fake.override = (_req, res, url) => url.pathname === '/Users' && (sendJson(res, 200, users), true);
    const counter = createRequestCounter();
    await client({ onRequest: counter.hook }).listUsers();
    expect(counter.snapshot()['GET /Users']?.bytes).toBe(Buffer.byteLength(JSON.stringify(users)));
  });
});

describe('jellyfin: paging pipeline', () => {
  it('asks for the next page before the consumer has finished with the current one', async () => {
    fake.items = [movie('m1', 'A'), movie('m2', 'B'), movie('m3', 'C')];
    const asked = new Map<string, () => void>();
    const requested = (start: string) => new Promise<void>((resolve) => asked.set(start, resolve));
    const second = requested('1');
    const third = requested('2');
    fake.beforePage = (q) => asked.get(q.get('StartIndex') ?? '')?.();
    const pages = client({ pageSizes: { movie: 1 } }).iterateMovies(['libM']);
    // Holding the first page, the second is already on its way; holding the second, the third.
    expect((await pages.next()).value?.items.map((m: { id: string }) => m.id)).toEqual(['m1']);
    await second;
    expect((await pages.next()).value?.items.map((m: { id: string }) => m.id)).toEqual(['m2']);
    await third;
    expect((await collect(pages)).map((m) => m.id)).toEqual(['m3']);
  });
});
