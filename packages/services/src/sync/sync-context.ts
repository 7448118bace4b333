import type { Db } from '@mj/db';
import type { Clock, Logger } from '../context';
import type { MediaDeps } from '../media-context';
import type { RefreshOptions } from './pre-sync-refresh';

/** What the sync engine needs beyond a plain service context. */
export interface SyncDeps extends MediaDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Re-derives the tenant's analyses from its new snapshot (packages/services/src/analysis). */
  afterSync?: (tenantId: string) => Promise<void>;
  /** Heartbeat period; a run silent for `staleAfterMs` is declared dead by any process. */
  heartbeatMs?: number;
  leaseTtlMs?: number;
  /** A running run whose heartbeat is older than this may be claimed by another worker (its own died). */
  resumeAfterMs?: number;
  /** First back-off of an infrastructure retry (doubles, capped at 8x); tests shorten it. */
  infraRetryBaseMs?: number;
  /** Title language for Jellyseerr enrichment ('en', 'fr', 'pt-BR'). */
  titleLanguageOf?: (tenantId: string) => Promise<string>;
  /** Whether the tenant asked for a library scan before each sync (setting `preSyncRefresh`). */
  preSyncRefreshOf?: (tenantId: string) => Promise<boolean>;
  refreshOptions?: RefreshOptions;
  /** After each sync job (success or not): keeps the "Leaving soon" collection in step (RULES §9). */
  onSynced?: (tenantId: string) => Promise<void>;
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
