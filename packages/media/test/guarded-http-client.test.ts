import { afterEach, describe, expect, it } from 'vitest';
import { MediaError } from '../src/errors';
import { GuardedHttpClient, type GuardedHttpOptions } from '../src/http/guarded-http-client';
import type { Resolver } from '../src/http/guarded-connector';
import { TEST_CERT_FINGERPRINT, sendJson, startHttpServer, startHttpsServer, type TestServer } from './helpers/servers';

const servers: TestServer[] = [];
const clients: GuardedHttpClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(options: Partial<GuardedHttpOptions> = {}): GuardedHttpClient {
  const c = new GuardedHttpClient({ allowPrivateNetwork: true, serverLabel: 'Jellyfin', ...options });
  clients.push(c);
  return c;
}

async function server(handler: Parameters<typeof startHttpServer>[0], https = false): Promise<TestServer> {
  const s = await (https ? startHttpsServer(handler) : startHttpServer(handler));
  servers.push(s);
  return s;
}

async function failure(promise: Promise<unknown>): Promise<MediaError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MediaError);
  return err as MediaError;
}

describe('guarded http client: address policy', () => {
  it('reaches a loopback server when private networks are allowed', async () => {
    const s = await server((_req, res) => sendJson(res, 200, { ok: true }));
    const res = await client().request({ url: `${s.url}/x` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({ ok: true });
  });

  it('refuses loopback when private networks are not allowed, before anything is sent', async () => {
    const s = await server((_req, res) => sendJson(res, 200, {}));
    const err = await failure(client({ allowPrivateNetwork: false }).request({ url: `${s.url}/x` }));
    expect(err.code).toBe('blocked_address');
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/loopback/);
    expect(s.requests).toHaveLength(0);
  });

  it('refuses IP-literal metadata and link-local hosts even with private networks allowed', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[fe80::1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://0.0.0.0:1/',
    ]) {
      const err = await failure(client().request({ url }));
      expect(err.code, url).toBe('blocked_address');
    }
  });

  it('refuses non-http schemes', async () => {
    const err = await failure(client().request({ url: 'file:///etc/passwd' }));
    expect(err.code).toBe('invalid_url');
  });

  it('checks the resolved address at connect time (DNS rebinding)', async () => {
    const s = await server((_req, res) => {
      res.setHeader('connection', 'close');
      sendJson(res, 200, { ok: true });
    });
    let calls = 0;
    // First resolution is harmless, the second (a new connection) points at the metadata service.
    const resolver: Resolver = async () =>
      ++calls === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '169.254.169.254', family: 4 }];
    const c = client({ resolver });
    const first = await c.request({ url: `http://media.test:${s.port}/a` });
    expect(first.status).toBe(200);
    const err = await failure(c.request({ url: `http://media.test:${s.port}/b` }));
    expect(err.code).toBe('blocked_address');
    expect(err.details).toMatchObject({ address: '169.254.169.254', host: 'media.test' });
    expect(calls).toBe(2);
    expect(s.requests.map((r) => r.url)).toEqual(['/a']);
  });

  it('connects only to the allowed addresses of a mixed DNS answer', async () => {
    const s = await server((_req, res) => sendJson(res, 200, { ok: true }));
    const resolver: Resolver = async () => [
      { address: '169.254.169.254', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const res = await client({ resolver }).request({ url: `http://media.test:${s.port}/` });
    expect(res.status).toBe(200);
  });

  it('maps an unknown host name to unreachable', async () => {
    const resolver: Resolver = async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    const err = await failure(client({ resolver }).request({ url: 'http://nowhere.test/' }));
    expect(err.code).toBe('unreachable');
    expect(err.retryable).toBe(false);
  });

  it('maps a refused connection to unreachable', async () => {
    const s = await server((_req, res) => sendJson(res, 200, {}));
    const url = `${s.url}/`;
    await s.close();
    servers.pop();
    const err = await failure(client().request({ url }));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/refused|unreachable/);
  });
});

