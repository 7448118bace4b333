import { createHmac } from 'node:crypto';
import { TEST_DIALECTS } from '@mj/db/testing';
import { insertDeletions, newId } from '@mj/db';
import { attemptDelivery, emitNotification, SEND_LEASE_MS, sweepNotifications, type NotifyContext } from '@mj/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from './analysis-support';
import { createHarness, signUp, type Harness, closeAll, type Account } from './harness';
import { deletionRow, type Receiver, startNotifyHarness, sweepNow } from './notify-support';
import type { SmtpCapture } from './smtp';
import { notifyDeps } from '../src/routes/notify-deps';

// Issue 14 / RULES §10: channels against local receivers (HTTP and SMTP), secrets never returned,
// guarded URLs, deliveries idempotent per event and channel with retries and a dead letter.

type Json = any;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(TEST_DIALECTS)('notification channels (%s)', (dialect) => {
  let h: Harness;
  let receiver: Receiver;
  let smtp: SmtpCapture;
  let a: Account;
  let b: Account;
  const clock = testClock(Date.now());

  beforeAll(async () => {
    ({ h, receiver, smtp } = await startNotifyHarness(dialect, clock));
    a = await signUp(h.app);
    b = await signUp(h.app);
  });
  afterAll(() => closeAll(h, receiver, smtp));

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who = a) =>
    h.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const create = async (body: object, who = a) => {
    const res = await call('POST', '/api/notifications/channels', body, who);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Json;
  };
  const lastReceived = () => receiver.received[receiver.received.length - 1]!;
  const ctx = (tenantId: string): NotifyContext => ({
    db: h.db,
    clock,
    log: silent,
    tenantId,
    userId: '',
    notify: notifyDeps(h.deps),
  });

  it('webhook: JSON with an event field, signed with HMAC-SHA256 of the body; URL and secret never returned', async () => {
    const secret = 'hook-secret-123';
    const channel = await create({
      type: 'webhook',
      name: 'Hook',
      events: ['deletion'],
      url: `${receiver.url}/hook?key=top-secret-path`,
      secret,
    });
    expect(channel).toMatchObject({ type: 'webhook', hasUrl: true, hasSecret: true, target: receiver.url.slice(7) });
    const test = await call('POST', `/api/notifications/channels/${channel.id}/test`);
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ ok: true, status: 'sent', channelId: channel.id });
    const got = lastReceived();
    expect(got.url).toBe('/hook?key=top-secret-path');
    expect(JSON.parse(got.body).event).toBe('test');
    const expected = `sha256=${createHmac('sha256', secret).update(got.body).digest('hex')}`;
    expect(got.headers['x-mediajanitor-signature']).toBe(expected);
    const list = await call('GET', '/api/notifications/channels');
    expect(list.body).not.toContain('top-secret-path');
    expect(list.body).not.toContain(secret);
    const stored = (await h.db.q.select().from(h.db.t.notificationChannels)).find((r) => r.id === channel.id)!;
    expect(stored.secretsCipher).not.toContain('top-secret-path');
  });

  it('discord, slack, ntfy and gotify get the payload each expects', async () => {
    const cases = [
      {
        type: 'discord',
        url: `${receiver.url}/discord`,
        check: (b: string) => expect(JSON.parse(b).content).toContain('test'),
      },
      {
        type: 'slack',
        url: `${receiver.url}/slack`,
        check: (b: string) => expect(JSON.parse(b).text).toContain('test'),
      },
      {
        type: 'ntfy',
        url: `${receiver.url}/mytopic`,
        token: 'tk_ntfy',
        check: (b: string) => expect(b).toContain('Media Janitor'),
      },
      {
        type: 'gotify',
        url: `${receiver.url}/gotify`,
        token: 'AgotifyToken',
        check: (b: string) => expect(JSON.parse(b)).toMatchObject({ priority: 5 }),
      },
    ];
    for (const c of cases) {
      const channel = await create({ type: c.type, name: c.type, url: c.url, ...(c.token ? { token: c.token } : {}) });
      const res = await call('POST', `/api/notifications/channels/${channel.id}/test`);
      expect(res.json().ok, `${c.type}: ${res.body}`).toBe(true);
      const got = lastReceived();
      c.check(got.body);
      if (c.type === 'ntfy') {
        expect(got.url).toBe('/mytopic');
        expect(got.headers.authorization).toBe('Bearer tk_ntfy');
        expect(got.headers.title).toBe('Media Janitor: test message');
      }
      if (c.type === 'gotify') expect(got.url).toBe('/gotify/message?token=AgotifyToken');
      if (c.type === 'discord' || c.type === 'slack') expect(got.url).toBe(`/${c.type}`);
    }
  });

  it('email: HTML and text in the tenant language, to the account email, with an unsubscribe link that works without login', async () => {
    await call('PATCH', '/api/settings', { titleLanguage: 'fr' });
    const channel = await create({ type: 'email', name: 'Mail', events: ['digest'] });
    const res = await call('POST', `/api/notifications/channels/${channel.id}/test`);
    expect(res.json(), res.body).toMatchObject({ ok: true });
    const mail = await smtp.waitForMail(a.email);
    const raw = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(raw).toContain('text/plain');
    expect(raw).toContain('text/html');
    expect(raw).toMatch(/message de test/);
    const link = /\/api\/public\/unsubscribe\?token=([A-Za-z0-9_.-]+)/.exec(raw)!;
    expect(link).not.toBeNull();
    const forged = await h.app.inject({ method: 'GET', url: `/api/public/unsubscribe?token=${link[1]}x` });
    expect(forged.statusCode).toBe(404);
    const unsub = await h.app.inject({ method: 'GET', url: `/api/public/unsubscribe?token=${link[1]}` });
    expect(unsub.statusCode).toBe(200);
    const after = (await call('GET', '/api/notifications/channels'))
      .json()
      .items.find((c: Json) => c.id === channel.id);
    expect(after.events).toEqual([]);
    await call('PATCH', '/api/settings', { titleLanguage: 'en' });
  });

  it('a URL the guarded client refuses is a 400 at creation and at edit; bad input is a 400', async () => {
    const blocked = await call('POST', '/api/notifications/channels', {
      type: 'webhook',
      name: 'Metadata',
      url: 'http://169.254.169.254/latest',
    });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().code).toBe('blocked_address');
    const channel = await create({ type: 'slack', name: 'S', url: `${receiver.url}/s` });
    const edit = await call('PATCH', `/api/notifications/channels/${channel.id}`, { url: 'http://169.254.169.254/' });
    expect(edit.statusCode).toBe(400);
    for (const body of [
      { type: 'pager', name: 'x', url: receiver.url },
      { type: 'webhook', name: 'x' },
      { type: 'webhook', name: 'x', url: 'ftp://example.com' },
      { type: 'webhook', name: '', url: receiver.url },
      { type: 'webhook', name: 'x', url: receiver.url, events: ['everything'] },
      { type: 'email', name: 'x', to: ['not-an-email'] },
    ]) {
      const res = await call('POST', '/api/notifications/channels', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await call('GET', '/api/notifications/deliveries?pageSize=0')).statusCode).toBe(400);
  });

  it('SaaS mode refuses loopback and private targets', async () => {
    const saas = await createHarness(dialect, { media: { allowPrivateNetwork: false } });
    try {
      const s = await signUp(saas.app);
      for (const url of [`${receiver.url}/x`, 'http://10.0.0.5/hook', 'http://[::1]/x']) {
        const res = await saas.app.inject({
          method: 'POST',
          url: '/api/notifications/channels',
          headers: s.headers,
          payload: { type: 'webhook', name: 'x', url },
        });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('blocked_address');
      }
    } finally {
      await saas.close();
    }
  });

  it('cross-tenant: another tenant cannot list, edit, test or remove a channel, nor see its deliveries', async () => {
    const channel = await create({ type: 'slack', name: 'Private', url: `${receiver.url}/p` });
    expect((await call('GET', '/api/notifications/channels', undefined, b)).json().items).toEqual([]);
    expect((await call('PATCH', `/api/notifications/channels/${channel.id}`, { name: 'x' }, b)).statusCode).toBe(404);
    expect((await call('POST', `/api/notifications/channels/${channel.id}/test`, undefined, b)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/notifications/channels/${channel.id}`, undefined, b)).statusCode).toBe(404);
    expect((await call('GET', '/api/notifications/deliveries', undefined, b)).json().total).toBe(0);
    expect((await call('GET', '/api/notifications/channels')).json().items.map((c: Json) => c.id)).toContain(
      channel.id,
    );
    expect((await call('PATCH', `/api/notifications/channels/${channel.id}`, { name: 'Renamed' })).json().name).toBe(
      'Renamed',
    );
    expect((await call('DELETE', `/api/notifications/channels/${channel.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/notifications/channels/${channel.id}`)).statusCode).toBe(404);
  });

  it('a failing target: the test answers with the error, the deliveries list shows each attempt', async () => {
    const channel = await create({ type: 'webhook', name: 'Down', url: `${receiver.url}/down` });
    receiver.respondWith((r) => (r.url === '/down' ? 503 : 200));
    const res = await call('POST', `/api/notifications/channels/${channel.id}/test`);
    receiver.respondWith(() => 200);
    expect(res.json()).toMatchObject({ ok: false, error: 'HTTP 503', status: 'dead' });
    const list = (await call('GET', '/api/notifications/deliveries?page=1&pageSize=100')).json();
    const row = list.items.find((d: Json) => d.channelId === channel.id);
    expect(row).toMatchObject({ event: 'test', channel: 'Down', status: 'dead', error: 'HTTP 503', attempts: 1 });
    expect(list.total).toBeGreaterThanOrEqual(list.items.length);
  });

  it('deliveries: at most once per event and channel, retried with backoff, dead after 24 h; a killed send is retried once', async () => {
    const t = await signUp(h.app);
    const channel = await create(
      { type: 'webhook', name: 'Events', events: ['deletion'], url: `${receiver.url}/events` },
      t,
    );
    await create({ type: 'webhook', name: 'Other', events: ['digest'], url: `${receiver.url}/other` }, t);
    const sent = () => receiver.received.filter((r) => r.url === '/events').length;
    const message = { event: 'deletion' as const, title: 'Deleted', text: 'Movie deleted', data: { title: 'Movie' } };

    // Emitted twice: one delivery, sent once; attempting it again sends nothing.
    const [id] = await emitNotification(ctx(t.tenantId), 'deletion', 'deletion:d1:done', message);
    expect(await emitNotification(ctx(t.tenantId), 'deletion', 'deletion:d1:done', message)).toEqual([id]);
    await attemptDelivery(ctx(t.tenantId), id!);
    await attemptDelivery(ctx(t.tenantId), id!);
    expect(sent()).toBe(1);
    expect(receiver.received.filter((r) => r.url === '/other')).toHaveLength(0);
    await emitNotification(ctx(t.tenantId), 'deletion', 'deletion:d1:done', message);
    expect(sent()).toBe(1);

    // A 5xx: failed with a next attempt, then sent on retry.
    receiver.respondWith((r) => (r.url === '/events' ? 500 : 200));
    const [id2] = await emitNotification(ctx(t.tenantId), 'deletion', 'deletion:d2:done', message);
    const failed = (await attemptDelivery(ctx(t.tenantId), id2!))!;
    expect(failed).toMatchObject({ status: 'failed', error: 'HTTP 500' });
    expect(failed.nextAttemptAt).toBeGreaterThan(clock.now());
    receiver.respondWith(() => 200);
    expect((await attemptDelivery(ctx(t.tenantId), id2!))!.status).toBe('sent');

    // Still failing 24 h after the event: dead, never retried.
    receiver.respondWith((r) => (r.url === '/events' ? 500 : 200));
    const [id3] = await emitNotification(ctx(t.tenantId), 'deletion', 'deletion:d3:done', message);
    const start = clock.now();
    clock.set(start + 25 * 3_600_000);
    expect((await attemptDelivery(ctx(t.tenantId), id3!))!.status).toBe('dead');
    receiver.respondWith(() => 200);
    const before = sent();
    await attemptDelivery(ctx(t.tenantId), id3!);
    expect(sent()).toBe(before);
    clock.set(start);

    // A worker killed mid-send holds the lease: no second send until it runs out, then exactly one.
    const [id4] = await emitNotification(ctx(t.tenantId), 'deletion', 'deletion:d4:done', message);
    const { claimDelivery } = await import('@mj/db');
    expect(await claimDelivery(h.db, id4!, clock.now(), SEND_LEASE_MS)).toBeDefined();
    const n = sent();
    await attemptDelivery(ctx(t.tenantId), id4!);
    expect(sent()).toBe(n);
    clock.set(start + SEND_LEASE_MS + 1);
    await attemptDelivery(ctx(t.tenantId), id4!);
    await attemptDelivery(ctx(t.tenantId), id4!);
    expect(sent()).toBe(n + 1);
    clock.set(start);
    const list = (await call('GET', '/api/notifications/deliveries', undefined, t)).json();
    expect(
      list.items
        .filter((d: Json) => d.channelId === channel.id)
        .map((d: Json) => d.status)
        .sort(),
    ).toEqual(['dead', 'sent', 'sent', 'sent']);
  });

  it('the sweep emits leaving-soon (within 3 days) and deletion events once, and sends them', async () => {
    const t = await signUp(h.app);
    await create(
      { type: 'webhook', name: 'All', events: ['leaving-soon', 'deletion'], url: `${receiver.url}/sweep` },
      t,
    );
    const now = clock.now();
    const base = { tenantId: t.tenantId, year: 1999, createdAt: now };
    await insertDeletions(
      h.db,
      [
        deletionRow({
          ...base,
          id: newId(now),
          itemId: 'i1',
          title: 'Soon',
          status: 'scheduled',
          executeAt: now + 2 * 86_400_000,
        }),
        deletionRow({
          ...base,
          id: newId(now),
          itemId: 'i2',
          title: 'Later',
          status: 'scheduled',
          executeAt: now + 10 * 86_400_000,
        }),
        deletionRow({ ...base, id: newId(now), itemId: 'i3', title: 'Gone', status: 'done', executeAt: now }),
      ],
      [],
    );
    const deps = { db: h.db, clock, log: silent, notify: notifyDeps(h.deps) };
    await sweepNotifications(deps);
    await sweepNotifications(deps);
    const bodies = receiver.received.filter((r) => r.url === '/sweep').map((r) => JSON.parse(r.body));
    expect(bodies.map((b: Json) => `${b.event}:${b.data.title}`).sort()).toEqual([
      'deletion:Gone',
      'leaving-soon:Soon',
    ]);
  });

  it('two concurrent sweeps (two workers on the same tick) send one delivery per event and channel', async () => {
    const t = await signUp(h.app);
    await create({ type: 'webhook', name: 'W1', events: ['deletion'], url: `${receiver.url}/race1` }, t);
    await create({ type: 'webhook', name: 'W2', events: ['deletion'], url: `${receiver.url}/race2` }, t);
    const now = clock.now();
    const base = { tenantId: t.tenantId, year: 2001, createdAt: now, status: 'done' as const, executeAt: now };
    await insertDeletions(
      h.db,
      [
        deletionRow({ ...base, id: newId(now), itemId: 'r1', title: 'Race A' }),
        deletionRow({ ...base, id: newId(now), itemId: 'r2', title: 'Race B' }),
      ],
      [],
    );
    // Two workers, each with its own deps object, as two processes would have.
    const worker = () => sweepNow(h, clock);
    await Promise.all([worker(), worker(), worker()]);
    await worker();
    const hits = receiver.received
      .filter((r) => r.url === '/race1' || r.url === '/race2')
      .map((r) => `${r.url}:${JSON.parse(r.body).data.title}`)
      .sort();
    expect(hits).toEqual(['/race1:Race A', '/race1:Race B', '/race2:Race A', '/race2:Race B']);
  });
});
