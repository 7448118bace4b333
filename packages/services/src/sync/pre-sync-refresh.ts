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

/** One server scan: `start` asks for it and returns the check that says it has finished. */
interface Scan {
  start: () => Promise<() => Promise<boolean>>;
  /** Wait one poll before the first check (a scan just asked for may not have started yet). */
  waitFirst: boolean;
  /** Logged when anything throws; the sync goes on regardless. */
  failure: string;
}

/**
 * The bounded wait both pre-sync scans share: start, poll until done or past the deadline. Never
 * throws, so a scan can never fail the sync.
 */
async function scanAndWait(scan: Scan, log: Logger, opts: RefreshOptions): Promise<RefreshOutcome> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pollMs = opts.pollMs ?? 2_000;
  const deadline = now() + (opts.timeoutMs ?? 10 * 60_000);
  try {
    const isDone = await scan.start();
    if (scan.waitFirst) await sleep(pollMs);
    for (;;) {
      if (await isDone()) return 'completed';
      if (now() > deadline) return 'timeout';
      await sleep(pollMs);
    }
  } catch (error) {
    log.warn({ err: (error as Error).message }, scan.failure);
    return 'failed';
  }
}

/**
 * The optional pre-sync library scan (off by default: Jellyfin's `POST /Library/Refresh` restarts a
 * scan already running). Starts a scan and polls the `RefreshLibrary` task until it is idle again.
 */
export function refreshBeforeSync(
  client: JellyfinClient,
  log: Logger,
  opts: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const start = async () => {
    const before = await client.getRefreshTaskState();
    await client.refreshLibrary();
    // Done once the task is idle and has a newer end than before the request (or never ran before).
    return async () => {
      const state = await client.getRefreshTaskState();
      return state.state === 'Idle' && state.lastEndedAt !== before.lastEndedAt;
    };
  };
  const failure = 'pre-sync library refresh failed; syncing anyway';
  return scanAndWait({ start, waitFirst: true, failure }, log, opts);
}

/**
 * After the Jellyfin scan, Jellyseerr re-reads Jellyfin so its availability is current before its
 * requests are read. Same contract: bounded wait, never fails the sync.
 */
export function refreshSeerrBeforeSync(
  client: JellyseerrClient,
  log: Logger,
  opts: RefreshOptions = {},
): Promise<RefreshOutcome> {
  const start = async () => {
    await client.startJellyfinSync();
    return async () => !(await client.isJellyfinSyncRunning());
  };
  const failure = 'pre-sync Jellyseerr scan failed; syncing anyway';
  return scanAndWait({ start, waitFirst: false, failure }, log, opts);
}
