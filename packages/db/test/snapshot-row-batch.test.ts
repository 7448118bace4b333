import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSnapshotItems, insertSnapshotRows, newId, SnapshotRowBatch } from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../src/testing';

// Issue 12: a full sync's pages are written in batches of thousands of rows (one SQLite transaction
// each) instead of one commit per 500-row page. Every row still lands once, and nothing is left behind.
describe.each(TEST_DIALECTS)('snapshot row batches (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const movies = (snapshotId: string, from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      snapshotId,
      tenantId: 't1',
      id: `m${String(from + i).padStart(6, '0')}`,
      kind: 'movie' as const,
      name: `Movie ${from + i}`,
      streams: { audio: ['eng'], subtitles: [], forcedSubtitles: [] },
    }));

  it('writes once a batch is full and the rest on flush, every row exactly once', async () => {
    const snapshot = newId();
    const batch = new SnapshotRowBatch(db, 'libraryItems', 1_000);
    await batch.add(movies(snapshot, 0, 600));
    expect(await countSnapshotItems(db, snapshot)).toBe(0); // below the batch size: held
    await batch.add(movies(snapshot, 600, 600));
    expect(await countSnapshotItems(db, snapshot)).toBe(1_200);
    await batch.add(movies(snapshot, 1_200, 300));
    await batch.flush();
    expect(await countSnapshotItems(db, snapshot)).toBe(1_500);
    await batch.flush(); // an empty flush writes nothing twice
    expect(await countSnapshotItems(db, snapshot)).toBe(1_500);
  });

  it('inserts more rows than one transaction holds in one call, with JSON intact', async () => {
    const snapshot = newId();
    await insertSnapshotRows(db, 'libraryItems', movies(snapshot, 0, 12_345));
    expect(await countSnapshotItems(db, snapshot)).toBe(12_345);
    const { libraryItems: li } = db.t;
    const [last] = await db.q
      .select({ id: li.id, streams: li.streams })
      .from(li)
      .where(and(eq(li.snapshotId, snapshot), eq(li.id, 'm012344')));
    expect(last).toEqual({ id: 'm012344', streams: { audio: ['eng'], subtitles: [], forcedSubtitles: [] } });
  });

  // SQLite has one connection, so an insert inside `db.tx` must join it (no commit of its own, no yield).
  it.runIf(dialect === 'sqlite')('inside a SQLite transaction writes with it: a rollback leaves no row', async () => {
    const snapshot = newId();
    await expect(
      db.tx(async () => {
        await insertSnapshotRows(db, 'libraryItems', movies(snapshot, 0, 7_000));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await countSnapshotItems(db, snapshot)).toBe(0);
  });
});
