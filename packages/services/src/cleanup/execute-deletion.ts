import { calendarDate, fitsDailyCap, recheckDeletion } from '@mj/core';
import {
  claimDeletion,
  currentSnapshots,
  findTitleRow,
  markDeletionTargetCalled,
  reclaimedBytes,
  removeTitleFromCurrentSnapshot,
  renewDeletionLease,
  transitionDeletion,
  type Db,
  type DeletionFence,
  type DeletionRow,
  providerIdsOf,
} from '@mj/db';
import { isMediaError, JellyfinLibraryActions } from '@mj/media';
import { loadSettings, loadTitleMatcher } from '../analysis/inputs';
import { loadServerAccess } from '../connections/connections';
import type { Clock, Logger } from '../context';
import type { MediaDeps } from '../media-context';
import type { CleanupQueue } from './cleanup-queue';
import { auditOf } from './deletion-view';
import { clearSeerrMedia, clientOptions, deleteAtTarget, LABEL, PermanentFailure, stillAtTarget } from './target-calls';

// Executes one due deletion (RULES §9): claims its row (a lease, so it never runs twice), re-checks
// everything, calls Radarr/Sonarr (else Jellyfin when allowed), clears the Jellyseerr media, removes the
// title from the current snapshot so every number moves at once, and asks Jellyfin to rescan.
// Exactly once under faults (issue 16): every write is fenced on the claim's generation, the lease is
// short and renewed by a heartbeat, and the intent is recorded before the DELETE so that a worker
// resuming an interrupted deletion asks the target first instead of deleting a second time.

export interface ExecuteDeps extends MediaDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  queue: CleanupQueue;
  /** How long a claim holds without a heartbeat; a worker that dies frees the row when it expires. */
  leaseMs?: number;
  /** How often a running deletion renews its lease (default: a sixth of the lease). */
  heartbeatMs?: number;
}

/** Short, renewed every 5 s: a killed worker's deletion is resumed about 30 s later, not 10 min. */
export const DELETION_LEASE_MS = 30_000;
const MAX_ATTEMPTS = 5;
const ACTOR = 'schedule';

type Outcome = 'done' | 'skipped' | 'postponed' | 'failed' | 'retrying' | 'not-claimed' | 'lost';

/** Raised when the claim was taken over: stop without writing anything more. */
class LeaseLost extends Error {}

interface Held {
  row: DeletionRow;
  fence: DeletionFence;
  leaseMs: number;
}

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

export async function executeDeletion(
  deps: ExecuteDeps,
  tenantId: string,
  deletionId: string,
  owner: string,
): Promise<Outcome> {
  const { db, clock } = deps;
  const leaseMs = deps.leaseMs ?? DELETION_LEASE_MS;
  const claimed = await claimDeletion(db, deletionId, owner, clock.now(), leaseMs);
  if (!claimed || claimed.tenantId !== tenantId) return 'not-claimed';
  const held: Held = {
    row: claimed,
    fence: { tenantId, id: deletionId, generation: claimed.leaseGeneration },
    leaseMs,
  };
  // A failed renewal (database restarting) is only logged: the lease still runs, and the fenced writes
  // refuse anything once another worker took over.
  const heartbeat = setInterval(
    () => {
      renewDeletionLease(db, held.fence, clock.now(), leaseMs).catch((error: unknown) =>
        deps.log.warn({ deletionId, err: (error as Error).message }, 'deletion lease renewal failed'),
      );
    },
    deps.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 6)),
  );
  heartbeat.unref();
  try {
    // The "Leaving soon" collection is refreshed by the tick once per tenant, not once per deletion (a
    // deleted item leaves Jellyfin's collections by itself anyway).
    return await run(deps, held).catch(async (error: unknown) => fail(deps, held, error));
  } catch (error) {
    if (error instanceof LeaseLost) return 'lost';
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

async function run(deps: ExecuteDeps, held: Held): Promise<Outcome> {
  const { db, clock } = deps;
  const { row } = held;
  const scope = { db, tenantId: row.tenantId };
  const now = clock.now();
  // A previous holder recorded its DELETE and died before finishing: if the target no longer has the
  // item, the call went through; complete the follow-ups without calling again (issue 16).
  if (row.targetCalledAt !== null && !(await stillAtTarget(deps, row))) {
    await complete(deps, held, { [row.target]: 'already deleted (interrupted call)' }, 'already deleted', null);
    return 'done';
  }
  const settings = await loadSettings(scope);
  const back = async (executeAt: number, reason: string, action: string) =>
    fenced(
      await transitionDeletion(db, row.tenantId, row.id, {
        from: ['executing'],
        to: 'scheduled',
        at: now,
        actor: ACTOR,
        note: reason,
        set: { executeAt, reason, leaseOwner: null, leaseUntil: null },
        audit: [auditOf(row, action, now, ACTOR, { reason })],
        generation: held.fence.generation,
      }),
    );

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
      providerIds: providerIdsOf(row),
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
      await finish(deps, held, 'skipped', verdict.reason, {});
      return 'skipped';
    }
    if (verdict.action === 'gone') {
      await complete(deps, held, { jellyfin: 'already gone' }, 'already gone', null);
      return 'done';
    }
    // The intent goes to the database before the call: no write, no call (the claim may be lost).
    if (!(await markDeletionTargetCalled(db, held.fence, clock.now(), held.leaseMs))) throw new LeaseLost();
    const calls: Record<string, string> = { [row.target]: await deleteAtTarget(deps, row) };
    await complete(deps, held, calls, null, actions);
    return 'done';
  } finally {
    await actions?.close();
  }
}

