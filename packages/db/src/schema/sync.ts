import type { Kit } from '../kit';
import { tenantRef } from './columns';
import type { Tenants } from './accounts';

export type SyncRunStatus = 'queued' | 'running' | 'success' | 'partial' | 'failed';

export interface SyncCounts {
  movies?: number;
  series?: number;
  episodes?: number;
  users?: number;
  watchRecords?: number;
  requests?: number;
  seerrUsers?: number;
  unknownStreams?: number;
  enrichmentRequests?: number;
  requestsByRoute?: Record<string, number>;
  [key: string]: number | Record<string, number> | undefined;
}

/** Sync bookkeeping: runs (history + progress), and per-tenant state (snapshot pointers, lease, schedule). */
export function defineSync(k: Kit, tenants: Tenants) {
  const syncRuns = k.table(
    'sync_runs',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      status: k.text('status').$type<SyncRunStatus>().notNull(),
      trigger: k.text('trigger').$type<'manual' | 'schedule' | 'connect'>().notNull(),
      allowShrink: k.bool('allow_shrink').notNull(),
      step: k.text('step'),
      done: k.int('done').notNull(),
      total: k.int('total'),
      error: k.text('error'),
      counts: k.json<SyncCounts>('counts'),
      /** How the library was read (ADR 0005); null until the run gets that far. */
      mode: k.text('mode').$type<'full' | 'incremental'>(),
      createdAt: k.big('created_at').notNull(),
      startedAt: k.big('started_at'),
      finishedAt: k.big('finished_at'),
      heartbeatAt: k.big('heartbeat_at'),
      /**
       * Fencing token (issue 16): bumped by every claim of the run. Guarded writes (snapshot flip, final
       * state) compare it in the same statement, so an execution that lost the run cannot write after
       * another worker resumed it.
       */
      leaseGeneration: k.int('lease_generation').notNull().default(0),
    },
    (t) => [
      k.index('sync_runs_tenant_created_idx').on(t.tenantId, t.createdAt),
      k.index('sync_runs_status_idx').on(t.status),
    ],
  );

  // One row per tenant. Snapshot pointers flip atomically at the end of a sync; the lease guarantees one
  // sync per tenant at a time across every worker (job ids alone do not: see ARCHITECTURE.md).
  const syncState = k.table('sync_state', {
    tenantId: tenantRef(k, tenants).primaryKey(),
    librarySnapshotId: k.text('library_snapshot_id'),
    requestsSnapshotId: k.text('requests_snapshot_id'),
    leaseRunId: k.text('lease_run_id'),
    leaseUntil: k.big('lease_until'),
    lastSuccessAt: k.big('last_success_at'),
    /** Set by the user after a shrink-guard failure: the next sync may shrink the library. */
    allowShrinkOnce: k.bool('allow_shrink_once').notNull(),
    /** Newest DateLastSaved the last committed sync saw, on the SERVER's clock (incremental syncs, ADR 0005). */
    syncWatermark: k.big('sync_watermark'),
    /** `id|version` of the Jellyfin server the watermark belongs to: a change forces a full sync. */
    serverFingerprint: k.text('server_fingerprint'),
    /** When the last full library read was committed (our clock: only schedules the weekly full sync). */
    lastFullSyncAt: k.big('last_full_sync_at'),
    updatedAt: k.big('updated_at').notNull(),
  });

  // Space over time (issue 15): the totals of the analysis after each successful sync. One row per tenant
  // and UTC day (the day's newest sync wins), pruned after two years, so the history stays bounded.
  const spaceHistory = k.table(
    'space_history',
    {
      tenantId: tenantRef(k, tenants),
      /** Days since the epoch (UTC) of `at`. */
      day: k.int('day').notNull(),
      runId: k.text('run_id').notNull(),
      at: k.big('at').notNull(),
      totalBytes: k.big('total_bytes').notNull(),
      items: k.int('items').notNull(),
      /** Deduplicated like the dashboard's `couldFree`: old or large, each title once. */
      couldFreeBytes: k.big('could_free_bytes').notNull(),
      couldFreeTitles: k.int('could_free_titles').notNull(),
      oldCount: k.int('old_count').notNull(),
      oldBytes: k.big('old_bytes').notNull(),
      largeCount: k.int('large_count').notNull(),
      largeBytes: k.big('large_bytes').notNull(),
      languageCount: k.int('language_count').notNull(),
      languageBytes: k.big('language_bytes').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.tenantId, t.day] })],
  );

  return { syncRuns, syncState, spaceHistory };
}
