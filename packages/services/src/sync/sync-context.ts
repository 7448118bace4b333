import type { CleanupQueue } from '../cleanup/cleanup-queue';
import type { ServiceContext } from '../context';
import type { MediaDeps } from '../media-context';
import type { RefreshOptions } from './pre-sync-refresh';

/**
 * What one sync of one tenant receives: a plain service context for the tenant, the media access, and
 * the cleanup queue its post-sync upkeep (automatic scheduling, "Leaving soon") goes through. The
 * timings default to SYNC_DEFAULTS; tests shorten them.
 */
export interface SyncContext extends ServiceContext, MediaDeps {
  tenantId: string;
  queue: CleanupQueue;
  /** Heartbeat period; a run silent for `staleAfterMs` is declared dead by any process. */
  heartbeatMs?: number;
  leaseTtlMs?: number;
  /** A running run whose heartbeat is older than this may be claimed by another worker (its own died). */
  resumeAfterMs?: number;
  /** First back-off of an infrastructure retry (doubles, capped at 8x); tests shorten it. */
  infraRetryBaseMs?: number;
  refreshOptions?: RefreshOptions;
  /** Tests and benches only; production never sets it. */
  seam?: SyncTestSeam;
}

/** A sync's process-wide part: the context without the tenant (job handlers add it per job). */
export type SyncDeps = Omit<SyncContext, 'tenantId'>;

/**
 * The one test seam of the sync, deliberately narrow: fault drills need our own infrastructure to fail
 * at a known point (a database connection killed mid-run), which no edge fake can time, and the sync
 * bench measures the fetch without the recompute. Production code never sets it.
 */
export interface SyncTestSeam {
  /** Called at the "Analysing" step of every attempt, before the recompute; a throw fails that attempt. */
  beforeAnalysis?: () => Promise<void>;
  /** `false` skips the recompute (the bench's `--no-analyse`). */
  analyse?: boolean;
}

/** Enqueues the sync job; BullMQ in production, the in-process runner when embedded. */
export interface SyncQueue {
  enqueueSync(payload: { tenantId: string; runId: string }): Promise<void>;
  /** Re-creates (or removes) the tenant's nightly schedule after its connection or settings change. */
  refreshSchedule(tenantId: string): Promise<void>;
}

export const SYNC_DEFAULTS = {
  heartbeatMs: 5_000,
  leaseTtlMs: 60_000,
  staleAfterMs: 60_000,
  // 4 missed heartbeats: a worker killed mid-sync is resumed by another within ~20 s + one check.
  resumeAfterMs: 20_000,
  queuedTimeoutMs: 15 * 60_000,
};
