import { SyncStatusEvent } from '@mj/contracts';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, signUp, type Harness } from './harness';
import { connect, syncNow, startWithSimulator, closeAll } from './sync-helpers';

describe('pre-sync library refresh (setting preSyncRefresh)', () => {
  let h: Harness;
  let sim: Simulator;
  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator('sqlite', () => ({
      sync: { refreshOptions: { pollMs: 50, timeoutMs: 10_000 } },
    })));
  });
  afterAll(() => closeAll(h, sim));

  it('is off by default: no scan is started', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    sim.resetStats();
    await syncNow(h, a);
    expect(JSON.stringify(sim.stats())).not.toContain('/Library/Refresh');
  });

  it('when on, starts a Jellyfin scan, then a Jellyseerr scan, and waits for both before reading', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim);
    expect(
      (
        await h.app.inject({
          method: 'PATCH',
          url: '/api/settings',
          headers: a.headers,
          payload: { preSyncRefresh: true },
        })
      ).statusCode,
    ).toBe(200);
    sim.resetStats();
    const status = await syncNow(h, a);
    expect(status.lastRun.status).toBe('success');
    expect(status.lastRun.counts.preSyncRefreshCompleted).toBe(1);
    const waited = (status.lastRun.counts.stepMs as unknown as Record<string, number>)[
      'Waiting for the Jellyfin library scan'
    ];
    expect(waited).toBeGreaterThanOrEqual(1500); // the simulator's scan takes 2 s
    expect(JSON.stringify(sim.stats())).toContain('/Library/Refresh');
    expect(status.lastRun.counts.preSyncSeerrRefreshCompleted).toBe(1);
    expect(JSON.stringify(sim.stats())).toMatch(/POST \/api\/v1\/settings\/jellyfin\/sync/);
  });

  it('a failing scan never blocks the sync', async () => {
    const a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin']);
    await h.app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: a.headers,
      payload: { preSyncRefresh: true },
    });
    sim.setFaults('jellyfin', { routes: { 'POST /Library/Refresh': { errorRate: 1, errorStatus: 500 } } });
    try {
      const status = await syncNow(h, a);
      expect(status.lastRun.status).toBe('success');
      expect(status.lastRun.counts.preSyncRefreshCompleted).toBe(0);
    } finally {
      sim.setFaults('jellyfin', {});
    }
  });
});

describe('live sync progress (server-sent events)', () => {
  it("streams the caller's own status, and refuses anonymous clients", async () => {
    const h = await createHarness('sqlite');
    try {
      const a = await signUp(h.app);
      const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
      expect((await fetch(`${address}/api/sync/events`)).status).toBe(401);
      const controller = new AbortController();
      const res = await fetch(`${address}/api/sync/events`, { headers: a.headers, signal: controller.signal });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      expect(text).toMatch(/^event: status\ndata: /);
      const data = JSON.parse(text.split('data: ')[1]!.split('\n')[0]!);
      expect(data).toMatchObject({ state: 'idle', lastRun: null });
      // The payload is exactly the documented event (the web's types for the stream come from it).
      expect(SyncStatusEvent.parse(data)).toEqual(data);
    } finally {
      await h.close();
    }
  });
});
