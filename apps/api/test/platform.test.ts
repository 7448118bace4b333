import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, signUp, type Harness } from './harness';

describe('platform routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
  });
  afterAll(async () => h?.close());

  it('GET /api/health is public and ok', async () => {
    const res = await h.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/ready checks the database and skips Redis when not configured', async () => {
    const res = await h.app.inject({ url: '/api/ready' });
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'skipped' } });
  });

  it('GET /api/ready answers 503 when the database is gone', async () => {
    const broken = await createHarness('sqlite');
    await broken.db.close();
    const res = await broken.app.inject({ url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.database).toBe('down');
    await broken.app.close();
  });

  it('serves an OpenAPI document describing the auth routes', async () => {
    const res = await h.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/tokens']),
    );
    expect(doc.paths['/api/auth/register'].post.requestBody).toBeDefined();
  });

  it('serves interactive docs', async () => {
    const res = await h.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers unknown routes with a 404 problem body', async () => {
    const res = await h.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: expect.stringContaining('/api/nope') });
  });

  it('sets security headers', async () => {
    const res = await h.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('allows CORS only from the web origin', async () => {
    const ok = await h.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'http://mj.test', 'access-control-request-method': 'POST' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('http://mj.test');
    const evil = await h.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never puts the bearer token or cookies in the logs', async () => {
    const lines: string[] = [];
    const { buildApp } = await import('../src');
    const { default: pino } = await import('pino');
    const { REDACTED_PATHS } = await import('../src/app');
    const stream = { write: (line: string) => lines.push(line) };
    const logger = pino({ level: 'info', redact: REDACTED_PATHS }, stream);
    const app = await buildApp(h.deps, { loggerInstance: logger });
    const a = await signUp(app);
    await app.inject({ url: '/api/auth/me', headers: { ...a.headers, cookie: `mj_access=${a.accessToken}` } });
    await app.close();
    const all = lines.join('\n');
    expect(all).toContain('/api/auth/me');
    expect(all).not.toContain(a.accessToken);
  });
});

describe('metrics', () => {
  it('exposes Prometheus metrics with route patterns, never raw ids', async () => {
    const h = await createHarness('sqlite', { env: { METRICS_TOKEN: 'scrape-token-0123456789' } });
    try {
      const a = await signUp(h.app);
      await h.app.inject({ method: 'DELETE', url: '/api/tokens/some-secret-looking-id', headers: a.headers });
      const res = await h.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer scrape-token-0123456789' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.body).toMatch(
        /mj_http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/login",status="200"\} 1/,
      );
      expect(res.body).toContain('route="/api/tokens/:id"');
      expect(res.body).not.toContain('some-secret-looking-id');
      expect(res.body).toMatch(/mj_sync_runs_24h\{status="success"\} 0/);
    } finally {
      await h.close();
    }
  });
});
