import { chooseSyncMode, serverClockAhead, type FullSyncReason, type SyncMode } from '@mj/core';
import { deleteSnapshot, getSyncState, LIBRARY_TABLES } from '@mj/db';
import { fetchLibraryIntoSnapshot, type LibraryFetchResult, type LibraryReadOptions } from './fetch-library';
import { fetchLibraryIncrementally, type StagedChanges } from './incremental-library';

export interface LibrarySyncResult extends LibraryFetchResult {
  mode: SyncMode;
  fullReason: FullSyncReason | null;
  /**
   * Incremental: what the run's snapshot holds is staged, to be applied to the current snapshot
   * (`applyStagedLibrary`); full: null, the run's snapshot replaces the current one (`flipSnapshot`).
   */
  staged: StagedChanges | null;
  /** To store once the snapshot is current (saveSyncWatermark). */
  next: { watermark: number | null; fingerprint: string; fullAt: number | null };
}

/** Reads the Jellyfin library into `snapshotId`, incrementally when that is provably exact (ADR 0005). */
export async function syncLibrary(
  opts: LibraryReadOptions & {
    trigger: 'manual' | 'schedule' | 'connect';
    log: { info: (fields: object, msg: string) => void };
  },
): Promise<LibrarySyncResult> {
  const { db, client, tenantId, snapshotId, now } = opts;
  const [state, info] = await Promise.all([getSyncState(db, tenantId), client.systemInfo()]);
  const fingerprint = `${info.id}|${info.version}`;
  const decision = chooseSyncMode({
    trigger: opts.trigger,
    hasSnapshot: !!state?.librarySnapshotId,
    watermark: state?.syncWatermark ?? null,
    storedFingerprint: state?.serverFingerprint ?? null,
    fingerprint,
    lastFullSyncAt: state?.lastFullSyncAt ?? null,
    now,
  });
  let fullReason: FullSyncReason;
  if (decision.mode === 'incremental') {
    const result = await fetchLibraryIncrementally({
      ...opts,
      previousSnapshotId: state!.librarySnapshotId!,
      watermark: state!.syncWatermark!,
    });
    if (!result.fallback) {
      const watermark = Math.max(state!.syncWatermark!, result.maxSavedAt ?? Number.NEGATIVE_INFINITY);
      return { ...result, mode: 'incremental', fullReason: null, next: { watermark, fingerprint, fullAt: null } };
    }
    fullReason = result.fallback;
    opts.log.info({ tenantId, reason: fullReason }, 'incremental sync cannot prove it is complete; reading everything');
    await deleteSnapshot(db, snapshotId, LIBRARY_TABLES);
  } else {
    fullReason = decision.reason;
  }
  const full = await fetchLibraryIntoSnapshot(opts);
  // A server whose dates run ahead of our clock gives no usable watermark: the next sync is full too.
  const watermark = serverClockAhead(full.maxSavedAt, now) ? null : full.maxSavedAt;
  return { ...full, mode: 'full', fullReason, staged: null, next: { watermark, fingerprint, fullAt: now } };
}
