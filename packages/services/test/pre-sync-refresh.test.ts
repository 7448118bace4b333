import type { JellyfinClient, JellyseerrClient } from '@mj/media';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../src/context';
import { refreshBeforeSync, refreshSeerrBeforeSync } from '../src/sync/pre-sync-refresh';

// The two pre-sync scans share one bounded poll loop. A fake clock advances only when the loop
// sleeps, so each case counts polls exactly instead of timing anything.
function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

const warnings: string[] = [];
const log = { warn: (_o: unknown, msg: string) => warnings.push(msg) } as unknown as Logger;

function jellyfin(states: { state: string; lastEndedAt: string | null }[], fail = false) {
  let i = 0;
  return {
    getRefreshTaskState: async () => states[Math.min(i++, states.length - 1)],
    refreshLibrary: async () => {
      if (fail) throw new Error('boom');
    },
  } as unknown as JellyfinClient;
}

describe('pre-sync Jellyfin refresh', () => {
  it('waits one poll first and completes once the task is idle with a newer end', async () => {
    const time = fakeTime();
    const client = jellyfin([
      { state: 'Idle', lastEndedAt: 'a' }, // before the request
      { state: 'Idle', lastEndedAt: 'a' }, // not started yet
      { state: 'Running', lastEndedAt: 'a' },
      { state: 'Idle', lastEndedAt: 'b' },
    ]);
    const outcome = await refreshBeforeSync(client, log, { ...time, pollMs: 5 });
    expect(outcome).toBe('completed');
    expect(time.sleeps).toEqual([5, 5, 5]);
  });

  it('gives up at the deadline', async () => {
    const time = fakeTime();
    const client = jellyfin([{ state: 'Running', lastEndedAt: null }]);
    const outcome = await refreshBeforeSync(client, log, { ...time, pollMs: 10, timeoutMs: 25 });
    expect(outcome).toBe('timeout');
    expect(time.sleeps).toEqual([10, 10, 10]);
  });

  it('logs and reports a failure instead of throwing', async () => {
    const client = jellyfin([{ state: 'Idle', lastEndedAt: null }], true);
    expect(await refreshBeforeSync(client, log, fakeTime())).toBe('failed');
    expect(warnings).toContain('pre-sync library refresh failed; syncing anyway');
  });
});

describe('pre-sync Jellyseerr scan', () => {
  it('checks before sleeping, so an already finished scan costs no poll', async () => {
    const time = fakeTime();
    const client = {
      startJellyfinSync: async () => undefined,
      isJellyfinSyncRunning: async () => false,
    } as unknown as JellyseerrClient;
    expect(await refreshSeerrBeforeSync(client, log, time)).toBe('completed');
    expect(time.sleeps).toEqual([]);
  });

  it('gives up at the deadline and reports failures', async () => {
    const time = fakeTime();
    const running = {
      startJellyfinSync: async () => undefined,
      isJellyfinSyncRunning: async () => true,
    } as unknown as JellyseerrClient;
    expect(await refreshSeerrBeforeSync(running, log, { ...time, pollMs: 10, timeoutMs: 15 })).toBe('timeout');
    expect(time.sleeps).toEqual([10, 10]);
    const broken = {
      startJellyfinSync: async () => Promise.reject(new Error('down')),
    } as unknown as JellyseerrClient;
    expect(await refreshSeerrBeforeSync(broken, log, fakeTime())).toBe('failed');
    expect(warnings).toContain('pre-sync Jellyseerr scan failed; syncing anyway');
  });
});
