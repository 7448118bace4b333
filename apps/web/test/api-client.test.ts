import { LoginResponse, MeResponse } from '@mj/contracts';
import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '$lib/server/api-client';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return respond();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const user = { id: 'u1', email: 'a@b.example', tenantId: 't1' };

function json(status: number, body: unknown, headers: [string, string][] = []) {
  return new Response(JSON.stringify(body), { status, headers: [['content-type', 'application/json'], ...headers] });
}

describe('ApiClient', () => {
  it('sends the bearer token, JSON body and forwarded address to the internal URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user }));
    const api = new ApiClient({
      baseUrl: 'http://127.0.0.1:3000',
      accessToken: 'tok',
      forwardedFor: '203.0.113.7',
      fetch,
    });
    await api.post('/api/things', { a: 1 });
    const [call] = calls;
    expect(call?.url).toBe('http://127.0.0.1:3000/api/things');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe('{"a":1}');
    const headers = call?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-forwarded-for']).toBe('203.0.113.7');
  });

  it('sends no Authorization header without a token', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user }));
    await new ApiClient({ baseUrl: 'http://api', fetch }).get('/api/auth/me', MeResponse);
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('parses a success body with the contract and returns Set-Cookie values', async () => {
    const { fetch } = fakeFetch(() =>
      json(200, { accessToken: 'a', expiresIn: 900, user, extra: 'dropped' }, [
        ['set-cookie', 'mj_refresh=r1; Path=/api/auth; HttpOnly'],
        ['set-cookie', 'other=x'],
      ]),
    );
    const result = await new ApiClient({ baseUrl: 'http://api', fetch }).post('/api/auth/login', {}, LoginResponse);
    expect(result.data).toEqual({ accessToken: 'a', expiresIn: 900, user });
    expect(result.setCookies).toEqual(['mj_refresh=r1; Path=/api/auth; HttpOnly', 'other=x']);
  });

  it('turns an error body into a typed ApiError', async () => {
    const details = [{ field: 'password', message: 'password must be at least 10 characters' }];
    const { fetch } = fakeFetch(() => json(400, { code: 'validation_error', message: 'Invalid body', details }));
    const error = await new ApiClient({ baseUrl: 'http://api', fetch }).post('/api/auth/register', {}).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_error', message: 'Invalid body', details });
  });

  it('reports a non-JSON error as unknown with its status', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await new ApiClient({ baseUrl: 'http://api', fetch }).get('/api/auth/me', MeResponse).catch((e) => e);
    expect(error).toMatchObject({ status: 502, code: 'unknown' });
  });

  it('rejects a success body that breaks the contract', async () => {
    const { fetch } = fakeFetch(() => json(200, { user: { id: 1 } }));
    const error = await new ApiClient({ baseUrl: 'http://api', fetch }).get('/api/auth/me', MeResponse).catch((e) => e);
    expect(error).toMatchObject({ status: 502, code: 'invalid_response' });
  });

  it('reports a network failure as api_unreachable', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const error = await new ApiClient({ baseUrl: 'http://api', fetch }).get('/api/auth/me', MeResponse).catch((e) => e);
    expect(error).toMatchObject({ status: 503, code: 'api_unreachable' });
  });

  it('accepts an empty 204 body without a schema', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const result = await new ApiClient({ baseUrl: 'http://api', fetch }).post('/api/auth/logout', {});
    expect(result.status).toBe(204);
    expect(result.data).toBeUndefined();
  });

  it('withAccessToken acts for another token without changing the original client', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user }));
    const base = new ApiClient({ baseUrl: 'http://api', accessToken: 'old', fetch });
    await base.withAccessToken('new').get('/api/auth/me', MeResponse);
    await base.get('/api/auth/me', MeResponse);
    expect(calls.map((c) => (c.init.headers as Record<string, string>).authorization)).toEqual([
      'Bearer new',
      'Bearer old',
    ]);
  });
});
