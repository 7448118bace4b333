import { insertDeletions, newId } from '@mj/db';
import { markTitleWatched, TEST_DIALECTS } from '@mj/db/testing';
import { eq } from 'drizzle-orm';
import type { Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { signUp, type Harness } from './harness';
import { deletionRow } from './notify-support';
import { cleanupAccount } from './cleanup-support';
import { closeAll, startWithSimulator, syncNow, type Account } from './sync-helpers';

// Issue 13 / RULES.md §9 against the simulators only: schedule, leaving soon, execute through
// Radarr/Sonarr, re-checks by name, caps, audit, restore, cross-tenant isolation.

type Json = any;
const HOUR = 3_600_000;

describe.each(TEST_DIALECTS)('deletions (%s)', (dialect) => {
  let h: Harness;
  let sim: Simulator;
  let a: Account;
  let b: Account;
  const clock = testClock(Date.now());

  beforeAll(async () => {
    ({ h, sim } = await startWithSimulator(dialect, () => ({ clock }), { seed: 11 }));
    a = await cleanupAccount(h, sim);
    b = await signUp(h.app);
  });
  afterAll(() => closeAll(h, sim));

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who = a) =>
    h.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const settle = () => h.jobs.onIdle();

  /** Titles of tenant A by whether Radarr/Sonarr hold them (read from the stored mapping). */
  async function titles() {
    const rows = (await h.db.q.select().from(h.db.t.titleIssues)).filter((r) => r.tenantId === a.tenantId);
    const arr = (await h.db.q.select().from(h.db.t.arrItems)).filter((r) => r.tenantId === a.tenantId);
    const radarr = new Set(arr.filter((i) => i.app === 'radarr').map((i) => i.tmdbId));
    const sonarr = new Set(arr.filter((i) => i.app === 'sonarr').map((i) => i.tvdbId));
    const used = new Set<string>();
    const take = (pred: (r: (typeof rows)[number]) => boolean) => {
      const found = rows.find((r) => !used.has(r.id) && pred(r) && (r.sizeBytes ?? 0) > 0);
      if (!found) throw new Error('no such title in the simulated library');
      used.add(found.id);
      return found;
    };
    return {
      radarrMovie: () => take((r) => r.mediaType === 'movie' && radarr.has(r.tmdbId)),
      unmanagedMovie: () => take((r) => r.mediaType === 'movie' && !radarr.has(r.tmdbId)),
      sonarrSeries: () => take((r) => r.mediaType === 'series' && sonarr.has(r.tvdbId)),
    };
  }
  let pick: Awaited<ReturnType<typeof titles>>;
  beforeAll(async () => {
    pick = await titles();
  });

  const jellyfinHas = async (itemId: string) =>
    (await fetch(`${sim.jellyfin.url}/Items/${itemId}`, { headers: { 'X-Emby-Token': sim.jellyfin.apiKey } }))
      .status === 200;
  const schedule = async (items: object[], extra: object = {}) => {
    const res = await call('POST', '/api/deletions', { items, ...extra });
    return res;
  };

  it('schedules with the default delay, shows it as leaving soon (dashboard and Jellyfin collection), moves and cancels', async () => {
    const movie = pick.radarrMovie();
    const res = await schedule([{ itemId: movie.id }]);
    expect(res.statusCode, res.body).toBe(201);
    const [d] = res.json().deletions;
    expect(d).toMatchObject({
      itemId: movie.id,
      title: movie.title,
      kind: 'movie',
      status: 'scheduled',
      target: 'radarr',
    });
    expect(Date.parse(d.executeAt) - clock.now()).toBe(14 * 24 * HOUR);
    expect(d.sizeBytes).toBe(movie.sizeBytes);
    await settle();
    const dashboard = (await call('GET', '/api/dashboard')).json();
    expect(dashboard.leavingSoon).toEqual({ count: 1, sizeBytes: movie.sizeBytes, nextAt: d.executeAt });
    const collection = sim.collections().find((c) => c.name === 'Leaving soon');
    expect(collection?.itemIds).toEqual([movie.id]);

    const again = await schedule([{ itemId: movie.id }]);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_scheduled');

    const to = new Date(clock.now() + 3 * 24 * HOUR).toISOString();
    const moved = await call('PATCH', `/api/deletions/${d.id}`, { executeAt: to });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().executeAt).toBe(to);
    expect((await call('DELETE', `/api/deletions/${d.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/deletions/${d.id}`)).json().code).toBe('not_scheduled');
    expect((await call('PATCH', `/api/deletions/${d.id}`, { executeAt: to })).statusCode).toBe(409);
    await settle();
    expect(sim.collections().find((c) => c.name === 'Leaving soon')?.itemIds).toEqual([]);
    expect(await jellyfinHas(movie.id)).toBe(true);

    const detail = (await call('GET', `/api/deletions/${d.id}`)).json();
    expect(detail.history.map((e: Json) => e.status)).toEqual(['scheduled', 'cancelled']);
    expect(detail.keepRequests).toEqual([]);
  });

  it('bad input: unknown item 400, seasons on a movie 400, no target 400, protected 409, bad dates 400', async () => {
    expect((await schedule([{ itemId: 'f'.repeat(32) }])).statusCode).toBe(400);
    const movie = pick.radarrMovie();
    expect((await schedule([{ itemId: movie.id, seasons: [1] }])).statusCode).toBe(400);
    const unmanaged = pick.unmanagedMovie();
    const none = await schedule([{ itemId: unmanaged.id }]);
    expect(none.statusCode).toBe(400);
    expect(none.body).toMatch(/not found in Radarr/);
    expect((await call('POST', '/api/whitelists/content', { itemId: movie.id })).statusCode).toBe(201);
    const protectedRes = await schedule([{ itemId: movie.id }]);
    expect(protectedRes.statusCode).toBe(409);
    expect(protectedRes.json().code).toBe('protected');
    expect((await schedule([])).statusCode).toBe(400);
    expect((await schedule([{ itemId: unmanaged.id }], { executeAt: Number.MAX_SAFE_INTEGER })).statusCode).toBe(400);
    // All or nothing: nothing was scheduled by the failed requests.
    expect((await call('GET', '/api/deletions?status=scheduled')).json().total).toBe(0);
  });

  it('executeAt now deletes through Radarr with its files, removes the title everywhere at once, clears Jellyseerr, counts reclaimed space', async () => {
    const movie = pick.radarrMovie();
    const before = (await call('GET', '/api/dashboard')).json();
    const res = await schedule([{ itemId: movie.id }], { executeAt: new Date(clock.now()).toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    await settle();
    const d = (await call('GET', `/api/deletions/${res.json().deletions[0].id}`)).json();
    expect(d.status, d.reason ?? '').toBe('done');
    expect(d.history.map((e: Json) => e.status)).toEqual(['scheduled', 'done']);
    expect(await jellyfinHas(movie.id)).toBe(false);
    const radarr = (await (await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)).json()) as Json[];
    expect(radarr.some((m) => String(m.tmdbId) === movie.tmdbId)).toBe(false);
    const library = (await call('GET', `/api/library?pageSize=200&q=${encodeURIComponent(movie.title)}`)).json();
    expect(library.items.map((i: Json) => i.id)).not.toContain(movie.id);
    const after = (await call('GET', '/api/dashboard')).json();
    expect(after.reclaimed.totalBytes - before.reclaimed.totalBytes).toBe(movie.sizeBytes);
    expect(after.reclaimed.last30DaysBytes).toBeGreaterThanOrEqual(movie.sizeBytes!);

    // Restore within 30 days: added back with its profile and folder, a search started.
    const restored = await call('POST', `/api/deletions/${d.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().restoredAt).not.toBeNull();
    const back = (await (await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)).json()) as Json[];
    expect(back.find((m) => String(m.tmdbId) === movie.tmdbId)).toMatchObject({ hasFile: false });
    expect(sim.arr.radarr.commands.at(-1)?.name).toBe('MoviesSearch');
    expect((await call('POST', `/api/deletions/${d.id}/restore`)).statusCode).toBe(409);
  });

  it('the list says whether each title is still in the library (History links only those), per tenant', async () => {
    const cancelled = (await call('GET', '/api/deletions?status=cancelled')).json().items as Json[];
    const done = (await call('GET', '/api/deletions?status=done')).json().items as Json[];
    expect(cancelled.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThan(0);
    // Cancelled: the title is still there; done: deleted from Jellyfin and the library.
    for (const d of cancelled) expect(d.itemExists, d.title).toBe(true);
    for (const d of done) expect(d.itemExists, d.title).toBe(false);
    // Another tenant's deletion naming one of A's existing titles: not B's title, so no link for B.
    const now = clock.now();
    await insertDeletions(
      h.db,
      [
        deletionRow({
          id: newId(now),
          tenantId: b.tenantId,
          itemId: cancelled[0].itemId,
          title: 'Not yours',
          status: 'cancelled',
          executeAt: now,
          createdAt: now,
        }),
      ],
      [],
    );
    const theirs = (await call('GET', '/api/deletions', undefined, b)).json().items as Json[];
    expect(theirs.map((d) => [d.title, d.itemExists])).toEqual([['Not yours', false]]);
    await h.db.q.delete(h.db.t.deletions).where(eq(h.db.t.deletions.tenantId, b.tenantId));
  });

  it('a series: chosen seasons lose their episode files and are unmonitored in Sonarr', async () => {
    const series = pick.sonarrSeries();
    const all = (await (await fetch(`${sim.sonarr.url}/api/v3/series?apikey=${sim.sonarr.apiKey}`)).json()) as Json[];
    const inSonarr = all.find((s) => String(s.tvdbId) === series.tvdbId);
    const files = (await (
      await fetch(`${sim.sonarr.url}/api/v3/episodefile?seriesId=${inSonarr.id}&apikey=${sim.sonarr.apiKey}`)
    ).json()) as Json[];
    const season = files.find((f) => f.seasonNumber > 0).seasonNumber as number;
    const res = await schedule([{ itemId: series.id, seasons: [season] }], { executeAt: clock.now() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().deletions[0].seasons).toEqual([season]);
    await settle();
    const d = (await call('GET', `/api/deletions/${res.json().deletions[0].id}`)).json();
    expect(d.status, d.reason ?? '').toBe('done');
    const left = (await (
      await fetch(`${sim.sonarr.url}/api/v3/episodefile?seriesId=${inSonarr.id}&apikey=${sim.sonarr.apiKey}`)
    ).json()) as Json[];
    expect(left.filter((f) => f.seasonNumber === season)).toEqual([]);
    expect(left.length).toBe(files.filter((f) => f.seasonNumber !== season).length);
    const updated = (await (
      await fetch(`${sim.sonarr.url}/api/v3/series/${inSonarr.id}?apikey=${sim.sonarr.apiKey}`)
    ).json()) as Json;
    expect(updated.seasons.find((s: Json) => s.seasonNumber === season).monitored).toBe(false);
    expect(await jellyfinHas(series.id)).toBe(true);
  });

  it('§9 re-checks by name: protected since → skipped; watched since → skipped; already gone → done; stale sync → postponed a day', async () => {
    const run = async (itemId: string, before: () => Promise<void>) => {
      const res = await schedule([{ itemId }], { executeAt: clock.now() + HOUR });
      expect(res.statusCode, res.body).toBe(201);
      await before();
      clock.set(clock.now() + 2 * HOUR);
      await h.deps.cleanup.executeDeletion({
        tenantId: a.tenantId,
        deletionId: res.json().deletions[0].id,
        executeAt: clock.now(),
      });
      await settle();
      return (await call('GET', `/api/deletions/${res.json().deletions[0].id}`)).json();
    };
    const protectedMovie = pick.radarrMovie();
    const skipped = await run(protectedMovie.id, async () => {
      expect((await call('POST', '/api/whitelists/content', { itemId: protectedMovie.id })).statusCode).toBe(201);
    });
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'protected since it was scheduled' });
    expect(await jellyfinHas(protectedMovie.id)).toBe(true);

    const watchedMovie = pick.radarrMovie();
    const watched = await run(watchedMovie.id, async () => {
      await markTitleWatched(h.db, a.tenantId, watchedMovie.id, clock.now());
    });
    expect(watched).toMatchObject({ status: 'skipped', reason: 'watched since it was scheduled' });

    const goneMovie = pick.radarrMovie();
    const gone = await run(goneMovie.id, async () => {
      await fetch(`${sim.jellyfin.url}/Items/${goneMovie.id}`, {
        method: 'DELETE',
        headers: { 'X-Emby-Token': sim.jellyfin.apiKey },
      });
    });
    expect(gone).toMatchObject({ status: 'done', reason: 'already gone' });

    const staleMovie = pick.radarrMovie();
    const res = await schedule([{ itemId: staleMovie.id }], { executeAt: clock.now() + HOUR });
    clock.set(clock.now() + 49 * HOUR);
    await h.deps.cleanup.executeDeletion({
      tenantId: a.tenantId,
      deletionId: res.json().deletions[0].id,
      executeAt: 1,
    });
    await settle();
    const postponed = (await call('GET', `/api/deletions/${res.json().deletions[0].id}`)).json();
    expect(postponed.status).toBe('scheduled');
    expect(postponed.reason).toMatch(/older than 48 h/);
    expect(Date.parse(postponed.executeAt)).toBe(clock.now() + 24 * HOUR);
    expect(await jellyfinHas(staleMovie.id)).toBe(true);
    expect((await call('DELETE', `/api/deletions/${res.json().deletions[0].id}`)).statusCode).toBe(204);
    expect((await syncNow(h, a)).lastRun.status).toBe('success');
  });

  it('faults: a Radarr 5xx is retried later; a rejected key fails with the reason; nothing deleted twice', async () => {
    const movie = pick.radarrMovie();
    sim.setFaults('radarr', { routes: { 'DELETE /api/v3/movie/:id': { errorRate: 1 } } });
    const res = await schedule([{ itemId: movie.id }], { executeAt: clock.now() });
    await settle();
    const id = res.json().deletions[0].id;
    let d = (await call('GET', `/api/deletions/${id}`)).json();
    expect(d.status).toBe('scheduled');
    expect(d.reason).toMatch(/^retrying: /);
    sim.setFaults('radarr', {});
    sim.revokeApiKey('radarr');
    clock.set(Date.parse(d.executeAt) + 1000);
    await h.deps.cleanup.executeDeletion({ tenantId: a.tenantId, deletionId: id, executeAt: 2 });
    await settle();
    d = (await call('GET', `/api/deletions/${id}`)).json();
    expect(d.status).toBe('failed');
    expect(d.reason).toMatch(/Radarr rejected the API key/);
    sim.restoreApiKey('radarr');
    expect(await jellyfinHas(movie.id)).toBe(true);
  });

  it('cross-tenant: another tenant cannot see, move, cancel or restore; its own lists and audit are empty', async () => {
    const [own] = (await call('GET', '/api/deletions')).json().items;
    expect(own).toBeDefined();
    for (const [method, url, body] of [
      ['GET', `/api/deletions/${own.id}`, undefined],
      ['PATCH', `/api/deletions/${own.id}`, { executeAt: new Date(clock.now() + HOUR).toISOString() }],
      ['DELETE', `/api/deletions/${own.id}`, undefined],
      ['POST', `/api/deletions/${own.id}/restore`, undefined],
    ] as const)
      expect((await call(method, url, body, b)).statusCode, `${method} ${url}`).toBe(404);
    expect((await call('GET', '/api/deletions', undefined, b)).json()).toMatchObject({ items: [], total: 0 });
    expect((await call('GET', '/api/audit', undefined, b)).json().items).toEqual([]);
    // A's titles are not B's library.
    expect((await call('POST', '/api/deletions', { items: [{ itemId: own.itemId }] }, b)).statusCode).toBe(400);
  });

  it('the audit log records every action with its actor, and exports as CSV', async () => {
    const audit = (await call('GET', '/api/audit?pageSize=200')).json();
    const actions = new Set(audit.items.map((e: Json) => e.action));
    for (const action of ['schedule', 'move', 'cancel', 'execute', 'restore', 'skip', 'postpone', 'fail'])
      expect(actions, action).toContain(action);
    expect(audit.items.every((e: Json) => e.actor === 'schedule' || e.actor === `user:${a.email}`)).toBe(true);
    const filtered = (await call('GET', '/api/audit?action=restore')).json();
    expect(filtered.items.every((e: Json) => e.action === 'restore')).toBe(true);
    const csv = await call('GET', '/api/audit.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,actor,action,title,sizeBytes,itemId,deletionId,detail');
    expect(lines.length).toBe(audit.total + 1);
    expect((await call('GET', '/api/audit.csv', undefined, b)).body.trim().split('\r\n')).toHaveLength(1);
  });

  it('history pages: status=history is everything but scheduled, paged; bad paging 400; other tenant empty', async () => {
    const scheduled = await schedule([{ itemId: pick.radarrMovie().id }]);
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const all = (await call('GET', '/api/deletions?pageSize=200')).json().items as Json[];
    const past = all.filter((d) => d.status !== 'scheduled');
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(all.length).toBeGreaterThan(past.length);

    const first = (await call('GET', '/api/deletions?status=history&pageSize=1')).json();
    const second = (await call('GET', '/api/deletions?status=history&pageSize=1&page=2')).json();
    expect(first.total).toBe(past.length);
    expect(first.items).toHaveLength(1);
    expect(first.pageSize).toBe(1);
    expect(second.page).toBe(2);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const everything = (await call('GET', '/api/deletions?status=history&pageSize=200')).json().items as Json[];
    expect(everything.map((d) => d.id)).toEqual(past.map((d) => d.id));

    for (const bad of ['status=bogus', 'status=history&pageSize=0', 'status=history&pageSize=201', 'page=0']) {
      expect((await call('GET', `/api/deletions?${bad}`)).statusCode, bad).toBe(400);
    }
    expect((await call('GET', '/api/deletions?status=history', undefined, b)).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });
});
