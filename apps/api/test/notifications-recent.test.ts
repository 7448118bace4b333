import { TEST_DIALECTS } from '@mj/db/testing';
import { newId, type RecentItemInsert } from '@mj/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { signUp, type Harness, closeAll } from './harness';
import { type Receiver, startNotifyHarness, sweepNow } from './notify-support';
import type { SmtpCapture } from './smtp';

// RULES §10: "recently available (the share text of §6)" — one event per arrival of the last 24 h.

const HOUR = 3_600_000;

describe.each(TEST_DIALECTS)('recently-available events (%s)', (dialect) => {
  let h: Harness;
  let receiver: Receiver;
  let smtp: SmtpCapture;
  const clock = testClock(Date.now());

  beforeAll(async () => {
    ({ h, receiver, smtp } = await startNotifyHarness(dialect, clock));
  });
  afterAll(() => closeAll(h, receiver, smtp));

  const sweep = () => sweepNow(h, clock);
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

  /** A current requests snapshot: request id → Jellyseerr user (with or without an email). */
  async function requestsSnapshot(tenantId: string, requests: { id: number; user: number; email: string | null }[]) {
    const snapshotId = newId(clock.now());
    const { syncState, seerrRequests, seerrUsers } = h.db.t;
    await h.db.q
      .insert(syncState)
      .values({ tenantId, requestsSnapshotId: snapshotId, allowShrinkOnce: false, updatedAt: clock.now() })
      .onConflictDoUpdate({ target: syncState.tenantId, set: { requestsSnapshotId: snapshotId } });
    await h.db.q.insert(seerrRequests).values(
      requests.map((r) => ({
        snapshotId,
        tenantId,
        id: r.id,
        type: 'movie' as const,
        status: 2,
        is4k: false,
        createdAt: null,
        updatedAt: null,
        requestedById: r.user,
        seasons: [],
        media: { id: r.id, tmdbId: 100 + r.id, tvdbId: null, status: 5, status4k: 1 } as never,
      })),
    );
    const users = new Map(requests.map((r) => [r.user, r.email]));
    await h.db.q.insert(seerrUsers).values(
      [...users].map(([id, email]) => ({
        snapshotId,
        tenantId,
        id,
        displayName: `U${id}`,
        jellyfinUserId: null,
        email,
      })),
    );
  }
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

  it('requester mails are off by default', async () => {
    const t = await signUp(h.app);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/settings', headers: t.headers })).json().notifyRequesters,
    ).toBe(false);
    await requestsSnapshot(t.tenantId, [{ id: 21, user: 1, email: `off-${dialect}@example.test` }]);
    await h.db.q.insert(h.db.t.recentItems).values([recent(t.tenantId, { requestId: 21, title: 'Quiet' })]);
    await sweep();
    await sweep();
    expect(mailsTo(`off-${dialect}@example.test`)).toHaveLength(0);
  });

  it('notifyRequesters: one mail per requester and title at their Jellyseerr email, none twice, no channel needed', async () => {
    const t = await signUp(h.app);
    const on = await h.app.inject({
      method: 'PATCH',
      url: '/api/settings',
      headers: t.headers,
      payload: { notifyRequesters: true },
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(
      (
        await h.app.inject({
          method: 'PATCH',
          url: '/api/settings',
          headers: t.headers,
          payload: { notifyRequesters: 'yes' },
        })
      ).statusCode,
    ).toBe(400);
    const alice = `alice-${dialect}@example.test`;
    const bob = `bob-${dialect}@example.test`;
    await requestsSnapshot(t.tenantId, [
      { id: 31, user: 1, email: alice },
      { id: 32, user: 1, email: alice },
      { id: 33, user: 2, email: bob },
      { id: 34, user: 3, email: null },
    ]);
    await h.db.q
      .insert(h.db.t.recentItems)
      .values([
        recent(t.tenantId, { requestId: 31, title: 'Alpha', requester: 'Alice' }),
        recent(t.tenantId, { requestId: 32, title: 'Beta', requester: 'Alice' }),
        recent(t.tenantId, { requestId: 33, title: 'Gamma', requester: 'Bob' }),
        recent(t.tenantId, { requestId: 34, title: 'Delta', requester: 'Nobody' }),
      ]);
    await sweep();
    await sweep();
    await smtp.waitForMail(bob);
    expect(mailsTo(alice)).toHaveLength(2);
    expect(mailsTo(bob)).toHaveLength(1);
    const subjects = mailsTo(alice).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
    expect(subjects.sort()).toEqual(['Now available: Alpha', 'Now available: Beta']);
    expect(mailsTo(bob)[0]!.raw).toContain('Bob:');
    // Only these three went out for this tenant: the request without an email is skipped.
    const deliveries = (
      await h.app.inject({ method: 'GET', url: '/api/notifications/deliveries?page=1&pageSize=50', headers: t.headers })
    ).json();
    expect(deliveries.items.map((d: { channel: string; status: string }) => `${d.channel}:${d.status}`)).toEqual([
      'requesters:sent',
      'requesters:sent',
      'requesters:sent',
    ]);
    expect(JSON.stringify(deliveries)).not.toContain(alice);
  });
});
