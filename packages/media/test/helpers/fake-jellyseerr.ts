import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sendJson, startHttpServer, type TestServer } from './servers';

export const SEERR_KEY = 'seerr-key';

/** A recorded Jellyseerr 2.7.3 response (copied from the shared contract fixtures). */
export function seerrFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/jellyseerr-2.7.3/${name}.json`, import.meta.url)), 'utf8'),
  ) as T;
}

export interface Paged {
  pageInfo: { pages: number; pageSize: number; results: number; page: number };
  results: { id: number }[];
}

/** Slices `rows` the way Jellyseerr pages its lists (skip/take, pageInfo). */
export function page(rows: { id: number }[], skip: number, take: number): Paged {
  return {
    pageInfo: {
      pages: Math.ceil(rows.length / take),
      pageSize: take,
      results: rows.length,
      page: Math.ceil(skip / take) + 1,
    },
    results: rows.slice(skip, skip + take),
  };
}

export interface FakeJellyseerr {
  server: TestServer;
  requests: { id: number }[];
  media: { id: number }[];
  users: { id: number }[];
  override?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  close(): Promise<void>;
}

/** Serves the recorded fixtures; lists are paged from the mutable arrays. */
export async function startFakeJellyseerr(): Promise<FakeJellyseerr> {
  const fake: FakeJellyseerr = {
    server: undefined as unknown as TestServer,
    requests: seerrFixture<Paged>('request_take_10_skip_0').results,
    media: seerrFixture<Paged>('media_take_10').results,
    users: seerrFixture<Paged>('user_take_10').results,
    close: () => fake.server.close(),
  };
  fake.server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (fake.override?.(req, res, url)) return;
    if (url.pathname === '/api/v1/status') return sendJson(res, 200, seerrFixture('status'));
    const key = req.headers['x-api-key'];
    if (key === undefined) return sendJson(res, 401, { message: 'Unauthorized' });
    if (key !== SEERR_KEY) return sendJson(res, 403, { message: 'You do not have permission to access this endpoint' });
    const skip = Number(url.searchParams.get('skip') ?? 0);
    const take = Number(url.searchParams.get('take') ?? 10);
    switch (url.pathname) {
      case '/api/v1/settings/jellyfin/sync':
        return sendJson(res, 200, seerrFixture('settings_jellyfin_sync'));
      case '/api/v1/request':
        return sendJson(res, 200, page(fake.requests, skip, take));
      case '/api/v1/media':
        return sendJson(res, 200, page(fake.media, skip, take));
      case '/api/v1/user':
        return sendJson(res, 200, page(fake.users, skip, take));
      default:
        return sendJson(res, 404, { message: 'Not found' });
    }
  });
  return fake;
}
