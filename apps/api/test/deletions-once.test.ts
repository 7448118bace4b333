import { claimDeletion, findDeletion, listDeletionEvents, markDeletionTargetCalled } from '@mj/db';
import { TEST_DIALECTS } from '@mj/db/testing';
import type { ArrItem } from '@mj/core';
import { executeDeletion } from '@mj/services';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { signUp, type Harness, silent } from './harness';
import { closeAll, connect, startWithSimulator, syncNow, type Account } from './sync-helpers';

// Issue 16: a deletion whose worker died after recording its DELETE intent is resumed by another
// worker without a second DELETE when the target already removed the item, and with exactly one
// DELETE when the call never reached it. Jellyfin still lists the item in both cases (it only drops a
// title at its next library scan), so the §9 re-check alone would call DELETE again.

type Json = any;
const HOUR = 3_600_000;
const LEASE = 30_000;

describe.each(TEST_DIALECTS)('deletions exactly once after an interrupted call (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  let a: Account;
  const clock = testClock(Date.now());

  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect, () => ({ clock }), { seed: 12 }));
    a = await signUp(h.app);
    await connect(h, a, sim, ['jellyfin', 'jellyseerr', 'radarr']);
    expect((await syncNow(h, a)).lastRun.status).toBe('success');
  });
  afterAll(() => closeAll(h, sim));

  const used = new Set<string>();
  async function radarrMovie() {
    const rows = (await h.db.q.select().from(h.db.t.titleIssues)).filter((r) => r.tenantId === a.tenantId);
    const arr = (await h.db.q.select().from(h.db.t.arrItems)).filter((r) => r.tenantId === a.tenantId);
    const radarr = new Set(arr.filter((i) => i.app === 'radarr').map((i) => i.tmdbId));
    const found = rows.find(
      (r) => !used.has(r.id) && r.mediaType === 'movie' && radarr.has(r.tmdbId) && (r.sizeBytes ?? 0) > 0,
    );
    if (!found) throw new Error('no Radarr movie left in the simulated library');
    used.add(found.id);
    return found;
  }
  const jellyfinHas = async (itemId: string) =>
    (await fetch(`${sim.jellyfin.url}/Items/${itemId}`, { headers: { 'X-Emby-Token': sim.jellyfin.apiKey } }))
      .status === 200;

  /** Schedules the deletion of an unused Radarr movie an hour from now: the movie and the API's answer. */
  async function scheduleMovie() {
    const movie = await radarrMovie();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/deletions',
      headers: a.headers,
      payload: { items: [{ itemId: movie.id }], executeAt: clock.now() + HOUR },
    });
    return { movie, res };
  }

  /** Schedules a movie, then plays the worker that claimed it, recorded the intent and died. */
  async function interrupted(opts: { deleteReachedRadarr: boolean }) {
    const { movie, res } = await scheduleMovie();
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().deletions[0].id as string;
    clock.set(clock.now() + 2 * HOUR);
    const claimed = await claimDeletion(h.db, id, 'worker:dead', clock.now(), LEASE);
    const fence = { tenantId: a.tenantId, id, generation: claimed!.leaseGeneration };
    expect(await markDeletionTargetCalled(h.db, fence, clock.now(), LEASE)).toBe(true);
    const arrId = (claimed!.arrItem as ArrItem).arrId;
    if (opts.deleteReachedRadarr) {
      // Without deleteFiles the simulated Jellyfin keeps listing the movie, as a real one does until its scan.
      const del = await fetch(`${sim.radarr.url}/api/v3/movie/${arrId}?apikey=${sim.radarr.apiKey}`, {
        method: 'DELETE',
      });
      expect(del.status).toBe(200);
    }
    expect(await jellyfinHas(movie.id)).toBe(true);
    return { id, arrId };
  }

  const resume = async (id: string) => {
    // Before the dead worker's lease expires nobody may take the deletion over.
    await h.deps.cleanup.executeDeletion({ tenantId: a.tenantId, deletionId: id, executeAt: 1 });
    await h.jobs.onIdle();
    expect((await findDeletion(h.db, a.tenantId, id))?.status).toBe('executing');
    clock.set(clock.now() + LEASE + 1);
    await h.deps.cleanup.executeDeletion({ tenantId: a.tenantId, deletionId: id, executeAt: 2 });
    await h.jobs.onIdle();
    return (await h.app.inject({ method: 'GET', url: `/api/deletions/${id}`, headers: a.headers })).json() as Json;
  };

  it('the DELETE went through before the worker died: the resume asks Radarr, finds it gone, does not call again', async () => {
    const { id, arrId } = await interrupted({ deleteReachedRadarr: true });
    const d = await resume(id);
    expect(d.status, d.reason ?? '').toBe('done');
    expect(d.reason).toBe('already deleted');
    expect(sim.arr.radarr.deleteCalls(arrId)).toBe(1);
    expect(d.history.map((e: Json) => e.status)).toEqual(['scheduled', 'done']);
  });

  it('the DELETE never reached Radarr: the resume re-checks, calls it once, and finishes', async () => {
    const { id, arrId } = await interrupted({ deleteReachedRadarr: false });
    expect(sim.arr.radarr.deleteCalls(arrId)).toBe(0);
    const d = await resume(id);
    expect(d.status, d.reason ?? '').toBe('done');
    expect(d.reason).toBeNull();
    expect(sim.arr.radarr.deleteCalls(arrId)).toBe(1);
    const row = await findDeletion(h.db, a.tenantId, id);
    expect(row).toMatchObject({ status: 'done', leaseGeneration: 2, leaseOwner: null });
    expect(row?.targetCalledAt).not.toBeNull();
  });

  it('a worker whose lease was taken over during its DELETE cannot finish; the new holder finishes without calling again', async () => {
    const { res } = await scheduleMovie();
    const id = res.json().deletions[0].id as string;
    clock.set(clock.now() + 2 * HOUR);
    const deps = { db: h.db, clock, log: silent, secrets: h.deps.secrets, media: h.deps.media, queue: h.deps.cleanup };
    // A 1 ms lease that nothing renews: as good as a worker paused inside its Radarr call.
    sim.setFaults('radarr', { routes: { 'DELETE /api/v3/movie/:id': { latencyMs: 300 } } });
    try {
      const slow = executeDeletion({ ...deps, leaseMs: 1, heartbeatMs: 60_000 }, a.tenantId, id, 'worker:slow');
      for (let i = 0; i < 200 && (await findDeletion(h.db, a.tenantId, id))?.targetCalledAt == null; i++)
        await new Promise((r) => setTimeout(r, 10));
      clock.set(clock.now() + 10);
      const taken = await claimDeletion(h.db, id, 'worker:b', clock.now(), LEASE);
      expect(taken?.leaseGeneration).toBe(2);
      expect(await slow).toBe('lost');
    } finally {
      sim.setFaults('radarr', {});
    }
    const arrId = ((await findDeletion(h.db, a.tenantId, id))!.arrItem as ArrItem).arrId;
    expect(await findDeletion(h.db, a.tenantId, id)).toMatchObject({ status: 'executing', leaseOwner: 'worker:b' });
    expect((await listDeletionEvents(h.db, a.tenantId, id)).map((e) => e.status)).toEqual(['scheduled']);
    expect(sim.arr.radarr.deleteCalls(arrId)).toBe(1);
    // worker:b dies too; the next executor finds the movie gone from Radarr and finishes.
    clock.set(clock.now() + LEASE + 1);
    expect(await executeDeletion(deps, a.tenantId, id, 'worker:c')).toBe('done');
    expect(await findDeletion(h.db, a.tenantId, id)).toMatchObject({ status: 'done', reason: 'already deleted' });
    expect(sim.arr.radarr.deleteCalls(arrId)).toBe(1);
  });
});
