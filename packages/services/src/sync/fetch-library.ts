import { insertSnapshotRows, SnapshotRowBatch, type Db } from '@mj/db';
import type { JellyfinClient } from '@mj/media';
import { itemRow } from './library-rows';
import type { RunProgress } from './progress';
import { writeWatchRecords } from './watch-records';

type Users = Awaited<ReturnType<JellyfinClient['listUsers']>>;
type Libraries = Awaited<ReturnType<JellyfinClient['listLibraries']>>;

const VIDEO_COLLECTIONS = ['movies', 'tvshows', 'mixed', 'homevideos'];

/**
 * The libraries a sync walks: only those that can hold movies or shows (music and photo libraries are
 * skipped); null, meaning "no filter", when the server lists no libraries at all.
 */
export function walkedLibraryIds(libraries: Libraries): string[] | null {
  if (libraries.length === 0) return null;
  return libraries
    .filter((l) => l.collectionType === null || VIDEO_COLLECTIONS.includes(l.collectionType))
    .map((l) => l.id);
}

/** The small snapshot tables every sync writes whole, full or incremental. */
export async function writeUsersAndLibraries(
  db: Db,
  at: { tenantId: string; snapshotId: string },
  users: Users,
  libraries: Libraries,
): Promise<void> {
  const { tenantId, snapshotId } = at;
  await insertSnapshotRows(
    db,
    'mediaUsers',
    users.map((u) => ({ snapshotId, tenantId, id: u.id, name: u.name })),
  );
  await insertSnapshotRows(
    db,
    'mediaLibraries',
    libraries.map((l) => ({ snapshotId, tenantId, id: l.id, name: l.name, collectionType: l.collectionType })),
  );
}

/** What every read of the Jellyfin library is given: the server, where to write, how to report. */
export interface LibraryReadOptions {
  db: Db;
  client: JellyfinClient;
  tenantId: string;
  snapshotId: string;
  progress: RunProgress;
  now: number;
}

/** The first step of every read, full or incremental: the server's users and libraries, and what is walked. */
export async function readUsersAndLibraries(client: JellyfinClient, progress: RunProgress) {
  await progress.step('Fetching users and libraries');
  const [users, libraries] = await Promise.all([client.listUsers(), client.listLibraries()]);
  return { users, libraries, libraryIds: walkedLibraryIds(libraries) };
}

export interface LibraryFetchResult {
  counts: {
    movies: number;
    series: number;
    episodes: number;
    users: number;
    libraries: number;
    watchRecords: number;
    unknownStreams: number;
  };
  /** Newest DateLastSaved seen (the server's clock): where the next incremental sync starts. */
  maxSavedAt: number | null;
}

/** A read's counts before any item: users and libraries are known from the first step. */
export function startCounts(users: Users, libraries: Libraries): LibraryFetchResult['counts'] {
  return {
    movies: 0,
    series: 0,
    episodes: 0,
    users: users.length,
    libraries: libraries.length,
    watchRecords: 0,
    unknownStreams: 0,
  };
}

// Items are written as they stream in, so memory holds one page plus the id maps the watch
// aggregation needs (episode -> series), never the whole library.
export async function fetchLibraryIntoSnapshot(opts: LibraryReadOptions): Promise<LibraryFetchResult> {
  const { db, client, tenantId, snapshotId, progress, now } = opts;
  const { users, libraries, libraryIds } = await readUsersAndLibraries(client, progress);
  await writeUsersAndLibraries(db, { tenantId, snapshotId }, users, libraries);

  const titleIds = new Set<string>();
  const episodeSeries = new Map<string, string>();
  const counts = startCounts(users, libraries);

  let maxSavedAt: number | null = null;
  const passes = [
    ['movies', 'Fetching movies', () => client.iterateMovies(libraryIds)],
    ['series', 'Fetching series', () => client.iterateSeries(libraryIds)],
    ['episodes', 'Fetching episodes', () => client.iterateEpisodes(libraryIds)],
  ] as const;
  const batch = new SnapshotRowBatch(db, 'libraryItems');
  for (const [key, label, iterate] of passes) {
    await progress.step(label);
    let total: number | null = null;
    const firstPageTotals = new Set<string | null>();
    for await (const page of iterate()) {
      if (page.totalRecordCount !== null && !firstPageTotals.has(page.libraryId)) {
        firstPageTotals.add(page.libraryId);
        total = (total ?? 0) + page.totalRecordCount;
      }
      if (page.maxSavedAt != null && (maxSavedAt === null || page.maxSavedAt > maxSavedAt))
        maxSavedAt = page.maxSavedAt;
      const rows = page.items.map((item) => itemRow(snapshotId, tenantId, item));
      for (const item of page.items) {
        if (item.kind === 'episode') episodeSeries.set(item.id, item.seriesId);
        else titleIds.add(item.id);
        if (item.kind !== 'series' && item.streams === null) counts.unknownStreams += 1;
      }
      await batch.add(rows);
      counts[key] += rows.length;
      await progress.advance(counts[key], total);
    }
    await batch.flush();
  }

  const titleOf = (itemId: string) => (titleIds.has(itemId) ? itemId : episodeSeries.get(itemId));
  counts.watchRecords = await writeWatchRecords({ db, client, tenantId, snapshotId, users, titleOf, progress, now });
  return { counts, maxSavedAt };
}
