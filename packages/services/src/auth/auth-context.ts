import type { ServiceContext } from '../context';
import type { Mailer } from './mailer';
import type { PasswordHasher } from './passwords';

export interface AuthSettings {
  hasher: PasswordHasher;
  mailer: Mailer;
  signupsEnabled: boolean;
  refreshTokenTtlMs: number;
  /** Where the web app lives, for links in mails. */
  publicUrl: string;
}

export interface AuthContext extends ServiceContext {
  auth: AuthSettings;
}

export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

export interface AuthUser {
  id: string;
  email: string;
  tenantId: string;
}

/** What an access token carries, checked against the database on every request. */
export interface AccessClaims {
  sub: string;
  tid: string;
  iat_ms: number;
  /** The user's token version when issued: a bump (logout, password change) refuses older tokens. */
  ver: number;
  /** The refresh family (session) it belongs to, so a password change can keep this session. */
  fam: string;
}
