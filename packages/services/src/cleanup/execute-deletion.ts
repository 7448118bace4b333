import { calendarDate, fitsDailyCap, recheckDeletion, type ArrItem } from '@mj/core';
import {
  claimDeletion,
  currentSnapshots,
  findTitleRow,
  listRequestedMedia,
  reclaimedBytes,
  removeTitleFromCurrentSnapshot,
  transitionDeletion,
  type Db,
  type DeletionRow,
} from '@mj/db';
import { isMediaError, JellyfinLibraryActions } from '@mj/media';
import { loadSettings, loadTitleMatcher } from '../analysis/inputs';
import { loadServerAccess } from '../connections/connections';
import type { Clock, Logger } from '../context';
import { jellyseerrClient, radarrClient, sonarrClient, type MediaDeps } from '../media-context';
import type { CleanupQueue } from './cleanup-queue';
import { auditOf } from './deletion-view';

// Executes one due deletion (RULES §9): claims its row (a lease, so it never runs twice), re-checks
// everything, calls Radarr/Sonarr (else Jellyfin when allowed), clears the Jellyseerr media, removes the
// title from the current snapshot so every number moves at once, and asks Jellyfin to rescan.

export interface ExecuteDeps extends MediaDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  queue: CleanupQueue;
  /** How long a claim holds; a worker that dies mid-way frees the row when it expires. */
  leaseMs?: number;
}

const LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const ACTOR = 'schedule';
const LABEL = { radarr: 'Radarr', sonarr: 'Sonarr', jellyfin: 'Jellyfin' } as const;

type Outcome = 'done' | 'skipped' | 'postponed' | 'failed' | 'retrying' | 'not-claimed';

/** Start of the next calendar day in the zone (within a minute: the tick is minute-level anyway). */
function nextDayStart(now: number, timeZone: string): number {
  const today = calendarDate(now, timeZone);
  let t = now;
  while (calendarDate(t, timeZone) === today) t += 15 * 60_000;
  return t;
}

function startOfToday(now: number, timeZone: string): number {
  const today = calendarDate(now, timeZone);
  let t = now;
  while (calendarDate(t - 15 * 60_000, timeZone) === today) t -= 15 * 60_000;
  return t - 15 * 60_000 < 0 ? 0 : t;
}

export async function executeDeletion(deps: ExecuteDeps, tenantId: string, deletionId: string, owner: string) {
  const { db, clock } = deps;
  const claimed = await claimDeletion(db, deletionId, owner, clock.now(), deps.leaseMs ?? LEASE_MS);
  if (!claimed || claimed.tenantId !== tenantId) return 'not-claimed' as Outcome;
  // The "Leaving soon" collection is refreshed by the tick once per tenant, not once per deletion (a
  // deleted item leaves Jellyfin's collections by itself anyway).
  return run(deps, claimed).catch(async (error: unknown) => fail(deps, claimed, error));
}

