import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '$lib/server/api-client';

function fakeFetch(respond: (request: Request) => Response | Promise<Response>) {
  const calls: Request[] = [];
  const fetch = (async (request: Request) => {
    calls.push(request);
    return respond(request);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const user = { id: 'u1', email: 'a@b.example', tenantId: 't1' };

function json(status: number, body: unknown, headers: [string, string][] = []) {
  return new Response(JSON.stringify(body), { status, headers: [['content-type', 'application/json'], ...headers] });
}

describe('the server-side API client', () => {
  it('sends the bearer token, JSON body and forwarded address to the internal URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user }));
    const api = createApiClient({
      baseUrl: 'http://127.0.0.1:3000',
      accessToken: 'tok',
      forwardedFor: '203.0.113.7',
      fetch,
    });
    await api.POST('/api/auth/register', { body: { email: 'a@b.example', password: 'long enough pw' } });
    const [call] = calls;
    expect(call?.url).toBe('http://127.0.0.1:3000/api/auth/register');
    expect(call?.method).toBe('POST');
    expect(await call?.text()).toBe('{"email":"a@b.example","password":"long enough pw"}');
    expect(call?.headers.get('authorization')).toBe('Bearer tok');
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(call?.headers.get('x-forwarded-for')).toBe('203.0.113.7');
  });

  it('builds path and query parameters from the typed call', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { items: [], total: 0 }));
    const api = createApiClient({ baseUrl: 'http://api', fetch });
    await api.DELETE('/api/whitelists/{type}/{id}', { params: { path: { type: 'content', id: 'a/b c' } } });
    await api.GET('/api/deletions', { params: { query: { status: 'done', pageSize: 200 } } });
    expect(calls.map((c) => c.url)).toEqual([
      'http://api/api/whitelists/content/a%2Fb%20c',
      'http://api/api/deletions?status=done&pageSize=200',
    ]);
  });

  it('sends no Authorization header without a token, and no content type without a body', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    await createApiClient({ baseUrl: 'http://api', fetch }).DELETE('/api/tokens/{id}', {
      params: { path: { id: 't1' } },
    });
    expect(calls[0]?.headers.get('authorization')).toBeNull();
    // Fastify answers 400 to an empty JSON body: a bodyless DELETE must not claim one.
    expect(calls[0]?.headers.get('content-type')).toBeNull();
  });

  it('returns the body and the raw answer (its Set-Cookie values)', async () => {
    const { fetch } = fakeFetch(() =>
      json(200, { accessToken: 'a', expiresIn: 900, user }, [
        ['set-cookie', 'mj_refresh=r1; Path=/api/auth; HttpOnly'],
        ['set-cookie', 'other=x'],
      ]),
    );
    const result = await createApiClient({ baseUrl: 'http://api', fetch }).POST('/api/auth/login', {
      body: { email: 'a@b.example', password: 'pw' },
    });
    expect(result.data).toEqual({ accessToken: 'a', expiresIn: 900, user });
    expect(result.response.headers.getSetCookie()).toEqual(['mj_refresh=r1; Path=/api/auth; HttpOnly', 'other=x']);
  });

  it('turns an error body into a typed ApiError', async () => {
    const details = [{ field: 'password', message: 'password must be at least 10 characters' }];
    const { fetch } = fakeFetch(() => json(400, { code: 'validation_error', message: 'Invalid body', details }));
    const error = await createApiClient({ baseUrl: 'http://api', fetch })
      .POST('/api/auth/register', { body: { email: 'a@b.example', password: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_error', message: 'Invalid body', details });
  });

  it('reports a non-JSON error as unknown with its status', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await createApiClient({ baseUrl: 'http://api', fetch })
      .GET('/api/auth/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'unknown' });
  });

  it('reports a success body that is not JSON as invalid_response', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>proxy page</html>', { status: 200 }));
    const error = await createApiClient({ baseUrl: 'http://api', fetch })
      .GET('/api/auth/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'invalid_response' });
  });

  it('reports a network failure as api_unreachable', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const error = await createApiClient({ baseUrl: 'http://api', fetch })
      .GET('/api/auth/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'api_unreachable' });
  });

  it('gives up on an API that does not answer within the timeout', async () => {
    // The fake never answers on its own: it ends only when the client's timeout aborts the request.
    const fetch = ((request: Request) =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      )) as typeof globalThis.fetch;
    const error = await createApiClient({ baseUrl: 'http://api', fetch, timeoutMs: 1 })
      .GET('/api/auth/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'api_unreachable' });
  });

  it('accepts an empty 204 body', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const result = await createApiClient({ baseUrl: 'http://api', fetch }).POST('/api/auth/logout', { body: {} });
    expect(result.response.status).toBe(204);
    expect(result.data).toBeUndefined();
  });

  it('withAccessToken acts for another token without changing the original client', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user }));
    const base = createApiClient({ baseUrl: 'http://api', accessToken: 'old', fetch });
    await base.withAccessToken('new').GET('/api/auth/me');
    await base.GET('/api/auth/me');
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer new', 'Bearer old']);
  });
});