describe('guarded http client: redirects', () => {
  it('follows redirects and drops credentials when the origin changes', async () => {
    const target = await server((_req, res) => sendJson(res, 200, { at: 'target' }));
    const origin = await server((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { location: '/same-origin' }).end();
      } else {
        res.writeHead(307, { location: `http://localhost:${target.port}/final` }).end();
      }
    });
    const res = await client().request({
      url: `${origin.url}/start`,
      headers: { authorization: 'secret', 'x-api-key': 'k' },
    });
    expect(JSON.parse(res.body.toString())).toEqual({ at: 'target' });
    expect(res.url).toBe(`http://localhost:${target.port}/final`);
    expect(origin.requests[1]?.headers.authorization).toBe('secret');
    expect(target.requests[0]?.headers.authorization).toBeUndefined();
    expect(target.requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('refuses a redirect to a blocked address', async () => {
    const s = await server((_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    );
    const err = await failure(client().request({ url: `${s.url}/` }));
    expect(err.code).toBe('blocked_address');
  });

  it('re-checks the address of every hop (redirect to a name that resolves to a blocked address)', async () => {
    const resolver: Resolver = async (host) => [
      { address: host === 'inside.test' ? '169.254.10.1' : '127.0.0.1', family: 4 },
    ];
    const s = await server((_req, res) => res.writeHead(302, { location: 'http://inside.test/secrets' }).end());
    const err = await failure(client({ resolver }).request({ url: `http://media.test:${s.port}/` }));
    expect(err.code).toBe('blocked_address');
    expect(err.details).toMatchObject({ host: 'inside.test', address: '169.254.10.1' });
    expect(s.requests).toHaveLength(1);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const s = await server((_req, res) => res.writeHead(301, { location: 'ftp://example.com/x' }).end());
    const err = await failure(client().request({ url: `${s.url}/` }));
    expect(err.code).toBe('invalid_url');
  });

  it('stops after the redirect limit', async () => {
    const s = await server((req, res) => res.writeHead(302, { location: `${req.url}x` }).end());
    const err = await failure(client({ maxRedirects: 5 }).request({ url: `${s.url}/` }));
    expect(err.code).toBe('http_error');
    expect(err.message).toMatch(/more than 5/);
    expect(s.requests).toHaveLength(6);
  });
});

describe('guarded http client: limits', () => {
  it('times out a server that never answers', async () => {
    const s = await server(() => {
      /* never answers */
    });
    const started = Date.now();
    const err = await failure(client({ timeoutMs: 150 }).request({ url: `${s.url}/` }));
    expect(err.code).toBe('timeout');
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/^Jellyfin at 127\.0\.0\.1:\d+ did not answer within 1 s$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a connection that cannot be opened (connect timeout)', async () => {
    // A resolver that never answers stands in for an unroutable host: the connect timer covers both.
    const resolver: Resolver = () => new Promise(() => undefined);
    const started = Date.now();
    const err = await failure(
      client({ resolver, connectTimeoutMs: 100, timeoutMs: 10_000 }).request({ url: 'http://slow.test/' }),
    );
    expect(err.code).toBe('timeout');
    expect(err.details?.errorCode).toBe('UND_ERR_CONNECT_TIMEOUT');
    expect(err.message).toBe('Jellyfin at slow.test did not accept a connection in time');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('passes a caller cancellation through instead of reporting a server fault', async () => {
    const s = await server(() => undefined);
    const controller = new AbortController();
    const pending = client().request({ url: `${s.url}/`, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('sync cancelled')), 20);
    await expect(pending).rejects.toThrow('sync cancelled');
  });

  it('times out a body that stalls halfway', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const err = await failure(client({ timeoutMs: 150 }).request({ url: `${s.url}/` }));
    expect(err.code).toBe('timeout');
  });

  it('aborts a response beyond the size limit (declared length)', async () => {
    const s = await server((_req, res) => res.end('x'.repeat(2048)));
    const err = await failure(client({ maxResponseBytes: 1024 }).request({ url: `${s.url}/` }));
    expect(err.code).toBe('too_large');
    expect(err.retryable).toBe(false);
    expect(err.message).toBe('Jellyfin sent a response larger than the 1 KiB limit');
  });

  it('aborts a chunked response beyond the size limit while streaming', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 8; i++) res.write('y'.repeat(512));
      res.end();
    });
    const err = await failure(client({ maxResponseBytes: 1024 }).request({ url: `${s.url}/` }));
    expect(err.code).toBe('too_large');
  });

  it('accepts a response exactly at the size limit', async () => {
    const s = await server((_req, res) => res.end('z'.repeat(1024)));
    const res = await client({ maxResponseBytes: 1024 }).request({ url: `${s.url}/` });
    expect(res.body.length).toBe(1024);
  });

  it('maps a connection reset to connection_reset (retryable)', async () => {
    const s = await server((req) => {
      req.socket.destroy();
    });
    const err = await failure(client().request({ url: `${s.url}/` }));
    expect(err.code).toBe('connection_reset');
    expect(err.retryable).toBe(true);
  });
});

describe('guarded http client: TLS', () => {
  it('rejects a self-signed certificate and reports its fingerprint for pinning', async () => {
    const s = await server((_req, res) => sendJson(res, 200, {}), true);
    const err = await failure(client().request({ url: `${s.url}/` }));
    expect(err.code).toBe('tls_error');
    expect(err.details?.fingerprint).toBe(TEST_CERT_FINGERPRINT);
    expect(err.message).toMatch(/pin/);
    expect(s.requests).toHaveLength(0);
  });

  it('accepts the self-signed certificate when its fingerprint is pinned (any case, no colons)', async () => {
    const s = await server((_req, res) => sendJson(res, 200, { tls: true }), true);
    const pin = TEST_CERT_FINGERPRINT.replace(/:/g, '').toLowerCase();
    const res = await client({ pinnedFingerprint: pin }).request({ url: `${s.url}/` });
    expect(JSON.parse(res.body.toString())).toEqual({ tls: true });
  });

  it('rejects a certificate that does not match the pin', async () => {
    const s = await server((_req, res) => sendJson(res, 200, {}), true);
    const err = await failure(client({ pinnedFingerprint: 'AA'.repeat(32) }).request({ url: `${s.url}/` }));
    expect(err.code).toBe('tls_error');
    expect(err.details).toMatchObject({ reason: 'fingerprint_mismatch', fingerprint: TEST_CERT_FINGERPRINT });
    expect(s.requests).toHaveLength(0);
  });

  it('accepts any certificate when verification is explicitly turned off', async () => {
    const s = await server((_req, res) => sendJson(res, 200, { ok: 1 }), true);
    const res = await client({ rejectUnauthorized: false }).request({ url: `${s.url}/` });
    expect(res.status).toBe(200);
  });
});
