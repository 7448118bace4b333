import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaError } from '../src/errors';
import { RadarrClient } from '../src/arr/radarr-client';
import { SonarrClient } from '../src/arr/sonarr-client';
import type { RequestEvent } from '../src/request-counter';
import { startHttpServer, type TestServer } from './helpers/servers';

// Radarr's movie list and Sonarr's series list are read in one call each, parsed and validated as the
// bytes arrive (issue 13): a 20,000-film list is ~100 MB, more than the buffered-response limit.

const servers: TestServer[] = [];
const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const movie = (id: number) => ({
  id,
  title: `Film ${id}`,
  year: 2000 + (id % 20),
  tmdbId: 1000 + id,
  imdbId: `tt${id}`,
  qualityProfileId: 4,
  rootFolderPath: '/movies',
  path: `/movies/Film ${id}`,
  monitored: id % 2 === 0,
  tags: [1],
  sizeOnDisk: id * 1_000_000,
  // Real Radarr sends much more per movie (images, ratings, movieFile): padding stands for it.
  overview: 'x'.repeat(400),
});

/** Writes `body` in small chunks, as a slow server or a big list arrives. */
async function dribble(res: ServerResponse, body: string, chunk = 1024): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  for (let i = 0; i < body.length; i += chunk) {
    if (!res.write(body.slice(i, i + chunk))) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}

async function serve(body: () => string, status = 200): Promise<TestServer> {
  const s = await startHttpServer((req, res) => {
    if (req.url?.startsWith('/api/v3/movie') || req.url?.startsWith('/api/v3/series')) {
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end('{"message":"nope"}');
        return;
      }
      return dribble(res, body());
    }
    res.writeHead(404).end();
  });
  servers.push(s);
  return s;
}

function radarr(url: string, extra: { maxResponseBytes?: number; onRequest?: (e: RequestEvent) => void } = {}) {
  const c = new RadarrClient({
    url,
    apiKey: 'k',
    allowPrivateNetwork: true,
    retry: { maxAttempts: 1 },
    ...extra,
  });
  clients.push(c);
  return c;
}

async function failure(promise: Promise<unknown>): Promise<MediaError> {
  const err = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MediaError);
  return err as MediaError;
}

describe('Radarr/Sonarr lists: streamed and validated', () => {
  it('reads a list larger than the buffered-response limit, every item mapped', async () => {
    const movies = Array.from({ length: 2_000 }, (_, i) => movie(i + 1));
    const body = JSON.stringify(movies);
    const s = await serve(() => body);
    const events: RequestEvent[] = [];
    // 64 KiB would refuse the ~1 MB body if it were buffered whole.
    const items = await radarr(s.url, { maxResponseBytes: 64 * 1024, onRequest: (e) => events.push(e) }).listItems();
    expect(body.length).toBeGreaterThan(64 * 1024 * 10);
    expect(items).toHaveLength(2_000);
    expect(items[0]).toMatchObject({ app: 'radarr', arrId: 1, tmdbId: 1001, monitored: false, sizeOnDisk: 1_000_000 });
    expect(items[1_999]).toMatchObject({ arrId: 2_000, title: 'Film 2000', monitored: true, tags: [1] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ route: 'GET /movie', status: 200, bytes: Buffer.byteLength(body) });
  });

  it('refuses an invalid item and names where it is', async () => {
    const movies: unknown[] = [movie(1), movie(2), { ...movie(3), qualityProfileId: 'best' }];
    const s = await serve(() => JSON.stringify(movies));
    const err = await failure(radarr(s.url).listItems());
    expect(err.code).toBe('invalid_response');
    expect(err.message).toContain('[2].qualityProfileId');
  });

  it('refuses a list cut short', async () => {
    const s = await serve(() => JSON.stringify([movie(1), movie(2)]).slice(0, -30));
    const err = await failure(radarr(s.url).listItems());
    expect(err.code).toBe('invalid_response');
    expect(err.message).toContain('cut short');
  });

  it('refuses a document that is not an array (an HTML page, an object)', async () => {
    const html = await serve(() => '<!doctype html><html></html>');
    expect((await failure(radarr(html.url).listItems())).code).toBe('invalid_response');
    const object = await serve(() => JSON.stringify({ id: 1, qualityProfileId: 1, monitored: true }));
    const err = await failure(radarr(object.url).listItems());
    expect(err.code).toBe('invalid_response');
    expect(err.message).toContain('expected a JSON array');
  });

  it('still maps an error status before reading any list', async () => {
    const s = await serve(() => '[]', 401);
    expect((await failure(radarr(s.url).listItems())).code).toBe('unauthorized');
  });

  it('reads an empty list and Sonarr series the same way', async () => {
    const empty = await serve(() => ' []');
    expect(await radarr(empty.url).listItems()).toEqual([]);
    const series = [
      {
        id: 7,
        title: 'Show',
        tvdbId: 70,
        qualityProfileId: 1,
        monitored: true,
        seasons: [{ seasonNumber: 1, monitored: true }],
        statistics: { sizeOnDisk: 5 },
      },
    ];
    const s = await serve(() => JSON.stringify(series));
    const sonarr = new SonarrClient({ url: s.url, apiKey: 'k', allowPrivateNetwork: true });
    clients.push(sonarr);
    const items = await sonarr.listItems();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ app: 'sonarr', arrId: 7, tvdbId: 70, sizeOnDisk: 5 });
  });
});
