import { afterEach, describe, expect, it } from 'vitest';
import { MediaError } from '../src/errors';
import { toMediaError } from '../src/http/error-mapping';
import type { Resolver } from '../src/http/guarded-connector';
import { GuardedHttpClient } from '../src/http/guarded-http-client';

// Issue 10: in SaaS mode (ALLOW_PRIVATE_NETWORK=false) error messages never show a resolved address,
// and a closed port looks exactly like an open one that does not speak HTTP.

const clients: GuardedHttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

async function failure(promise: Promise<unknown>): Promise<MediaError> {
  const err = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MediaError);
  return err as MediaError;
}

const client = (allowPrivateNetwork: boolean, resolver?: Resolver) => {
  const c = new GuardedHttpClient({ allowPrivateNetwork, serverLabel: 'Jellyfin', resolver, timeoutMs: 2000 });
  clients.push(c);
  return c;
};

describe('SaaS mode: error messages never show a resolved address', () => {
  const internal: Resolver = async () => [{ address: '10.20.30.40', family: 4 }];

  it('a name resolving to a private address is refused without naming the address', async () => {
    const err = await failure(client(false, internal).request({ url: 'http://media.internal:8096/System/Info' }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain('media.internal');
    expect(`${err.message} ${JSON.stringify(err.details)}`).not.toContain('10.20.30.40');
  });

  it('embedded mode (LAN allowed) still shows it, to help the owner', async () => {
    const metadata: Resolver = async () => [{ address: '169.254.169.254', family: 4 }];
    const err = await failure(client(true, metadata).request({ url: 'http://media.internal:8096/' }));
    expect(err.message).toContain('169.254.169.254');
  });
});

describe('SaaS mode: closed and open ports give the same error code', () => {
  const context = (distinguish: boolean) => ({
    serverLabel: 'Jellyfin',
    host: 'media.example.com:22',
    timedOut: false,
    timeoutMs: 15_000,
    distinguishConnectionFailures: distinguish,
  });
  const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  const notHttp = Object.assign(new Error('Expected HTTP/'), { code: 'HPE_INVALID_CONSTANT' });
  const connectTimeout = Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' });

  it('refused, reset, not-HTTP and connect timeouts all read as one "unreachable"', () => {
    const answers = [refused, reset, notHttp, connectTimeout].map((e) => toMediaError(e, context(false)));
    expect(new Set(answers.map((a) => a.code))).toEqual(new Set(['unreachable']));
    expect(new Set(answers.map((a) => a.message)).size).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.details))).size).toBe(1);
  });

  it('a LAN deployment keeps them apart', () => {
    const answers = [refused, reset, notHttp, connectTimeout].map((e) => toMediaError(e, context(true)));
    expect(answers.map((a) => a.code)).toEqual(['unreachable', 'connection_reset', 'unreachable', 'timeout']);
    expect(new Set(answers.map((a) => a.message)).size).toBe(4);
  });
});
