import { TEST_DIALECTS } from '@mj/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src';
import { testClock } from './analysis-support';
import { createHarness, PASSWORD, signUp, uniqueEmail, type Harness, closeAll, type Account } from './harness';
import { resetTokenFrom, startSmtpCapture, type SmtpCapture } from './smtp';

// Issue 10, security: token versions, reset links, per-account back-off, API token scopes.

describe.each(TEST_DIALECTS)('account credentials (%s)', (dialect) => {
  let h: Harness;
  let smtp: SmtpCapture;
  const clock = testClock(Date.now());
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    h = await createHarness(dialect, { smtpUrl: smtp.url, clock });
  });
  afterAll(() => closeAll(h, smtp));

  const post = (url: string, payload?: object, headers?: Record<string, string>, remoteAddress?: string) =>
    h.app.inject({ method: 'POST', url, payload, headers, ...(remoteAddress ? { remoteAddress } : {}) });
  const me = (headers: Record<string, string>) => h.app.inject({ url: '/api/auth/me', headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const login = async (email: string, password = PASSWORD) => {
    const res = await post('/api/auth/login', { email, password });
    expect(res.statusCode, res.body).toBe(200);
    return {
      access: res.json().accessToken as string,
      refresh: res.cookies.find((c) => c.name === 'mj_refresh')!.value,
    };
  };
  const apiToken = async (a: Account, body: object = { name: 'script' }) => {
    const res = await post('/api/tokens', body, a.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().token as string;
  };

  it('a password change revokes every other refresh token and every API token; older access tokens fail', async () => {
    const a = await signUp(h.app);
    const other = await login(a.email);
    const token = await apiToken(a);
    const changed = await post(
      '/api/auth/password/change',
      { currentPassword: PASSWORD, newPassword: 'a whole new password' },
      a.headers,
    );
    expect(changed.statusCode, changed.body).toBe(204);

    // Every access token issued before, including the caller's, fails at once.
    expect((await me(a.headers)).statusCode).toBe(401);
    expect((await me(bearer(other.access))).statusCode).toBe(401);
    expect((await me(bearer(token))).statusCode).toBe(401);
    // The other session is gone; the current one renews its access token with its refresh token.
    expect((await post('/api/auth/refresh', { refreshToken: other.refresh })).statusCode).toBe(401);
    const renewed = await post('/api/auth/refresh', { refreshToken: a.refreshCookie });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect((await me(bearer(renewed.json().accessToken))).statusCode).toBe(200);
  });

  it('a successful reset revokes every session and API token and voids every other outstanding reset link', async () => {
    const a = await signUp(h.app);
    const token = await apiToken(a);
    for (let i = 0; i < 2; i += 1)
      expect((await post('/api/auth/password-reset/request', { email: a.email })).statusCode).toBe(202);
    await smtp.waitForMail(a.email);
    const [first, second] = smtp.mails.filter((m) => m.to.includes(a.email)).map(resetTokenFrom);
    expect(second).toBeDefined();

    const confirm = await post('/api/auth/password-reset/confirm', { token: second, password: 'reset password one' });
    expect(confirm.statusCode, confirm.body).toBe(204);
    const stale = await post('/api/auth/password-reset/confirm', { token: first, password: 'reset password two' });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('invalid_token');

    expect((await me(a.headers)).statusCode).toBe(401);
    expect((await me(bearer(token))).statusCode).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: a.refreshCookie })).statusCode).toBe(401);
    await login(a.email, 'reset password one');
  });

  it('logout makes the access token fail at once', async () => {
    const a = await signUp(h.app);
    expect((await me(a.headers)).statusCode).toBe(200);
    expect((await post('/api/auth/logout', { refreshToken: a.refreshCookie })).statusCode).toBe(204);
    expect((await me(a.headers)).statusCode).toBe(401);
  });

  it('login backs off per account, whatever the IP, with a growing wait', async () => {
    const a = await signUp(h.app);
    const attempt = (password: string, ip: string) =>
      post('/api/auth/login', { email: a.email, password }, undefined, ip);
    for (let i = 0; i < 5; i += 1) expect((await attempt('wrong guess', `198.51.100.${i + 1}`)).statusCode).toBe(401);
    // Locked: even the right password from a new address is refused, with Retry-After.
    const locked = await attempt(PASSWORD, '203.0.113.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBe(30);

    clock.set(clock.now() + 31_000);
    expect((await attempt('wrong again', '203.0.113.10')).statusCode).toBe(401);
    // The next lock is twice as long.
    const longer = await attempt(PASSWORD, '203.0.113.11');
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBe(60);
    clock.set(clock.now() + 61_000);
    expect((await attempt(PASSWORD, '203.0.113.12')).statusCode).toBe(200);
    // Success forgets the failures.
    expect((await attempt('one slip', '203.0.113.13')).statusCode).toBe(401);
    expect((await attempt(PASSWORD, '203.0.113.13')).statusCode).toBe(200);
  });

  it('current-password checks (password change, account deletion) back off per account', async () => {
    const a = await signUp(h.app);
    for (let i = 0; i < 5; i += 1) {
      const res = await post(
        '/api/auth/password/change',
        { currentPassword: `guess ${i}`, newPassword: 'whatever password' },
        a.headers,
        `198.51.100.${i + 1}`,
      );
      expect(res.statusCode).toBe(400);
    }
    const deletion = await h.app.inject({
      method: 'DELETE',
      url: '/api/account',
      headers: a.headers,
      payload: { password: PASSWORD },
    });
    expect(deletion.statusCode).toBe(429);
    expect(deletion.json().code).toBe('too_many_attempts');
    expect((await me(a.headers)).statusCode).toBe(200);
  });

  it('reset requests back off per account: three an hour, then 429 from any IP', async () => {
    const email = uniqueEmail('reset');
    const codes = [];
    for (let i = 0; i < 4; i += 1)
      codes.push((await post('/api/auth/password-reset/request', { email }, undefined, `192.0.2.${i + 1}`)).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
  });
});

