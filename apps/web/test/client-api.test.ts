import { describe, expect, it } from 'vitest';
import { ClientApiError, createBrowserApi, SESSION_REFRESH_PATH } from '$lib/client/api';

const ORIGIN = 'http://web.test';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('the browser API client', () => {
  it('renews the session once on a 401 and retries the call with its body', async () => {
    const calls: string[] = [];
    let first = true;
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const body = request.method === 'POST' ? await request.text() : '';
      calls.push(`${request.method} ${request.url} ${body}`.trim());
      if (request.url === `${ORIGIN}${SESSION_REFRESH_PATH}`) return new Response(null, { status: 204 });
      if (first) {
        first = false;
        return json(401, { code: 'unauthorized', message: 'expired' });
      }
      return json(201, { id: 'w1' });
    }) as typeof fetch;

    const api = createBrowserApi({ fetch: fakeFetch, baseUrl: ORIGIN });
    const { data } = await api.POST('/api/whitelists/{type}', {
      params: { path: { type: 'content' } },
      body: { itemId: 'x' },
    });
    expect(data).toEqual({ id: 'w1' });
    expect(calls).toEqual([
      `POST ${ORIGIN}/api/whitelists/content {"itemId":"x"}`,
      `POST ${ORIGIN}/session/refresh`,
      `POST ${ORIGIN}/api/whitelists/content {"itemId":"x"}`,
    ]);
  });

  it('keeps the 401 when the session cannot be renewed', async () => {
    const fakeFetch = (async (input: RequestInfo | URL) =>
      String(input).endsWith(SESSION_REFRESH_PATH)
        ? new Response(null, { status: 401 })
        : json(401, { code: 'unauthorized', message: 'expired' })) as typeof fetch;
    const error = await createBrowserApi({ fetch: fakeFetch, baseUrl: ORIGIN })
      .GET('/api/auth/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('turns an API error body into a typed error', async () => {
    const fakeFetch = (async () => json(409, { code: 'duplicate', message: 'Already protected' })) as typeof fetch;
    const error = await createBrowserApi({ fetch: fakeFetch, baseUrl: ORIGIN })
      .POST('/api/whitelists/{type}', { params: { path: { type: 'content' } }, body: { itemId: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientApiError);
    expect(error).toMatchObject({ status: 409, code: 'duplicate', message: 'Already protected' });
  });

  it('reports a failed fetch as network_error', async () => {
    const fakeFetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await createBrowserApi({ fetch: fakeFetch, baseUrl: ORIGIN })
      .GET('/api/auth/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('reads a text/plain resource when asked to', async () => {
    const fakeFetch = (async () => new Response('3 new titles', { status: 200 })) as typeof fetch;
    const { data } = await createBrowserApi({ fetch: fakeFetch, baseUrl: ORIGIN }).GET('/api/recent/share', {
      parseAs: 'text',
    });
    expect(data).toBe('3 new titles');
  });
});
