import type { JellyfinClient, JellyseerrClient } from '@mj/media';
import type { Logger } from '../context';

export interface RefreshOptions {
  /** Give up waiting after this long; the sync then reads what the server has. */
  timeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type RefreshOutcome = 'completed' | 'timeout' | 'failed';

/**
 * The optional pre-sync library scan (off by default: Jellyfin's `POST /Library/Refresh` restarts a
 * scan already running). Starts a scan and polls the `RefreshLibrary` task until it is idle again.
 * Never blocks the sync: any error or the timeout just ends the wait.
 */
export async function refreshBeforeSync(
  client: JellyfinClient,
  log: Logger,
  opts: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + (opts.timeoutMs ?? 10 * 60_000);
  try {
    const before = await client.getRefreshTaskState();
    await client.refreshLibrary();
    for (;;) {
      await sleep(opts.pollMs ?? 2_000);
      const state = await client.getRefreshTaskState();
      // Done once the task is idle and has a newer end than before the request (or never ran before).
      if (state.state === 'Idle' && state.lastEndedAt !== before.lastEndedAt) return 'completed';
      if (now() > deadline) return 'timeout';
    }
  } catch (error) {
    log.warn({ err: (error as Error).message }, 'pre-sync library refresh failed; syncing anyway');
    return 'failed';
  }
}

/**
 * After the Jellyfin scan, Jellyseerr re-reads Jellyfin so its availability is current before its
 * requests are read. Same contract: bounded wait, never fails the sync.
 */
export async function refreshSeerrBeforeSync(
  client: JellyseerrClient,
  log: Logger,
  opts: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + (opts.timeoutMs ?? 10 * 60_000);
  try {
    await client.startJellyfinSync();
    for (;;) {
      if (!(await client.isJellyfinSyncRunning())) return 'completed';
      if (now() > deadline) return 'timeout';
      await sleep(opts.pollMs ?? 2_000);
    }
  } catch (error) {
    log.warn({ err: (error as Error).message }, 'pre-sync Jellyseerr scan failed; syncing anyway');
    return 'failed';
  }
}
