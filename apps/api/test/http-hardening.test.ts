import { describe, expect, it } from 'vitest';
import { createHarness, signUp, uniqueEmail } from './harness';

// Issue 10, security: /metrics behind a bearer token, HSTS only over https, CSRF origin in SaaS mode,
// X-Forwarded-For only from TRUSTED_PROXIES.

describe('/metrics needs the METRICS_TOKEN bearer token', () => {
  it('is 404 without METRICS_TOKEN, 401 without or with a wrong token, 200 with it', async () => {
    const off = await createHarness('sqlite');
    try {
      expect((await off.app.inject({ url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
    const token = 'metrics-token-0123456789';
    const h = await createHarness('sqlite', { env: { METRICS_TOKEN: token } });
    try {
      expect((await h.app.inject({ url: '/metrics' })).statusCode).toBe(401);
      const wrong = await h.app.inject({ url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).not.toContain('mj_http_request_duration_seconds');
      const ok = await h.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('mj_sync_runs_24h');
    } finally {
      await h.close();
    }
  });
});

describe('HSTS only over https', () => {
  it.each([
    ['http://mj.test', false],
    ['https://mj.example.com', true],
  ])('PUBLIC_URL=%s sends Strict-Transport-Security: %s', async (publicUrl, expected) => {
    const h = await createHarness('sqlite', { env: { PUBLIC_URL: publicUrl } });
    try {
      const res = await h.app.inject({ url: '/api/health' });
      expect('strict-transport-security' in res.headers).toBe(expected);
    } finally {
      await h.close();
    }
  });
});

describe('CSRF in SaaS mode accepts the configured public origin only', () => {
  const write = (h: Awaited<ReturnType<typeof createHarness>>, token: string, origin: string, host: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/tokens',
      cookies: { mj_access: token },
      headers: { origin, host },
      payload: { name: 'x' },
    });

  it('SaaS (ALLOW_PRIVATE_NETWORK=false): an origin matching only the Host header is refused', async () => {
    const h = await createHarness('sqlite', { env: { ALLOW_PRIVATE_NETWORK: 'false' } });
    try {
      const a = await signUp(h.app);
      const spoofed = await write(h, a.accessToken, 'http://evil.example', 'evil.example');
      expect(spoofed.statusCode).toBe(403);
      expect(spoofed.json().code).toBe('csrf_rejected');
      expect((await write(h, a.accessToken, 'http://mj.test', 'mj.test')).statusCode).toBe(201);
    } finally {
      await h.close();
    }
  });

  it('embedded (LAN allowed): the request host is accepted, e.g. a LAN address', async () => {
    const h = await createHarness('sqlite');
    try {
      const a = await signUp(h.app);
      expect((await write(h, a.accessToken, 'http://192.168.1.20:3000', '192.168.1.20:3000')).statusCode).toBe(201);
      expect((await write(h, a.accessToken, 'http://evil.example', '192.168.1.20:3000')).statusCode).toBe(403);
    } finally {
      await h.close();
    }
  });
});

describe('X-Forwarded-For is trusted only from TRUSTED_PROXIES', () => {
  const login = (h: Awaited<ReturnType<typeof createHarness>>, forwardedFor: string, remoteAddress = '127.0.0.1') =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: uniqueEmail(), password: 'wrong password' },
    });

  it('spraying 23 emails from one IP meets the per-IP limit (default 20 a minute)', async () => {
    const h = await createHarness('sqlite', { env: { RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '20' } });
    try {
      const codes = [];
      for (let i = 0; i < 23; i += 1) codes.push((await login(h, '127.0.0.1')).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(codes.slice(20)).toEqual([429, 429, 429]);
      const reset = [];
      for (let i = 0; i < 21; i += 1)
        reset.push(
          (
            await h.app.inject({
              method: 'POST',
              url: '/api/auth/password-reset/request',
              payload: { email: uniqueEmail() },
            })
          ).statusCode,
        );
      expect(reset.at(-1)).toBe(429);
    } finally {
      await h.close();
    }
  });

  it('never from loopback by default: rotating X-Forwarded-For does not escape the per-IP limit', async () => {
    const h = await createHarness('sqlite', { env: { RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i += 1) codes.push((await login(h, `203.0.113.${i + 1}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await h.close();
    }
  });

  it('from a configured proxy, each forwarded client has its own limit', async () => {
    const h = await createHarness('sqlite', {
      env: { RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '3', TRUSTED_PROXIES: '10.0.0.0/8' },
    });
    try {
      const codes = [];
      for (let i = 0; i < 4; i += 1) codes.push((await login(h, `203.0.113.${i + 1}`, '10.1.2.3')).statusCode);
      expect(codes).toEqual([401, 401, 401, 401]);
      // The same client through the proxy is still limited.
      for (let i = 0; i < 3; i += 1) await login(h, '198.51.100.7', '10.1.2.3');
      expect((await login(h, '198.51.100.7', '10.1.2.3')).statusCode).toBe(429);
    } finally {
      await h.close();
    }
  });
});

describe('SaaS mode (ALLOW_PRIVATE_NETWORK=false): connection errors never show a resolved address', () => {
  it('PUT /api/connections/jellyfin with a name resolving to loopback: 400 without the address', async () => {
    const h = await createHarness('sqlite', { media: { allowPrivateNetwork: false } });
    try {
      const a = await signUp(h.app);
      const res = await h.app.inject({
        method: 'PUT',
        url: '/api/connections/jellyfin',
        headers: a.headers,
        payload: { url: 'http://localhost:8096', apiKey: 'a'.repeat(32) },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('blocked_address');
      expect(res.body).not.toMatch(/127\.0\.0\.1|::1/);
    } finally {
      await h.close();
    }
  });
});
