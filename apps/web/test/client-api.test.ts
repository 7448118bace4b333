import { describe, expect, it } from 'vitest';
import { callApi, ClientApiError, SESSION_REFRESH_PATH } from '$lib/client/api';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('callApi', () => {
  it('renews the session once on a 401 and retries the call', async () => {
    const calls: string[] = [];
    let first = true;
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method} ${String(input)}`);
      if (String(input) === SESSION_REFRESH_PATH) return new Response(null, { status: 204 });
      if (first) {
        first = false;
        return json(401, { code: 'unauthorized', message: 'expired' });
      }
      return json(201, { id: 'w1' });
    }) as typeof fetch;

    const result = await callApi<{ id: string }>('/api/whitelists/content', {
      method: 'POST',
      body: { itemId: 'x' },
      fetch: fakeFetch,
    });
    expect(result).toEqual({ id: 'w1' });
    expect(calls).toEqual(['POST /api/whitelists/content', 'POST /session/refresh', 'POST /api/whitelists/content']);
  });

  it('turns an API error body into a typed error', async () => {
    const fakeFetch = (async () => json(409, { code: 'duplicate', message: 'Already protected' })) as typeof fetch;
    const error = await callApi('/api/whitelists/content', { method: 'POST', body: {}, fetch: fakeFetch }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ClientApiError);
    expect(error).toMatchObject({ status: 409, code: 'duplicate', message: 'Already protected' });
  });

  it('reports a body that does not match the contract', async () => {
    const fakeFetch = (async () => json(200, { nope: true })) as typeof fetch;
    const schema = {
      safeParse: (data: unknown) =>
        typeof data === 'object' && data !== null && 'id' in data
          ? { success: true as const, data: data as { id: string } }
          : { success: false as const, error: { message: 'id missing' } },
    };
    await expect(callApi('/api/x', { schema, fetch: fakeFetch })).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
