// ADR 0005: when a sync may read only what changed, and when it must read everything.

export type SyncMode = 'full' | 'incremental';

export type FullSyncReason =
  | 'requested' // "Refresh now" and the first sync after connecting read everything
  | 'first-sync'
  | 'weekly'
  | 'server-changed' // another server, or a restart with an upgrade (System/Info id|version)
  | 'clock-skew'
  | 'count-mismatch'
  | 'unknown-items';

export const WEEKLY_FULL_SYNC_MS = 7 * 86_400_000;
/**
 * The next sync asks for items saved strictly after the newest DateLastSaved the last one saw
 * (`MinDateLastSaved` is inclusive; a whole scan often shares one date, so a margin would re-read it all
 * every night). An in-place change written while that sync paged, dated before its newest item, is the
 * one case this misses: the weekly full sync bounds it (ADR 0005).
 */
export const WATERMARK_STEP_MS = 1;
/** A DateLastSaved this far past our clock means the server's clock is wrong: its dates prove nothing. */
export const MAX_SERVER_CLOCK_LEAD_MS = 86_400_000;

export interface SyncModeInput {
  trigger: 'manual' | 'schedule' | 'connect';
  hasSnapshot: boolean;
  watermark: number | null;
  storedFingerprint: string | null;
  fingerprint: string;
  lastFullSyncAt: number | null;
  now: number;
}

/** Only a scheduled sync with a proven starting point reads incrementally; everything else is full. */
export function chooseSyncMode(i: SyncModeInput): { mode: 'incremental' } | { mode: 'full'; reason: FullSyncReason } {
  if (i.trigger !== 'schedule') return { mode: 'full', reason: 'requested' };
  if (!i.hasSnapshot || i.watermark === null || i.storedFingerprint === null)
    return { mode: 'full', reason: 'first-sync' };
  if (i.storedFingerprint !== i.fingerprint) return { mode: 'full', reason: 'server-changed' };
  if (i.lastFullSyncAt === null || i.now - i.lastFullSyncAt >= WEEKLY_FULL_SYNC_MS)
    return { mode: 'full', reason: 'weekly' };
  return { mode: 'incremental' };
}

/** True when a server date is too far ahead of our clock to be trusted as a watermark. */
export function serverClockAhead(maxSavedAt: number | null, now: number): boolean {
  return maxSavedAt !== null && maxSavedAt > now + MAX_SERVER_CLOCK_LEAD_MS;
}
