import { TEST_DIALECTS } from '@mj/db/testing';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Harness } from './harness';
import { connect, syncNow, type Account, startWithSimulator, closeAll } from './sync-helpers';

const DAY = 86_400_000;

type History = {
  days: number;
  points: {
    date: string;
    at: string;
    totalBytes: number;
    items: number;
    couldFree: { bytes: number; titles: number };
  }[];
};

describe.each(TEST_DIALECTS)('GET /api/dashboard/space-history (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  let a: Account;
  let b: Account;
  let offset = 0;
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect, (s) => ({ clock: { now: () => s.now + offset } })));
    a = await signUp(h.app);
    b = await signUp(h.app);
    await connect(h, a, sim);
  });
  afterAll(() => closeAll(h, sim));

  const get = (url: string, account: Account) => h.app.inject({ url, headers: account.headers });

  it('has no point before the first sync, then one per day a sync succeeded, matching the dashboard', async () => {
    expect((await get('/api/dashboard/space-history', a)).json()).toEqual({ days: 90, points: [] });
    offset = -DAY;
    expect((await syncNow(h, a)).lastRun.status).toBe('success');
    offset = 0;
    await syncNow(h, a);
    await syncNow(h, a);
    const res = await get('/api/dashboard/space-history?days=30', a);
    expect(res.statusCode, res.body).toBe(200);
    const body: History = res.json();
    expect(body.days).toBe(30);
    // Two syncs today leave one point for today; yesterday's sync keeps its own.
    expect(body.points.map((p) => p.date)).toEqual([
      new Date(sim.now - DAY).toISOString().slice(0, 10),
      new Date(sim.now).toISOString().slice(0, 10),
    ]);
    const today = body.points[1]!;
    const dashboard = (await get('/api/dashboard', a)).json();
    expect(today.couldFree).toEqual(dashboard.couldFree);
    expect(today.items).toBeGreaterThan(0);
    expect(today.totalBytes).toBeGreaterThanOrEqual(today.couldFree.bytes);
    expect((await get('/api/dashboard/space-history?days=1', a)).json().points).toHaveLength(1);
  });

  it('another tenant sees none of the points', async () => {
    expect((await get('/api/dashboard/space-history?days=730', b)).json()).toEqual({ days: 730, points: [] });
  });

  it('rejects bad windows with 400 and anonymous callers with 401', async () => {
    for (const days of ['0', '731', '1.5', 'week', '-3'])
      expect((await get(`/api/dashboard/space-history?days=${days}`, a)).statusCode, days).toBe(400);
    expect((await h.app.inject({ url: '/api/dashboard/space-history' })).statusCode).toBe(401);
  });
});
