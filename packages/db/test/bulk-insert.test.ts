import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteSnapshot, insertSnapshotRows, LIBRARY_TABLES, listSnapshotRows, newId } from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../src/testing';

// Snapshot rows bypass the query builder (queries/bulk-insert.ts): what they store must be exactly what
// the builder stores, value kinds included (JSON, booleans, nulls, 64-bit numbers, quotes).
describe.each(TEST_DIALECTS)('snapshot bulk insert (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const item = (snapshotId: string, n: number) => ({
    snapshotId,
    tenantId: 't1',
    id: `item-${n}`,
    kind: (n % 2 ? 'episode' : 'movie') as 'episode' | 'movie',
    name: n === 3 ? `It's "quoted", {braced} \\ Ünïcode` : `Title ${n}`,
    year: n % 2 ? null : 1990 + n,
    libraryId: 'lib',
    tmdbId: n % 3 ? null : String(n),
    tvdbId: null,
    imdbId: null,
    addedAt: 1_700_000_000_000 + n,
    sizeBytes: n === 1 ? 2 ** 52 : n * 1_000_000_000,
    seriesId: n % 2 ? 'series-1' : null,
    seasonNumber: n % 2 ? 1 : null,
    episodeNumber: n % 2 ? n : null,
    streams:
      n === 0
        ? null
        : { audio: [{ language: 'fre', title: 'VF "Québec"' }], subtitles: [], versions: n, unknown: false },
  });

  it('stores what the query builder stores, across chunk boundaries', async () => {
    const viaBuilder = newId();
    const viaBulk = newId();
    // 1,203 rows: several full chunks on both dialects' paths and a short last one.
    const rows = (s: string) => Array.from({ length: 1_203 }, (_, n) => item(s, n));
    for (let i = 0; i < 1_203; i += 200)
      await db.q.insert(db.t.libraryItems).values(rows(viaBuilder).slice(i, i + 200) as never);
    await insertSnapshotRows(db, 'libraryItems', rows(viaBulk) as never);
    const read = async (s: string) =>
      (await listSnapshotRows(db, 'libraryItems', s))
        .map(({ snapshotId: _s, ...r }) => r)
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const bulk = await read(viaBulk);
    expect(bulk).toHaveLength(1_203);
    expect(bulk).toEqual(await read(viaBuilder));
    expect(bulk.find((r) => r.id === 'item-3')).toMatchObject({ name: item('', 3).name, streams: item('', 3).streams });
    expect(bulk.find((r) => r.id === 'item-1')?.sizeBytes).toBe(2 ** 52);
    await deleteSnapshot(db, viaBuilder, LIBRARY_TABLES);
    await deleteSnapshot(db, viaBulk, LIBRARY_TABLES);
  });

  it('writes booleans and nothing at all for an empty list', async () => {
    const snapshotId = newId();
    await insertSnapshotRows(db, 'watchRecords', []);
    await insertSnapshotRows(db, 'watchRecords', [
      {
        snapshotId,
        tenantId: 't1',
        userId: 'u',
        titleId: 'a',
        itemId: 'a',
        played: true,
        positionTicks: 0,
        playCount: 2,
        lastPlayedAt: 5,
      },
      {
        snapshotId,
        tenantId: 't1',
        userId: 'u',
        titleId: 'b',
        itemId: 'b',
        played: false,
        positionTicks: 9,
        playCount: 0,
        lastPlayedAt: null,
      },
    ]);
    const rows = (await listSnapshotRows(db, 'watchRecords', snapshotId)).sort((x, y) =>
      String(x.titleId).localeCompare(String(y.titleId)),
    );
    expect(rows.map((r) => [r.played, r.positionTicks, r.playCount, r.lastPlayedAt])).toEqual([
      [true, 0, 2, 5],
      [false, 9, 0, null],
    ]);
    await deleteSnapshot(db, snapshotId, LIBRARY_TABLES);
  });
});
