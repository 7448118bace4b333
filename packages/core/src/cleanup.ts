// Cleanup rules (RULES.md §9) as pure functions: what an execution does after re-checking a scheduled
// deletion, the daily cap, and which target deletes a title. No I/O: the executor gathers the facts.
import { DAY_MS } from './dates';
import type { Ms } from './model';
import { GIB } from './sizes';
/** A done deletion can be restored for this long. */
export const RESTORE_WINDOW_MS = 30 * DAY_MS;
/** Executions need a successful sync at most this old; otherwise they wait a day. */
export const SYNC_FRESHNESS_MS = 2 * DAY_MS;
/** Audit rows are kept this long. */
export const AUDIT_RETENTION_MS = 365 * DAY_MS;

export type Recheck =
  | { action: 'execute' }
  | { action: 'skip'; reason: string }
  | { action: 'gone'; reason: string }
  | { action: 'postpone'; until: Ms; reason: string };

export interface RecheckFacts {
  now: Ms;
  /** When the tenant's last sync succeeded; null when it never did. */
  lastSuccessfulSyncAt: Ms | null;
  /** A fresh read of the item from Jellyfin: false when Jellyfin no longer has it. */
  existsInJellyfin: boolean;
  /** The title in the last successful sync; null when it is not there any more. */
  title: { protectedNow: boolean; lastWatchedAt: Ms | null; addedAt: Ms | null } | null;
  deletion: {
    /** The title's last watch when it was scheduled. */
    lastWatchedAtSchedule: Ms | null;
    /** The owner scheduled this very title (automatic rules never pick an unknown added date). */
    chosenByUser: boolean;
  };
}

/**
 * The re-check before executing (RULES §9, in this order): gone from Jellyfin → done "already gone";
 * last successful sync older than 48 h → postponed a day; protected since → skipped; watched since it
 * was scheduled → skipped; added date unknown and not chosen by the user → skipped; else execute.
 */
export function recheckDeletion(facts: RecheckFacts): Recheck {
  if (!facts.existsInJellyfin) return { action: 'gone', reason: 'already gone' };
  const synced = facts.lastSuccessfulSyncAt;
  if (synced === null || facts.now - synced > SYNC_FRESHNESS_MS)
    return {
      action: 'postpone',
      until: facts.now + DAY_MS,
      reason: 'the last successful sync is older than 48 h: postponed a day',
    };
  const title = facts.title;
  if (title === null) return { action: 'gone', reason: 'already gone' };
  if (title.protectedNow) return { action: 'skip', reason: 'protected since it was scheduled' };
  const before = facts.deletion.lastWatchedAtSchedule;
  if (title.lastWatchedAt !== null && (before === null || title.lastWatchedAt > before))
    return { action: 'skip', reason: 'watched since it was scheduled' };
  if (title.addedAt === null && !facts.deletion.chosenByUser)
    return { action: 'skip', reason: 'added date unknown: never deleted by an automatic rule' };
  return { action: 'execute' };
}

/**
 * The daily cap: at most `capGiB` executed per tenant per calendar day. Returns true when this
 * deletion fits in what is left today; the rest waits for the next day.
 */
export function fitsDailyCap(executedTodayBytes: number, sizeBytes: number, capGiB: number): boolean {
  return executedTodayBytes + Math.max(0, sizeBytes) <= capGiB * GIB;
}

export type DeletionTargetKind = 'radarr' | 'sonarr' | 'jellyfin';

/**
 * Which system deletes a title: Radarr (movies) / Sonarr (series) when they hold it, else Jellyfin when
 * the owner allowed it, else none ("not found in Radarr/Sonarr").
 */
export function deletionTarget(
  kind: 'movie' | 'series',
  inArr: boolean,
  allowJellyfinDelete: boolean,
): DeletionTargetKind | null {
  if (inArr) return kind === 'movie' ? 'radarr' : 'sonarr';
  return allowJellyfinDelete ? 'jellyfin' : null;
}

/** A done deletion may be restored within 30 days, through Radarr/Sonarr only (files come back by download). */
export function canRestore(
  deletion: { status: string; executedAt: Ms | null; target: string; restoredAt: Ms | null },
  now: Ms,
): boolean {
  return (
    deletion.status === 'done' &&
    deletion.restoredAt === null &&
    deletion.executedAt !== null &&
    now - deletion.executedAt <= RESTORE_WINDOW_MS &&
    (deletion.target === 'radarr' || deletion.target === 'sonarr')
  );
}
