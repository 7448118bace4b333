import { insertSnapshotRows, type Db } from '@mj/db';
import type { JellyfinClient } from '@mj/media';
import { aggregateUserWatches } from './library-rows';
import type { RunProgress } from './progress';

/**
 * Reads every user's watch state and writes it to the snapshot, one record per user and title. Both the
 * full and the incremental sync re-read it whole: plays move no item date, so nothing cheaper is exact.
 */
export async function writeWatchRecords(opts: {
  db: Db;
  client: JellyfinClient;
  tenantId: string;
  snapshotId: string;
  users: readonly { id: string }[];
  titleOf: (itemId: string) => string | undefined;
  progress: RunProgress;
  now: number;
  pageSize?: number;
}): Promise<number> {
  const { db, client, tenantId, snapshotId, users, titleOf, progress, now } = opts;
  let written = 0;
  // The next user's watches are read while this user's are merged and written (one user ahead: watch
  // records are lean, and the server works instead of waiting for us).
  const read = (index: number) => {
    const pending = index < users.length ? client.listUserWatches(users[index]!.id, opts.pageSize) : null;
    pending?.catch(() => undefined); // surfaced when awaited, in order
    return pending;
  };
  let next = read(0);
  for (const [index, user] of users.entries()) {
    await progress.step(`Fetching watch history: user ${index + 1} of ${users.length}`, index, users.length);
    const records = (await next)!;
    next = read(index + 1);
    const perTitle = aggregateUserWatches(records, titleOf, now);
    const rows = [...perTitle].map(([titleId, w]) => ({ snapshotId, tenantId, userId: user.id, titleId, ...w }));
    await insertSnapshotRows(db, 'watchRecords', rows);
    written += rows.length;
  }
  return written;
}
