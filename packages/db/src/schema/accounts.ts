import type { Kit } from '../kit';
import { tenantRef, userRef } from './columns';

export type Tenants = ReturnType<typeof defineAccounts>['tenants'];

// A tenant owns all data; users reach tenants through memberships so a tenant can have several members
// later (today: one account = one tenant, role 'owner').
export function defineAccounts(k: Kit) {
  const tenants = k.table('tenants', {
    id: k.id(),
    name: k.text('name').notNull(),
    createdAt: k.big('created_at').notNull(),
  });

  const users = k.table(
    'users',
    {
      id: k.id(),
      email: k.text('email').notNull(),
      passwordHash: k.text('password_hash').notNull(),
      createdAt: k.big('created_at').notNull(),
      passwordChangedAt: k.big('password_changed_at').notNull(),
      /** Access tokens issued before this instant are refused (log out everywhere, password reset). */
      sessionsValidAfter: k.big('sessions_valid_after').notNull(),
      /**
       * Carried in every access token and checked on each request; bumped by logout, password change
       * and reset, so every older access token fails at once (even one issued in the same millisecond).
       */
      tokenVersion: k.int('token_version').notNull().default(0),
    },
    (t) => [k.uniqueIndex('users_email_uq').on(t.email)],
  );

  const memberships = k.table(
    'memberships',
    {
      tenantId: tenantRef(k, tenants),
      userId: userRef(k, users),
      role: k.text('role').notNull(),
      createdAt: k.big('created_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.tenantId, t.userId] }), k.index('memberships_user_idx').on(t.userId)],
  );

  // Rotating refresh tokens: each login starts a family; every refresh replaces the token; presenting a
  // token that was already rotated means it leaked, so the whole family is revoked.
  const refreshTokens = k.table(
    'refresh_tokens',
    {
      id: k.id(),
      userId: userRef(k, users),
      familyId: k.text('family_id').notNull(),
      tokenHash: k.text('token_hash').notNull(),
      expiresAt: k.big('expires_at').notNull(),
      rotatedAt: k.big('rotated_at'),
      revokedAt: k.big('revoked_at'),
      createdAt: k.big('created_at').notNull(),
    },
    (t) => [
      k.uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash),
      k.index('refresh_tokens_family_idx').on(t.familyId),
      k.index('refresh_tokens_user_idx').on(t.userId),
    ],
  );

  const apiTokens = k.table(
    'api_tokens',
    {
      id: k.id(),
      userId: userRef(k, users),
      tenantId: tenantRef(k, tenants),
      name: k.text('name').notNull(),
      tokenHash: k.text('token_hash').notNull(),
      /** First characters of the token, shown in lists so the user can tell tokens apart. */
      prefix: k.text('prefix').notNull(),
      /** `read`: GET only; `write`: also changes data. Neither may manage tokens or the account. */
      scope: k.text('scope').$type<'read' | 'write'>().notNull().default('read'),
      /** Null: never expires. */
      expiresAt: k.big('expires_at'),
      lastUsedAt: k.big('last_used_at'),
      createdAt: k.big('created_at').notNull(),
    },
    (t) => [k.uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), k.index('api_tokens_tenant_idx').on(t.tenantId)],
  );

  const passwordResets = k.table(
    'password_resets',
    {
      id: k.id(),
      userId: userRef(k, users),
      tokenHash: k.text('token_hash').notNull(),
      expiresAt: k.big('expires_at').notNull(),
      usedAt: k.big('used_at'),
      createdAt: k.big('created_at').notNull(),
    },
    (t) => [k.uniqueIndex('password_resets_hash_uq').on(t.tokenHash)],
  );

  // Failed-attempt counters for the per-account back-off (login, current-password checks, reset
  // requests). Keyed by purpose and account (`login:<email>`, `password:<userId>`, `reset:<email>`), so
  // it holds whatever IP the attempts come from and says nothing about whether an email exists.
  const authThrottles = k.table('auth_throttles', {
    key: k.text('key').primaryKey(),
    failures: k.int('failures').notNull(),
    lockedUntil: k.big('locked_until').notNull(),
    updatedAt: k.big('updated_at').notNull(),
  });

  return { tenants, users, memberships, refreshTokens, apiTokens, passwordResets, authThrottles };
}