/** After the target call (or when it already happened): Jellyseerr, snapshot, rescan, then done. */
async function complete(
  deps: ExecuteDeps,
  held: Held,
  calls: Record<string, string>,
  reason: string | null,
  actions: JellyfinLibraryActions | null,
) {
  const { row } = held;
  const now = deps.clock.now();
  const settings = await loadSettings({ db: deps.db, tenantId: row.tenantId });
  if (reason !== 'already gone' && settings.clearJellyseerrMedia)
    Object.assign(calls, await clearSeerrMedia(deps, row));
  if (!row.seasons) await removeTitleFromCurrentSnapshot(deps.db, row.tenantId, row.itemId);
  if (actions && rescanDue(row.tenantId, now))
    calls.rescan = await actions.rescan().then(
      () => 'started',
      (error: unknown) => `failed: ${(error as Error).message}`,
    );
  await finish(deps, held, 'done', reason, calls);
}

function fenced<T>(row: T | undefined): T {
  if (row === undefined) throw new LeaseLost();
  return row;
}

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
  held: Held,
  status: 'done' | 'skipped' | 'failed',
  reason: string | null,
  calls: Record<string, string>,
) {
  const { row } = held;
  const now = deps.clock.now();
  const written = await transitionDeletion(deps.db, row.tenantId, row.id, {
    generation: held.fence.generation,
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
  fenced(written);
  deps.log.info({ tenantId: row.tenantId, deletionId: row.id, status, reason }, 'deletion finished');
}

/**
 * 401/403 and configuration problems fail with the reason; transient errors (5xx, timeouts, resets)
 * are retried later with a growing delay, up to five attempts.
 */
async function fail(deps: ExecuteDeps, held: Held, error: unknown): Promise<Outcome> {
  if (error instanceof LeaseLost) throw error;
  const { row } = held;
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
    await finish(deps, held, 'failed', reason, {});
    return 'failed';
  }
  const now = deps.clock.now();
  const delay = Math.min(60 * 60_000, 60_000 * 2 ** (row.attempts - 1));
  const written = await transitionDeletion(deps.db, row.tenantId, row.id, {
    generation: held.fence.generation,
    from: ['executing'],
    to: 'scheduled',
    at: now,
    actor: ACTOR,
    note: `retrying: ${reason}`,
    set: { executeAt: now + delay, reason: `retrying: ${reason}`, leaseOwner: null, leaseUntil: null },
  });
  fenced(written);
  deps.log.warn(
    { tenantId: row.tenantId, deletionId: row.id, attempt: row.attempts, reason },
    'deletion will be retried',
  );
  return 'retrying';
}