async function run(deps: ExecuteDeps, row: DeletionRow): Promise<Outcome> {
  const { db, clock } = deps;
  const scope = { db, tenantId: row.tenantId };
  const settings = await loadSettings(scope);
  const now = clock.now();
  const back = (executeAt: number, reason: string, action: string) =>
    transitionDeletion(db, row.tenantId, row.id, {
      from: ['executing'],
      to: 'scheduled',
      at: now,
      actor: ACTOR,
      note: reason,
      set: { executeAt, reason, leaseOwner: null, leaseUntil: null },
      audit: [auditOf(row, action, now, ACTOR, { reason })],
    });

  if (settings.cleanupPaused) {
    await back(now + 60 * 60_000, 'cleanup is paused', 'postpone');
    return 'postponed';
  }
  const today = await reclaimedBytes(db, row.tenantId, startOfToday(now, settings.timeZone));
  if (!fitsDailyCap(today.since, row.sizeBytes, settings.maxDeletionGiBPerDay)) {
    await back(
      nextDayStart(now, settings.timeZone),
      'daily cap reached (maxDeletionGiBPerDay): waits for tomorrow',
      'postpone',
    );
    return 'postponed';
  }

  const jellyfin = await loadServerAccess(deps, row.tenantId, 'jellyfin');
  const actions = jellyfin ? new JellyfinLibraryActions({ ...clientOptions(deps), ...jellyfin }) : null;
  try {
    const [pointers, title, matcher] = await Promise.all([
      currentSnapshots(db, row.tenantId),
      findTitleRow(db, row.tenantId, row.itemId),
      loadTitleMatcher(scope, now),
    ]);
    const existsInJellyfin = actions ? await actions.itemExists(row.itemId) : true;
    const ref = {
      kind: row.kind,
      id: row.itemId,
      providerIds: { tmdb: row.tmdbId, tvdb: row.tvdbId, imdb: row.imdbId },
    };
    const verdict = recheckDeletion({
      now,
      lastSuccessfulSyncAt: pointers.lastSuccessAt,
      existsInJellyfin,
      title: title
        ? { protectedNow: matcher.has('content', ref), lastWatchedAt: title.lastWatchedAt, addedAt: title.addedAt }
        : null,
      deletion: { lastWatchedAtSchedule: row.lastWatchedAtSchedule, chosenByUser: row.chosenByUser },
    });
    if (verdict.action === 'postpone') {
      await back(verdict.until, verdict.reason, 'postpone');
      return 'postponed';
    }
    if (verdict.action === 'skip') {
      await finish(deps, row, 'skipped', verdict.reason, {});
      return 'skipped';
    }
    const calls: Record<string, string> = {};
    if (verdict.action === 'gone') {
      calls.jellyfin = 'already gone';
    } else {
      calls[row.target] = await deleteAtTarget(deps, row);
      if (settings.clearJellyseerrMedia) Object.assign(calls, await clearSeerrMedia(deps, row));
    }
    if (!row.seasons) await removeTitleFromCurrentSnapshot(db, row.tenantId, row.itemId);
    if (actions && verdict.action === 'execute' && rescanDue(row.tenantId, now))
      calls.rescan = await actions.rescan().then(
        () => 'started',
        (error: unknown) => `failed: ${(error as Error).message}`,
      );
    await finish(deps, row, 'done', verdict.action === 'gone' ? 'already gone' : null, calls);
    return 'done';
  } finally {
    await actions?.close();
  }
}

function clientOptions(deps: MediaDeps) {
  return {
    allowPrivateNetwork: deps.media.allowPrivateNetwork,
    concurrency: deps.media.concurrency,
    timeoutMs: deps.media.timeoutMs,
    ...(deps.media.retry ? { retry: deps.media.retry } : {}),
  };
}

async function deleteAtTarget(deps: ExecuteDeps, row: DeletionRow): Promise<string> {
  if (row.target === 'jellyfin') {
    const access = await loadServerAccess(deps, row.tenantId, 'jellyfin');
    if (!access) throw new PermanentFailure('Jellyfin is not connected any more');
    const actions = new JellyfinLibraryActions({ ...clientOptions(deps), ...access });
    try {
      return await actions.deleteItem(row.itemId);
    } finally {
      await actions.close();
    }
  }
  const access = await loadServerAccess(deps, row.tenantId, row.target);
  if (!access) throw new PermanentFailure(`${LABEL[row.target]} is not connected any more`);
  const item = row.arrItem as ArrItem | null;
  if (!item) throw new PermanentFailure(`not found in ${LABEL[row.target]}`);
  if (row.target === 'radarr') {
    const client = radarrClient(deps.media, access);
    try {
      return await client.deleteMovie(item.arrId, { addImportExclusion: row.addImportExclusion });
    } finally {
      await client.close();
    }
  }
  const client = sonarrClient(deps.media, access);
  try {
    return row.seasons
      ? await client.deleteSeasons(item.arrId, row.seasons)
      : await client.deleteSeries(item.arrId, { addImportExclusion: row.addImportExclusion });
  } finally {
    await client.close();
  }
}

