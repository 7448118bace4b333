import { TEST_DIALECTS } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, PASSWORD, signUp, uniqueEmail, type Harness, closeAll } from './harness';
import { resetTokenFrom, startSmtpCapture, type SmtpCapture } from './smtp';

describe.each(TEST_DIALECTS)('auth (%s)', (dialect) => {
  let h: Harness;
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    h = await createHarness(dialect, { smtpUrl: smtp.url });
  });
  afterAll(() => closeAll(h, smtp));

  const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url, payload: payload as object, headers });

  describe('register', () => {
    it('creates an account with a trimmed, lower-cased email and returns 201', async () => {
      const raw = `  ${uniqueEmail('Mixed').toUpperCase()}  `;
      const res = await post('/api/auth/register', { email: raw, password: PASSWORD });
      expect(res.statusCode).toBe(201);
      const { user } = res.json();
      expect(user.email).toBe(raw.trim().toLowerCase());
      expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
      const login = await post('/api/auth/login', { email: raw.trim().toLowerCase(), password: PASSWORD });
      expect(login.statusCode).toBe(200);
    });

    it('answers 409 when the email is taken, whatever its case', async () => {
      const email = uniqueEmail();
      expect((await post('/api/auth/register', { email, password: PASSWORD })).statusCode).toBe(201);
      const again = await post('/api/auth/register', { email: email.toUpperCase(), password: PASSWORD });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('email_taken');
    });

    it.each([
      ['short', 'a'.repeat(9), 'at least 10 characters'],
      ['over 72 bytes', 'é'.repeat(37), 'at most 72 bytes'],
    ])('rejects a %s password with 400 naming the rule', async (_name, password, rule) => {
      const res = await post('/api/auth/register', { email: uniqueEmail(), password });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('validation_error');
      expect(body.details).toContainEqual({ field: 'password', message: expect.stringContaining(rule) });
    });

    it('accepts a password of exactly 72 bytes', async () => {
      const res = await post('/api/auth/register', { email: uniqueEmail(), password: 'x'.repeat(72) });
      expect(res.statusCode).toBe(201);
    });

    it('rejects a password equal to the email', async () => {
      const email = uniqueEmail('samesame');
      const res = await post('/api/auth/register', { email, password: email.toUpperCase() });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toContainEqual({ field: 'password', message: expect.stringContaining('email') });
    });

    it('names every bad field', async () => {
      const res = await post('/api/auth/register', { email: 'not-an-email' });
      expect(res.statusCode).toBe(400);
      const fields = res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort();
      expect(fields).toEqual(['email', 'password']);
    });

    it('rejects malformed JSON with 400', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: '{"email":',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_json');
    });
  });

  describe('login', () => {
    it('returns an access token, the user and an httpOnly refresh cookie', async () => {
      const email = uniqueEmail();
      await post('/api/auth/register', { email, password: PASSWORD });
      const res = await post('/api/auth/login', { email, password: PASSWORD });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.expiresIn).toBe(900);
      expect(body.user.email).toBe(email);
      const cookie = res.cookies.find((c) => c.name === 'mj_refresh');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.path).toBe('/api/auth');
      const me = await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${body.accessToken}` } });
      expect(me.json().user.email).toBe(email);
    });

    it('gives the same 401 for a wrong password and an unknown email', async () => {
      const { email } = await signUp(h.app);
      const wrong = await post('/api/auth/login', { email, password: 'wrong password!' });
      const unknown = await post('/api/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toEqual(unknown.json());
    });
  });

  describe('refresh tokens', () => {
    it('rotates: the new token works, and reusing the old one revokes the whole family', async () => {
      const a = await signUp(h.app);
      const first = await post('/api/auth/refresh', { refreshToken: a.refreshCookie });
      expect(first.statusCode).toBe(200);
      const rotated = first.cookies.find((c) => c.name === 'mj_refresh')!.value;
      expect(rotated).not.toBe(a.refreshCookie);

      const reuse = await post('/api/auth/refresh', { refreshToken: a.refreshCookie });
      expect(reuse.statusCode).toBe(401);
      // The thief's replay also killed the legitimate successor.
      const successor = await post('/api/auth/refresh', { refreshToken: rotated });
      expect(successor.statusCode).toBe(401);
    });

    it('reads the refresh token from the cookie', async () => {
      const a = await signUp(h.app);
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        cookies: { mj_refresh: a.refreshCookie },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().accessToken).toBeTruthy();
    });

    it('logout revokes the refresh token and answers 204', async () => {
      const a = await signUp(h.app);
      expect((await post('/api/auth/logout', { refreshToken: a.refreshCookie })).statusCode).toBe(204);
      expect((await post('/api/auth/refresh', { refreshToken: a.refreshCookie })).statusCode).toBe(401);
    });
  });

  describe('authentication', () => {
    it('refuses protected routes without a token, with a bad token and with a malformed header', async () => {
      expect((await h.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
      expect((await h.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(
        401,
      );
      expect((await h.app.inject({ url: '/api/auth/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(
        401,
      );
    });

    it('accepts the access token from the web app cookie, and checks the origin of cookie writes', async () => {
      const a = await signUp(h.app);
      const me = await h.app.inject({ url: '/api/auth/me', cookies: { mj_access: a.accessToken } });
      expect(me.statusCode).toBe(200);
      // A cookie-authenticated write (a new API token) sent from `origin`.
      const createTokenFrom = (origin: string) =>
        h.app.inject({
          method: 'POST',
          url: '/api/tokens',
          cookies: { mj_access: a.accessToken },
          headers: { origin },
          payload: { name: 'x' },
        });
      const foreign = await createTokenFrom('http://evil.example');
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().code).toBe('csrf_rejected');
      const own = await createTokenFrom('http://mj.test');
      expect(own.statusCode).toBe(201);
    });

    it('logout-all revokes refresh tokens, API tokens and outstanding access tokens', async () => {
      const a = await signUp(h.app);
      const token = (await post('/api/tokens', { name: 'script' }, a.headers)).json().token;
      expect(
        (await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(200);
      await new Promise((r) => setTimeout(r, 5));
      expect((await post('/api/auth/logout-all', undefined, a.headers)).statusCode).toBe(204);
      expect((await h.app.inject({ url: '/api/auth/me', headers: a.headers })).statusCode).toBe(401);
      expect(
        (await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(401);
      expect((await post('/api/auth/refresh', { refreshToken: a.refreshCookie })).statusCode).toBe(401);
      // Logging in again works.
      expect((await post('/api/auth/login', { email: a.email, password: PASSWORD })).statusCode).toBe(200);
    });
  });

  describe('passwords', () => {
    it('changes the password after checking the current one', async () => {
      const a = await signUp(h.app);
      const wrong = await post(
        '/api/auth/password/change',
        { currentPassword: 'nope', newPassword: 'another good one' },
        a.headers,
      );
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().code).toBe('wrong_password');
      const ok = await post(
        '/api/auth/password/change',
        { currentPassword: PASSWORD, newPassword: 'another good one' },
        a.headers,
      );
      expect(ok.statusCode).toBe(204);
      expect((await post('/api/auth/login', { email: a.email, password: PASSWORD })).statusCode).toBe(401);
      expect((await post('/api/auth/login', { email: a.email, password: 'another good one' })).statusCode).toBe(200);
    });

    it('reset: 202 for any email, mail with a single-use link, new password works, sessions revoked', async () => {
      const a = await signUp(h.app);
      const unknown = await post('/api/auth/password-reset/request', { email: uniqueEmail('ghost') });
      expect(unknown.statusCode).toBe(202);
      const res = await post('/api/auth/password-reset/request', { email: a.email });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual(unknown.json());

      const token = resetTokenFrom(await smtp.waitForMail(a.email));
      const confirm = await post('/api/auth/password-reset/confirm', { token, password: 'brand new password' });
      expect(confirm.statusCode).toBe(204);
      const again = await post('/api/auth/password-reset/confirm', { token, password: 'yet another password' });
      expect(again.statusCode).toBe(400);
      expect(again.json().code).toBe('invalid_token');

      expect((await post('/api/auth/login', { email: a.email, password: PASSWORD })).statusCode).toBe(401);
      expect((await post('/api/auth/login', { email: a.email, password: 'brand new password' })).statusCode).toBe(200);
      expect((await post('/api/auth/refresh', { refreshToken: a.refreshCookie })).statusCode).toBe(401);
      expect(smtp.mails.some((m) => m.raw.includes('ghost'))).toBe(false);
    });

    it('reset: a wrong token is refused', async () => {
      const res = await post('/api/auth/password-reset/confirm', {
        token: 'x'.repeat(43),
        password: 'brand new password',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_token');
    });
  });

  describe('API tokens', () => {
    it('are shown once, listed without the secret, usable as bearer and revocable', async () => {
      const a = await signUp(h.app);
      const created = await post('/api/tokens', { name: 'backup script' }, a.headers);
      expect(created.statusCode).toBe(201);
      const { token, id, prefix } = created.json();
      expect(token.startsWith(prefix)).toBe(true);
      const list = await h.app.inject({ url: '/api/tokens', headers: a.headers });
      expect(list.json().items).toEqual([expect.objectContaining({ id, name: 'backup script', prefix })]);
      expect(list.body).not.toContain(token);
      expect(
        (await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(200);
      const del = await h.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: a.headers });
      expect(del.statusCode).toBe(204);
      expect(
        (await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(401);
    });

    it('rejects an empty name with a field message', async () => {
      const a = await signUp(h.app);
      const res = await post('/api/tokens', { name: '  ' }, a.headers);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toContainEqual({ field: 'name', message: 'name is required' });
    });
  });

  describe('tenant isolation', () => {
    it("one tenant cannot see, use or revoke another tenant's tokens or identity", async () => {
      const a = await signUp(h.app);
      const b = await signUp(h.app);
      expect(a.tenantId).not.toBe(b.tenantId);
      const tokenA = (await post('/api/tokens', { name: 'a' }, a.headers)).json();
      const listB = await h.app.inject({ url: '/api/tokens', headers: b.headers });
      expect(listB.json().items).toEqual([]);
      const delByB = await h.app.inject({ method: 'DELETE', url: `/api/tokens/${tokenA.id}`, headers: b.headers });
      expect(delByB.statusCode).toBe(404);
      const meB = await h.app.inject({ url: '/api/auth/me', headers: b.headers });
      expect(meB.json().user).toEqual({ id: b.userId, email: b.email, tenantId: b.tenantId });
      const meWithA = await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${tokenA.token}` } });
      expect(meWithA.json().user.tenantId).toBe(a.tenantId);
    });
  });

  describe('account deletion', () => {
    it('needs the password, then removes the account and its tokens', async () => {
      const a = await signUp(h.app);
      const bad = await h.app.inject({
        method: 'DELETE',
        url: '/api/account',
        headers: a.headers,
        payload: { password: 'nope' },
      });
      expect(bad.statusCode).toBe(400);
      const ok = await h.app.inject({
        method: 'DELETE',
        url: '/api/account',
        headers: a.headers,
        payload: { password: PASSWORD },
      });
      expect(ok.statusCode).toBe(204);
      expect((await h.app.inject({ url: '/api/auth/me', headers: a.headers })).statusCode).toBe(401);
      expect((await post('/api/auth/login', { email: a.email, password: PASSWORD })).statusCode).toBe(401);
      // The email is free again.
      expect((await post('/api/auth/register', { email: a.email, password: PASSWORD })).statusCode).toBe(201);
    });
  });
});

describe('auth configuration', () => {
  it('SIGNUPS_ENABLED=false answers 403', async () => {
    const h = await createHarness('sqlite', { env: { SIGNUPS_ENABLED: 'false' } });
    try {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: uniqueEmail(), password: PASSWORD },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('signups_disabled');
    } finally {
      await h.close();
    }
  });

  it('rate-limits login per IP and email with a 429 and a clear message', async () => {
    const h = await createHarness('sqlite', { env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    try {
      const email = uniqueEmail();
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        codes.push(
          (
            await h.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { email, password: 'wrong password' },
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const other = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: uniqueEmail(), password: 'x' },
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await h.close();
    }
  });
});
