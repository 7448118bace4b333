import { createTestDb, type TestDb } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunProgress } from '../src/sync/progress';

// Issue 10: `bench:sync` printed every step at 0 ms, because step times were read from the (frozen)
// domain clock. Durations come from a real monotonic timer.
describe('sync step times (stepMs)', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb('sqlite');
  });
  afterAll(async () => db.destroy());

  it('are measured per step, watch-history users summed, whatever the domain clock says', async () => {
    let t = 0;
    const frozen = () => Date.UTC(2026, 0, 15);
    const progress = new RunProgress(db, 'tenant', 'run', frozen, 0, () => t);
    await progress.step('Fetching Jellyfin items');
    t += 120;
    await progress.step('Watch history: user 1 of 2');
    t += 30;
    await progress.step('Watch history: user 2 of 2');
    t += 20;
    progress.finish();
    expect(progress.stepMs).toEqual({ 'Fetching Jellyfin items': 120, 'Watch history': 50 });
  });

  it('default to real time even when the domain clock is frozen', async () => {
    const progress = new RunProgress(db, 'tenant', 'run', () => Date.UTC(2026, 0, 15), 0);
    await progress.step('Fetching Jellyfin items');
    await new Promise((resolve) => setTimeout(resolve, 25));
    progress.finish();
    expect(progress.stepMs['Fetching Jellyfin items']).toBeGreaterThan(0);
  });
});
