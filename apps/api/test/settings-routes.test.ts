import { DEFAULT_SETTINGS } from '@mj/core';
import { TEST_DIALECTS } from '@mj/db/testing';
import { describe, expect, it } from 'vitest';
import { startWithLibraryPerSuite, type LibraryAccount } from './analysis-support';
import { createHarness, signUp, type Harness } from './harness';
import { connect, simulator, type Account } from './sync-helpers';

describe.each(TEST_DIALECTS)('settings and nicknames routes (%s)', (dialect) => {
  let h: Harness;
  let a: LibraryAccount;
  let b: Account;
  startWithLibraryPerSuite(dialect, (started) => ({ h, a, b } = started));

  const call = (method: 'GET' | 'PATCH' | 'POST' | 'PUT', url: string, payload?: object, headers = a.headers) =>
    h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('GET returns the defaults; PATCH is partial, normalises languages and applies on the next read', async () => {
    expect((await call('GET', '/api/settings')).json()).toEqual(DEFAULT_SETTINGS);
    const before = (await call('GET', '/api/dashboard')).json();
    const res = await call('PATCH', '/api/settings', {
      largeMovieGiB: 1,
      requiredAudioLanguages: ['English', 'fr-CA'],
      timeZone: 'Europe/Paris',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      largeMovieGiB: 1,
      requiredAudioLanguages: ['eng', 'fre'],
      timeZone: 'Europe/Paris',
      oldAfterMonths: 4,
    });
    expect((await call('GET', '/api/dashboard')).json().large.count).toBeGreaterThan(before.large.count);
    // Another tenant keeps its own settings.
    expect((await call('GET', '/api/settings', undefined, b.headers)).json().largeMovieGiB).toBe(13);

    const reset = await call('POST', '/api/settings/reset');
    expect(reset.json()).toEqual(DEFAULT_SETTINGS);
    expect((await call('GET', '/api/dashboard')).json().large).toEqual(before.large);
  });

  it('answers 400 naming the field for out-of-range values, unknown languages, zones and keys', async () => {
    const cases: [object, string][] = [
      [{ oldAfterMonths: 0 }, 'oldAfterMonths'],
      [{ largeSeasonGiB: 101 }, 'largeSeasonGiB'],
      [{ recentDays: 31 }, 'recentDays'],
      [{ releaseGraceDays: -1 }, 'releaseGraceDays'],
      [{ syncHour: 24 }, 'syncHour'],
      [{ requiredAudioLanguages: ['xx-nope'] }, 'requiredAudioLanguages'],
      [{ requiredSubtitleLanguages: ['und'] }, 'requiredSubtitleLanguages'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ theme: 'neon' }, 'theme'],
      [{ titleLanguage: 'english' }, 'titleLanguage'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('PATCH', '/api/settings', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('validation_error');
      expect(JSON.stringify(res.json().details)).toContain(field);
    }
    expect((await call('PATCH', '/api/settings', { colour: 'red' })).statusCode).toBe(400);
    expect((await call('GET', '/api/settings')).json()).toEqual(DEFAULT_SETTINGS);
  });

  it('nicknames are prefilled from the servers, replace requester names and stay per tenant', async () => {
    const list = (await call('GET', '/api/nicknames')).json().items as {
      source: string;
      userId: string;
      serverName: string | null;
      displayName: string;
    }[];
    expect(list.filter((n) => n.source === 'jellyfin')).toHaveLength(a.data.library.users.length);
    expect(list.filter((n) => n.source === 'jellyseerr')).toHaveLength(a.data.seerrUsers.length);
    expect((await call('GET', '/api/nicknames', undefined, b.headers)).json().items).toEqual([]);

    const requester = a.data.seerrUsers[0]!;
    const put = await call('PUT', '/api/nicknames', {
      items: [{ source: 'jellyseerr', userId: String(requester.id), displayName: 'Mum' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items.find((n: { userId: string }) => n.userId === String(requester.id)).displayName).toBe('Mum');
    const requests = (await call('GET', '/api/issues?kind=request&pageSize=200')).json().items as {
      request: { requestedBy: string | null };
    }[];
    const names = new Set(requests.map((r) => r.request.requestedBy));
    expect(names.has('Mum')).toBe(true);
    expect(names.has(requester.displayName)).toBe(false);

    expect(
      (await call('PUT', '/api/nicknames', { items: [{ source: 'plex', userId: '1', displayName: 'x' }] })).statusCode,
    ).toBe(400);
    expect((await call('PUT', '/api/nicknames', {})).statusCode).toBe(400);
  });

  it('PUT /api/nicknames ignores Jellyfin user ids the tenant does not have', async () => {
    const viewer = a.data.library.users[0]!;
    const put = await call('PUT', '/api/nicknames', {
      items: [
        { source: 'jellyfin', userId: viewer.id, displayName: 'Dad' },
        { source: 'jellyfin', userId: 'f'.repeat(32), displayName: 'Ghost' },
        { source: 'jellyseerr', userId: '999999', displayName: 'Nobody' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    const names = (await call('GET', '/api/nicknames')).json().items.map((n: { displayName: string }) => n.displayName);
    expect(names).toContain('Dad');
    expect(names).not.toContain('Ghost');
    expect(names).not.toContain('Nobody');
    // Another tenant cannot attach a nickname to this tenant's user either.
    await call(
      'PUT',
      '/api/nicknames',
      { items: [{ source: 'jellyfin', userId: viewer.id, displayName: 'X' }] },
      b.headers,
    );
    expect((await call('GET', '/api/nicknames', undefined, b.headers)).json().items).toEqual([]);
  });
});

describe('nightly schedule follows the settings', () => {
  it('re-creates the tenant schedule when syncHour changes', async () => {
    const h = await createHarness('sqlite');
    const sim = await simulator();
    try {
      const a = await signUp(h.app);
      await connect(h, a, sim, ['jellyfin']);
      expect(h.jobs.hasSchedule(a.tenantId)).toBe(true);
      const refreshed: string[] = [];
      const original = h.deps.queue.refreshSchedule;
      h.deps.queue.refreshSchedule = async (tenantId) => {
        refreshed.push(tenantId);
        return original(tenantId);
      };
      const res = await h.app.inject({
        method: 'PATCH',
        url: '/api/settings',
        headers: a.headers,
        payload: { syncHour: 5 },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(refreshed).toEqual([a.tenantId]);
      const other = await h.app.inject({
        method: 'PATCH',
        url: '/api/settings',
        headers: a.headers,
        payload: { recentDays: 10 },
      });
      expect(other.statusCode).toBe(200);
      expect(refreshed).toEqual([a.tenantId]);
    } finally {
      await h.close();
      await sim.close();
    }
  });
});
