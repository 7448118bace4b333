import type { FastifyRequest } from 'fastify';
import { hash32 } from '../core/prng';
import type { UserFacts } from '../data/users';

/** Every `MediaBrowser key="value"` pair of an Authorization header, keys in lower case. */
export function authorizationFields(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const m = header ? /^\s*(?:MediaBrowser|Emby)\s+(.*)$/i.exec(header) : null;
  if (!m) return out;
  for (const part of (m[1] ?? '').split(',')) {
    const kv = /^\s*([A-Za-z]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (kv) out[(kv[1] as string).toLowerCase()] = decodeURIComponent(kv[2] ?? '');
  }
  return out;
}

export function authorizationHeader(req: FastifyRequest): string | undefined {
  const v = req.headers.authorization ?? req.headers['x-emby-authorization'];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The simulated users' passwords. A simulator has no secrets worth hiding: each user's password is
 * its name, so a real client (Jellyseerr's setup) can sign in as `alice`/`alice`.
 */
export function simulatedPassword(user: Pick<UserFacts, 'name'>): string {
  return user.name;
}

export interface Session {
  token: string;
  user: UserFacts;
  client: string;
  device: string;
  deviceId: string;
  version: string;
}

/**
 * Access tokens handed out by `POST /Users/AuthenticateByName`. Like Jellyfin, a token acts as its
 * user; tokens are deterministic per seed and sign-in count so runs stay reproducible.
 */
export class Sessions {
  private readonly byToken = new Map<string, Session>();
  private issued = 0;

  constructor(private readonly seed: number) {}

  open(user: UserFacts, device: Omit<Session, 'token' | 'user'>): Session {
    const n = ++this.issued;
    const part = (k: number) => (hash32(this.seed, 0x5e55, n, k) >>> 0).toString(16).padStart(8, '0');
    const session = { token: `${part(1)}${part(2)}${part(3)}${part(4)}`, user, ...device };
    this.byToken.set(session.token, session);
    return session;
  }

  get(token: string | null): Session | null {
    return token ? (this.byToken.get(token) ?? null) : null;
  }
}
