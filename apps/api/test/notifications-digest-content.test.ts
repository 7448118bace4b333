import { TEST_DIALECTS } from '@mj/db/testing';
import type { Schema } from '@mj/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { createHarness, signUp, type Harness, closeAll } from './harness';
import { startReceiver, type Receiver, sweepNow } from './notify-support';

// RULES §10: the digest tells the space you could reclaim (the five largest titles), the new issues
// since the last digest, and what leaves soon.

type Json = any;
const DAY = 86_400_000;
const GIB = 1024 ** 3;

describe.each(TEST_DIALECTS)('weekly digest content (%s)', (dialect) => {
  let h: Harness;
  let receiver: Receiver;
  // Monday 2026-10-26 10:00 UTC: past the default slot (Monday 09:00 UTC).
  const clock = testClock(Date.parse('2026-10-26T10:00:00Z'));

  beforeAll(async () => {
    receiver = await startReceiver();
    h = await createHarness(dialect, { clock });
  });
  afterAll(() => closeAll(h, receiver));

  const issue = (
    tenantId: string,
    id: string,
    fields: Partial<Schema['titleIssues']['$inferInsert']>,
  ): Schema['titleIssues']['$inferInsert'] => ({
    tenantId,
    id,
    mediaType: 'movie',
    title: `Film ${id}`,
    year: 2000,
    libraryId: null,
    tmdbId: null,
    tvdbId: null,
    imdbId: null,
    sizeBytes: GIB,
    largestSeasonBytes: null,
    addedAt: Date.parse('2024-01-01T00:00:00Z'),
    lastWatchedAt: null,
    watched: false,
    watchedBy: [],
    playCount: 0,
    oldSince: null,
    isLarge: false,
    hasLanguage: false,
    languageCodes: [],
    problemEpisodes: [],
    nameRank: 0,
    arrApp: null,
    arrId: null,
    searchText: id,
    evaluatedAt: clock.now(),
    ...fields,
  });

  it('lists the five largest could-free titles and counts the issues that appeared since the previous digest', async () => {
    const t = await signUp(h.app);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: t.headers,
      payload: { type: 'webhook', name: 'Hook', events: ['digest'], url: `${receiver.url}/content` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const now = clock.now();
    await h.db.q.insert(h.db.t.titleIssues).values([
      // Old for a long time (not new), sizes 1..6 GiB: the five largest are listed, biggest first.
      ...[1, 2, 3, 4, 5, 6].map((n) =>
        issue(t.tenantId, `old${n}`, { sizeBytes: n * GIB, oldSince: now - 60 * DAY, title: `Old ${n}` }),
      ),
      // Became old three days ago: new this week.
      issue(t.tenantId, 'fresh-old', { sizeBytes: GIB / 2, oldSince: now - 3 * DAY }),
      // A large title added two days ago: new this week, and the largest of all.
      issue(t.tenantId, 'big', { sizeBytes: 40 * GIB, isLarge: true, addedAt: now - 2 * DAY, title: 'Huge' }),
      // A language issue added yesterday: new, but not part of "could free".
      issue(t.tenantId, 'lang', { hasLanguage: true, addedAt: now - DAY }),
      // Becomes old next month: neither new nor could-free.
      issue(t.tenantId, 'later', { oldSince: now + 30 * DAY }),
    ]);
    const sweep = () => sweepNow(h, clock);
    const hooks = () => receiver.received.filter((r) => r.url === '/content').map((r) => JSON.parse(r.body) as Json);

    await sweep();
    const first = hooks()[0];
    expect(first.data.topCouldFree.map((x: Json) => x.title)).toEqual(['Huge', 'Old 6', 'Old 5', 'Old 4', 'Old 3']);
    // No previous digest: the week before counts.
    expect(first.data.newIssues).toEqual({ count: 3, since: new Date(now - 7 * DAY).toISOString() });
    expect(first.text).toContain('Largest:\n- Huge (2000): 40.0 GiB\n- Old 6 (2000): 6.0 GiB');
    expect(first.text).toContain('New issues since the last digest: 3.');
    expect(first.data.couldFree).toEqual({ titles: 8, bytes: 61.5 * GIB });

    // Next week: only what appeared after this digest counts.
    await h.db.q
      .insert(h.db.t.titleIssues)
      .values([
        issue(t.tenantId, 'next', { oldSince: now + 2 * DAY }),
        issue(t.tenantId, 'next2', { oldSince: now + 3 * DAY }),
      ]);
    clock.set(Date.parse('2026-11-02T10:00:00Z'));
    await sweep();
    const second = hooks()[1];
    expect(second.data.week).toBe('2026-W45');
    // 'later' is still in the future; 'next' and 'next2' became old after the first digest.
    expect(second.data.newIssues).toEqual({ count: 2, since: new Date(now).toISOString() });
    expect(second.text).toContain('New issues since the last digest: 2.');
  });

  it('French wording', async () => {
    const t = await signUp(h.app);
    await h.app.inject({ method: 'PATCH', url: '/api/settings', headers: t.headers, payload: { titleLanguage: 'fr' } });
    await h.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: t.headers,
      payload: { type: 'webhook', name: 'Hook', events: ['digest'], url: `${receiver.url}/content-fr` },
    });
    await h.db.q
      .insert(h.db.t.titleIssues)
      .values([issue(t.tenantId, 'x', { oldSince: clock.now() - DAY, title: 'Vieux' })]);
    await sweepNow(h, clock);
    const body = JSON.parse(receiver.received.filter((r) => r.url === '/content-fr')[0]!.body) as Json;
    expect(body.text).toContain('Les plus gros :\n- Vieux (2000): 1.0 Gio');
    expect(body.text).toContain('Nouveaux problèmes depuis le dernier point : 1.');
  });
});