describe.each(TEST_DIALECTS)('API token scopes and expiry (%s)', (dialect) => {
  let h: Harness;
  let a: Account;
  const clock = testClock(Date.now());
  beforeAll(async () => {
    h = await createHarness(dialect, { clock });
    a = await signUp(h.app);
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) =>
    h.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const create = (body: object) =>
    h.app.inject({ method: 'POST', url: '/api/tokens', headers: a.headers, payload: body });

  it('a token is read-only by default; a write token changes data', async () => {
    const created = await create({ name: 'dashboard' });
    expect(created.json()).toMatchObject({ scope: 'read', expiresAt: null });
    const read = created.json().token as string;
    expect((await call('GET', '/api/settings', read)).statusCode).toBe(200);
    const refused = await call('PATCH', '/api/settings', read, { syncHour: 4 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('insufficient_scope');

    const write = (await create({ name: 'automation', scope: 'write' })).json().token as string;
    expect((await call('PATCH', '/api/settings', write, { syncHour: 4 })).statusCode).toBe(200);
    const listed = (await h.app.inject({ url: '/api/tokens', headers: a.headers })).json().items;
    expect(listed.map((t: { scope: string }) => t.scope).sort()).toEqual(['read', 'write']);
  });

  it('no API token may manage tokens, change the password, delete the account or change a connection (403)', async () => {
    const write = (await create({ name: 'powerful', scope: 'write' })).json().token as string;
    const attempts = [
      await call('GET', '/api/tokens', write),
      await call('POST', '/api/tokens', write, { name: 'child', scope: 'write' }),
      await call('DELETE', '/api/tokens/some-id', write),
      await call('POST', '/api/auth/password/change', write, { currentPassword: PASSWORD, newPassword: 'pwned pwned' }),
      await call('POST', '/api/auth/logout-all', write),
      await call('DELETE', '/api/account', write, { password: PASSWORD }),
      await call('PUT', '/api/connections/jellyfin', write, { url: 'http://127.0.0.1:1', apiKey: 'x'.repeat(32) }),
      await call('DELETE', '/api/connections/jellyseerr', write),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('session_required');
    }
    expect((await h.app.inject({ url: '/api/auth/me', headers: a.headers })).statusCode).toBe(200);
  });

  it('an expired token is refused with 401; an expiry in the past or past 9999 is a 400', async () => {
    const expiresAt = new Date(clock.now() + 60_000).toISOString();
    const created = await create({ name: 'short-lived', expiresAt });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().expiresAt).toBe(expiresAt);
    const token = created.json().token as string;
    expect((await call('GET', '/api/settings', token)).statusCode).toBe(200);
    clock.set(clock.now() + 61_000);
    const expired = await call('GET', '/api/settings', token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('api_token_expired');

    expect((await create({ name: 'past', expiresAt: clock.now() - 1 })).statusCode).toBe(400);
    expect((await create({ name: 'far', expiresAt: Number.MAX_SAFE_INTEGER })).statusCode).toBe(400);
    expect((await create({ name: 'odd', scope: 'admin' })).statusCode).toBe(400);
  });
});

describe('reset links never reach the structured log', () => {
  it('without SMTP the link is printed once to the console and the log stays clean', async () => {
    const lines: string[] = [];
    const h = await createHarness('sqlite');
    // The same dependencies, with a real structured logger at its most verbose.
    const app = await buildApp(h.deps, { loggerInstance: pino({ level: 'trace' }, { write: (l) => lines.push(l) }) });
    try {
      await app.ready();
      const a = await signUp(app);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        payload: { email: a.email },
      });
      expect(res.statusCode).toBe(202);
      expect(lines.length).toBeGreaterThan(0);
      expect(h.printed).toHaveLength(1);
      const token = /reset-password\?token=(\S+)/.exec(h.printed[0]!)?.[1];
      expect(token).toBeDefined();
      expect(lines.join('\n')).not.toContain(token);
      expect(lines.join('\n')).not.toContain('reset-password');
    } finally {
      await app.close();
      await h.close();
    }
  });
});
