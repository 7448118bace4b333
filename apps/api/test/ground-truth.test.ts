import { TEST_DIALECTS } from '@mj/db/testing';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, signUp, type Harness } from './harness';
import { connect, simulator, syncNow } from './sync-helpers';

// The product's end-to-end correctness check: sync the simulator's `medium` library through the real
// clients, engine and analyses, then compare every figure with the ground truth the simulator built by
// construction (without packages/core). Both sides use the same instant.

async function allIds(
  h: Harness,
  headers: Record<string, string>,
  kind: string,
): Promise<{ id: string; issues: { kind: string; codes?: string[] }[] }[]> {
  const items: { id: string; issues: { kind: string; codes?: string[] }[] }[] = [];
  for (let page = 1; ; page += 1) {
    const res = await h.app.inject({ url: `/api/issues?kind=${kind}&pageSize=200&page=${page}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    items.push(...body.items);
    if (items.length >= body.total) return items;
  }
}

describe.each(TEST_DIALECTS)('ground truth at medium scale (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  let headers: Record<string, string>;
  beforeAll(async () => {
    sim = await simulator({ scale: 'medium', seed: 1 });
    h = await createHarness(dialect, { clock: { now: () => sim.now } });
    const a = await signUp(h.app);
    headers = a.headers;
    await connect(h, a, sim);
    const status = await syncNow(h, a);
    expect(status.lastRun.status, status.lastRun.error ?? '').toBe('success');
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await sim?.close();
  });

  it('dashboard counts and sizes equal the truth', async () => {
    const truth = sim.truth(sim.now);
    const dashboard = (await h.app.inject({ url: '/api/dashboard', headers })).json();
    expect({
      old: dashboard.old,
      large: dashboard.large,
      language: dashboard.language,
      requests: { count: dashboard.requests.count },
      recent: { count: dashboard.recent.count },
    }).toEqual(truth.dashboard);
  });

  it("old, large and language issues are exactly the truth's items", async () => {
    const truth = sim.truth(sim.now);
    expect((await allIds(h, headers, 'old')).map((i) => i.id).sort()).toEqual([...truth.old].sort());
    expect((await allIds(h, headers, 'large')).map((i) => i.id).sort()).toEqual([...truth.large].sort());
    const language = await allIds(h, headers, 'language');
    const codes = Object.fromEntries(
      language.map((i) => [i.id, [...(i.issues.find((x) => x.kind === 'language')?.codes ?? [])].sort()]),
    );
    const expected = Object.fromEntries(Object.entries(truth.language).map(([id, c]) => [id, [...c].sort()]));
    expect(codes).toEqual(expected);
  });

  it("unavailable requests are exactly the truth's, newest first, with the stale ones flagged", async () => {
    const truth = sim.truth(sim.now);
    const requests = await allIds(h, headers, 'request');
    expect(requests.map((r) => Number(r.id.replace('request:', '')))).toEqual(truth.requests);
    const stale = (requests as unknown as { id: string; request: { staleInJellyseerr: boolean } }[])
      .filter((r) => r.request.staleInJellyseerr)
      .map((r) => Number(r.id.replace('request:', '')))
      .sort((x, y) => x - y);
    expect(stale).toEqual([...truth.staleRequests].sort((x, y) => x - y));
  });
});
