import { TEST_DIALECTS } from '@mj/db/testing';
import type { RecentItemInsert } from '@mj/db';
import { sweepNotifications } from '@mj/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { createHarness, signUp, type Harness } from './harness';
import { startReceiver } from './notify-support';
import { notifyDeps } from '../src/routes/notify-deps';

// RULES §10: "recently available (the share text of §6)" — one event per arrival of the last 24 h.

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const HOUR = 3_600_000;

describe.each(TEST_DIALECTS)('recently-available events (%s)', (dialect) => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const clock = testClock(Date.now());

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await createHarness(dialect, { clock });
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
  });

  const sweep = () => sweepNotifications({ db: h.db, clock, log: silent, notify: notifyDeps(h.deps) });
  const recent = (tenantId: string, fields: Partial<RecentItemInsert> & { requestId: number }): RecentItemInsert => ({
    tenantId,
    mediaType: 'movie',
    tmdbId: 100 + fields.requestId,
    is4k: false,
    title: `Title ${fields.requestId}`,
    requester: 'Alice',
    arrivedAt: clock.now() - HOUR,
    episodes: null,
    libraryItemId: null,
    ...fields,
  });
  async function tenant(path: string, settings?: object) {
    const t = await signUp(h.app);
    if (settings)
      expect(
        (await h.app.inject({ method: 'PATCH', url: '/api/settings', headers: t.headers, payload: settings }))
          .statusCode,
      ).toBe(200);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: t.headers,
      payload: { type: 'webhook', name: 'New', events: ['recently-available'], url: `${receiver.url}/${path}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { ...t, got: () => receiver.received.filter((r) => r.url === `/${path}`).map((r) => JSON.parse(r.body)) };
  }

  it('one event per arrival of the last 24 h, worded as the share text; older arrivals are not told; once', async () => {
    const t = await tenant('recent-en');
    await h.db.q.insert(h.db.t.recentItems).values([
      recent(t.tenantId, { requestId: 1, title: 'Dune' }),
      recent(t.tenantId, {
        requestId: 2,
        mediaType: 'tv',
        title: 'Severance',
        requester: null,
        episodes: 'S2E1\u2013E3',
        arrivedAt: clock.now() - 2 * HOUR,
      }),
      // Arrived three days ago: part of the recent list, but not news for a channel.
      recent(t.tenantId, { requestId: 3, title: 'Old News', arrivedAt: clock.now() - 72 * HOUR }),
    ]);
    await sweep();
    await sweep();
    const got = t.got();
    expect(got.map((b) => b.data.title).sort()).toEqual(['Dune', 'Severance']);
    const dune = got.find((b) => b.data.title === 'Dune');
    expect(dune).toMatchObject({ event: 'recently-available', title: 'Now available: Dune', text: 'Alice:\n- Dune' });
    const show = got.find((b) => b.data.title === 'Severance');
    expect(show.text).toBe('Unknown requester:\n- Severance (S2E1\u2013E3)');
    expect(show.data).toMatchObject({ requestId: 2, mediaType: 'tv', episodes: 'S2E1\u2013E3' });
  });

  it('French tenant: French words; another tenant sees none of these arrivals', async () => {
    const fr = await tenant('recent-fr', { titleLanguage: 'fr' });
    const other = await tenant('recent-other');
    await h.db.q
      .insert(h.db.t.recentItems)
      .values([recent(fr.tenantId, { requestId: 7, title: 'Amélie', requester: null })]);
    await sweep();
    expect(fr.got()).toHaveLength(1);
    expect(fr.got()[0]).toMatchObject({ title: 'Disponible : Amélie', text: 'Demandeur inconnu:\n- Amélie' });
    expect(other.got()).toHaveLength(0);
  });
});
