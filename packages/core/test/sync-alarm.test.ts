import { describe, expect, it } from 'vitest';
import { syncAlarms, type FinishedRun } from '../src/sync-alarm';

// RULES §10: "sync failed twice in a row or a key rejected" — one event per streak.
const run = (id: string, status: FinishedRun['status'], at: number, error: string | null = null): FinishedRun => ({
  id,
  status,
  error,
  finishedAt: at,
});
const ids = (runs: FinishedRun[]) => syncAlarms(runs).map((r) => r.id);

describe('syncAlarms', () => {
  it('a single failure between successes is not an alarm', () => {
    expect(ids([run('a', 'success', 1), run('b', 'failed', 2, 'Jellyfin: timeout'), run('c', 'success', 3)])).toEqual(
      [],
    );
    expect(ids([run('a', 'success', 1), run('b', 'failed', 2, 'Jellyfin: timeout')])).toEqual([]);
  });
  it('two failures in a row alarm on the second; a longer streak alarms once; a success resets it', () => {
    const runs = [
      run('a', 'failed', 1, 'x'),
      run('b', 'failed', 2, 'x'),
      run('c', 'failed', 3, 'x'),
      run('d', 'success', 4),
      run('e', 'failed', 5, 'x'),
      run('f', 'failed', 6, 'x'),
    ];
    expect(ids(runs)).toEqual(['b', 'f']);
    expect(ids([...runs].reverse())).toEqual(['b', 'f']);
  });
  it('a key rejection alarms at once, even in a partial run, once per streak', () => {
    const rejected = 'Jellyfin rejected the API key. Reconnect the server with a valid key.';
    expect(ids([run('a', 'success', 1), run('b', 'failed', 2, rejected)])).toEqual(['b']);
    expect(ids([run('a', 'partial', 2, `Jellyseerr rejected the API key. Requests are kept.`)])).toEqual(['a']);
    expect(ids([run('a', 'failed', 1, rejected), run('b', 'failed', 2, rejected)])).toEqual(['a']);
    // A partial run without a key problem is not a failure: it ends the streak.
    expect(
      ids([run('a', 'failed', 1, 'x'), run('b', 'partial', 2, 'Radarr: timeout'), run('c', 'failed', 3, 'x')]),
    ).toEqual([]);
  });
});
