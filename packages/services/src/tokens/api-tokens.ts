import { deleteApiToken, insertApiToken, listApiTokens as listRows, newId, type ApiTokenRow } from '@mj/db';
import { isoOrNull, MAX_INSTANT_MS } from '@mj/core';
import type { TenantContext } from '../context';
import { invalid, notFound } from '../errors';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secrets';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  expiresAt: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

const view = (row: ApiTokenRow): ApiTokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: row.scope,
  expiresAt: isoOrNull(row.expiresAt),
  createdAt: new Date(row.createdAt).toISOString(),
  lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt).toISOString(),
});

function parseTokenExpiry(input: string | number | null | undefined, now: number): number | null {
  if (input === null || input === undefined) return null;
  const ms = typeof input === 'number' ? input : Date.parse(input);
  if (!Number.isFinite(ms) || ms <= now || ms > MAX_INSTANT_MS)
    throw invalid('validation_error', 'expiresAt must be a date in the future', [
      { field: 'expiresAt', message: 'must be a date in the future' },
    ]);
  return ms;
}

/** The secret is returned once, here; only its hash is stored. */
export async function createApiToken(
  ctx: TenantContext,
  input: { name: string; scope?: 'read' | 'write'; expiresAt?: string | number | null },
) {
  const now = ctx.clock.now();
  const expiresAt = parseTokenExpiry(input.expiresAt, now);
  const token = newSecret(API_TOKEN_PREFIX);
  const row = {
    id: newId(now),
    userId: ctx.userId,
    tenantId: ctx.tenantId,
    name: input.name,
    tokenHash: hashSecret(token),
    prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    scope: input.scope ?? 'read',
    expiresAt,
    lastUsedAt: null,
    createdAt: now,
  };
  await insertApiToken(ctx.db, row);
  return { ...view(row), token };
}

export async function listApiTokens(ctx: TenantContext): Promise<ApiTokenView[]> {
  return (await listRows(ctx.db, ctx.tenantId, ctx.userId)).map(view);
}

export async function revokeApiToken(ctx: TenantContext, id: string): Promise<void> {
  if (!(await deleteApiToken(ctx.db, ctx.tenantId, ctx.userId, id))) {
    throw notFound('not_found', 'No such API token.');
  }
}
