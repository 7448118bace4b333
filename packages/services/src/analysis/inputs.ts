import { buildWhitelistMatcher, resolveSettings, type Library, type Settings, type WhitelistMatcher } from '@mj/core';
import { currentSnapshots, listNicknames, listWhitelistRows, loadSettingsOverrides } from '@mj/db';
import type { TenantContext } from '../context';
import { toCoreEntry } from '../whitelists/entry-mapping';

// What every evaluation of a tenant needs besides its snapshot: resolved settings, the whitelist
// matcher and the nickname map.

export type Scope = Pick<TenantContext, 'db' | 'tenantId'>;

export async function loadSettings(ctx: Scope): Promise<Settings> {
  return resolveSettings(await loadSettingsOverrides(ctx.db, ctx.tenantId));
}

/**
 * Request entries are left out: requests are stored unfiltered and hidden at read time (an expiring
 * entry then stops hiding its request exactly on time).
 */
export async function loadTitleMatcher(ctx: Scope, now: number): Promise<WhitelistMatcher> {
  const rows = await listWhitelistRows(ctx.db, ctx.tenantId);
  return buildWhitelistMatcher(rows.filter((row) => row.type !== 'request').map(toCoreEntry), now);
}

/** Keyed by Jellyfin user id and by Jellyseerr user id (as a string), as core `Nicknames`. */
export async function loadNicknames(ctx: Scope): Promise<Map<string, string>> {
  const rows = await listNicknames(ctx.db, ctx.tenantId);
  return new Map(rows.filter((row) => row.displayName.trim() !== '').map((row) => [row.userId, row.displayName]));
}

/** Jellyfin nicknames replace user names before the facts are derived, so `watchedBy` shows and sorts them. */
export function withNicknames(library: Library, nicknames: ReadonlyMap<string, string>): Library {
  return { ...library, users: library.users.map((user) => ({ ...user, name: nicknames.get(user.id) ?? user.name })) };
}

/** The inputs above and the tenant's snapshot pointers, read together: a recompute and a re-evaluation start here. */
export async function loadEvaluationInputs(ctx: Scope, now: number) {
  const [settings, pointers, matcher, nicknames] = await Promise.all([
    loadSettings(ctx),
    currentSnapshots(ctx.db, ctx.tenantId),
    loadTitleMatcher(ctx, now),
    loadNicknames(ctx),
  ]);
  return { settings, pointers, matcher, nicknames };
}
