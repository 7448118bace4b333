import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, startHttpServer, type TestServer } from './servers';

export const API_KEY = 'k3y';

export interface FakeItem {
  Id: string;
  Type: 'Movie' | 'Series' | 'Episode';
  Name: string;
  libraryId: string;
  [field: string]: unknown;
}

export interface FakeJellyfin {
  server: TestServer;
  items: FakeItem[];
  /** userId -> itemId -> UserData */
  userData: Map<string, Map<string, Record<string, unknown>>>;
  /** Called before each /Items page is served (to simulate library changes while paging). */
  beforePage?: (query: URLSearchParams) => void;
  /** Overrides a route; return true when handled. */
  override?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  /** /Items queries seen, for assertions. */
  itemQueries: URLSearchParams[];
  close(): Promise<void>;
}

const byName = (a: FakeItem, b: FakeItem): number => a.Name.localeCompare(b.Name) || a.Id.localeCompare(b.Id);

/**
 * A small Jellyfin: enough of /System, /Users, /Library and /Items (paging, ParentId, types, the
 * IsPlayed/IsResumable filters, userId) for the client tests. It deliberately ignores
 * ExcludeLocationTypes so the client's own virtual-item guard is exercised.
 */
export async function startFakeJellyfin(): Promise<FakeJellyfin> {
  const fake: FakeJellyfin = {
    server: undefined as unknown as TestServer,
    items: [],
    userData: new Map(),
    itemQueries: [],
    close: () => fake.server.close(),
  };
  fake.server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (fake.override?.(req, res, url)) return;
    if (url.pathname === '/System/Info/Public') {
      return sendJson(res, 200, { ServerName: 'Home', Version: '10.10.7', ProductName: 'Jellyfin Server', Id: 'srv1' });
    }
    if (req.headers.authorization !== `MediaBrowser Token="${API_KEY}"`) return sendJson(res, 401, {});
    switch (url.pathname) {
      case '/System/Info':
        return sendJson(res, 200, { ServerName: 'Home', Version: '10.10.7', Id: 'srv1', OperatingSystem: 'Linux' });
      case '/Users':
        return sendJson(res, 200, [
          { Id: 'u1', Name: 'alice', Policy: { IsAdministrator: true } },
          { Id: 'u2', Name: 'bob' },
        ]);
      case '/Library/VirtualFolders':
        return sendJson(res, 200, [
          { Name: 'Movies', ItemId: 'libM', CollectionType: 'movies', Locations: ['/m'] },
          { Name: 'Shows', ItemId: 'libS', CollectionType: 'tvshows' },
          { Name: 'Mixed', ItemId: 'libX' },
          { Name: 'Broken' },
        ]);
      case '/ScheduledTasks':
        return sendJson(res, 200, [
          { Key: 'RefreshChapterImages', State: 'Idle' },
          {
            Key: 'RefreshLibrary',
            State: 'Running',
            CurrentProgressPercentage: 42.5,
            LastExecutionResult: { Status: 'Completed', EndTimeUtc: '2025-01-01T00:00:00.0000000Z' },
          },
        ]);
      case '/Library/Refresh':
        res.statusCode = req.method === 'POST' ? 204 : 405;
        return res.end();
      case '/Items':
        return serveItems(fake, url.searchParams, res);
      default:
        return sendJson(res, 404, {});
    }
  });
  return fake;
}

function serveItems(fake: FakeJellyfin, q: URLSearchParams, res: ServerResponse): void {
  fake.itemQueries.push(q);
  fake.beforePage?.(q);
  const types = (q.get('IncludeItemTypes') ?? '').split(',');
  const parentId = q.get('ParentId');
  const userId = q.get('userId');
  const filter = q.get('Filters');
  let list = fake.items.filter((i) => types.includes(i.Type) && (!parentId || i.libraryId === parentId));
  const data = userId ? (fake.userData.get(userId) ?? new Map<string, Record<string, unknown>>()) : null;
  if (data) {
    list = list.filter((i) => {
      const d = data.get(i.Id);
      if (filter === 'IsPlayed') return d?.Played === true;
      if (filter === 'IsResumable') return Number(d?.PlaybackPositionTicks ?? 0) > 0;
      return true;
    });
  }
  list.sort(byName);
  const start = Number(q.get('StartIndex') ?? 0);
  const limit = Number(q.get('Limit') ?? list.length);
  const page = list.slice(start, start + limit).map(({ libraryId: _library, ...dto }) =>
    data
      ? {
          Id: dto.Id,
          Name: dto.Name,
          Type: dto.Type,
          UserData: { ...data.get(dto.Id), Key: dto.Id },
          ...(dto.PrimaryVersionId ? { PrimaryVersionId: dto.PrimaryVersionId } : {}),
        }
      : dto,
  );
  const body: Record<string, unknown> = { Items: page, StartIndex: start };
  // Like Jellyfin: TotalRecordCount is only computed on request (0 otherwise).
  body.TotalRecordCount = q.get('EnableTotalRecordCount') === 'false' ? 0 : list.length;
  sendJson(res, 200, body);
}