/** Clears the matching Jellyseerr media so friends can request it again; failures are only noted. */
async function clearSeerrMedia(deps: ExecuteDeps, row: DeletionRow): Promise<Record<string, string>> {
  const access = await loadServerAccess(deps, row.tenantId, 'jellyseerr').catch(() => undefined);
  if (!access || row.seasons) return {};
  const pointers = await currentSnapshots(deps.db, row.tenantId);
  const requests = await listRequestedMedia(deps.db, row.tenantId, pointers.requestsSnapshotId);
  const type = row.kind === 'movie' ? 'movie' : 'tv';
  const same = (a: number | string | null, b: string | null) => a !== null && b !== null && String(a) === b;
  const mediaIds = new Set(
    requests
      .filter((r) => r.type === type)
      .filter((r) =>
        type === 'movie'
          ? same(r.media.tmdbId, row.tmdbId) || same(r.media.imdbId, row.imdbId)
          : same(r.media.tvdbId, row.tvdbId) || same(r.media.tmdbId, row.tmdbId),
      )
      .map((r) => r.media.id),
  );
  if (mediaIds.size === 0) return {};
  const client = jellyseerrClient(deps.media, access);
  const out: Record<string, string> = {};
  try {
    for (const id of mediaIds)
      out[`jellyseerr:${id}`] = await client
        .deleteMedia(id)
        .catch((error: unknown) => `failed: ${(error as Error).message}`);
  } finally {
    await client.close();
  }
  return out;
}

class PermanentFailure extends Error {}

// One library scan per tenant and minute is plenty: a batch of 1,000 deletions must not start 1,000
// scans (each one walks the whole library). Per process; a second worker may start one more.
const RESCAN_EVERY_MS = 60_000;
const lastRescan = new Map<string, number>();
function rescanDue(tenantId: string, now: number): boolean {
  const last = lastRescan.get(tenantId);
  if (last !== undefined && now - last < RESCAN_EVERY_MS && now >= last) return false;
  lastRescan.set(tenantId, now);
  return true;
}

async function finish(
  deps: ExecuteDeps,
  row: DeletionRow,
  status: 'done' | 'skipped' | 'failed',
  reason: string | null,
  calls: Record<string, string>,
) {
  const now = deps.clock.now();
  await transitionDeletion(deps.db, row.tenantId, row.id, {
    from: ['executing'],
    to: status,
    at: now,
    actor: ACTOR,
    note: reason,
    set: { reason, leaseOwner: null, leaseUntil: null, ...(status === 'done' ? { executedAt: now } : {}) },
    audit: [
      auditOf(row, status === 'done' ? 'execute' : status === 'skipped' ? 'skip' : 'fail', now, ACTOR, {
        reason,
        calls,
      }),
    ],
  });
  deps.log.info({ tenantId: row.tenantId, deletionId: row.id, status, reason }, 'deletion finished');
}

/**
 * 401/403 and configuration problems fail with the reason; transient errors (5xx, timeouts, resets)
 * are retried later with a growing delay, up to five attempts.
 */
async function fail(deps: ExecuteDeps, row: DeletionRow, error: unknown): Promise<Outcome> {
  const label = LABEL[row.target];
  const permanent =
    error instanceof PermanentFailure || (isMediaError(error) && (error.code === 'unauthorized' || !error.retryable));
  const reason =
    error instanceof PermanentFailure
      ? error.message
      : isMediaError(error)
        ? error.code === 'unauthorized'
          ? `${label} rejected the API key: reconnect it`
          : error.message
        : `unexpected error: ${(error as Error).message}`;
  if (permanent || row.attempts >= MAX_ATTEMPTS) {
    await finish(deps, row, 'failed', reason, {});
    return 'failed';
  }
  const now = deps.clock.now();
  const delay = Math.min(60 * 60_000, 60_000 * 2 ** (row.attempts - 1));
  await transitionDeletion(deps.db, row.tenantId, row.id, {
    from: ['executing'],
    to: 'scheduled',
    at: now,
    actor: ACTOR,
    note: `retrying: ${reason}`,
    set: { executeAt: now + delay, reason: `retrying: ${reason}`, leaseOwner: null, leaseUntil: null },
  });
  deps.log.warn(
    { tenantId: row.tenantId, deletionId: row.id, attempt: row.attempts, reason },
    'deletion will be retried',
  );
  return 'retrying';
}
