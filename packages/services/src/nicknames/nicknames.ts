import type { Nickname, NicknamesPut } from '@mj/contracts';
import { currentSnapshots, listNicknames, loadServerUsers, replaceNicknames } from '@mj/db';
import type { TenantContext } from '../context';
import { recomputeTenant } from '../analysis/recompute-tenant';

// Display names for the servers' users, prefilled from the current snapshots; a change re-evaluates
// the tenant (requester names and watchers are stored in the rows).

async function serverUsers(ctx: TenantContext) {
  const users = await loadServerUsers(ctx.db, ctx.tenantId, await currentSnapshots(ctx.db, ctx.tenantId));
  return [
    ...users.jellyfin.map((user) => ({ source: 'jellyfin' as const, userId: user.id, serverName: user.name })),
    ...users.jellyseerr.map((user) => ({
      source: 'jellyseerr' as const,
      userId: String(user.id),
      serverName: user.name,
    })),
  ];
}

export async function getNicknames(ctx: TenantContext): Promise<Nickname[]> {
  const [users, stored] = await Promise.all([serverUsers(ctx), listNicknames(ctx.db, ctx.tenantId)]);
  const chosen = new Map(stored.map((row) => [`${row.source}:${row.userId}`, row.displayName]));
  const items: Nickname[] = users.map((user) => ({
    ...user,
    displayName: chosen.get(`${user.source}:${user.userId}`) ?? user.serverName ?? '',
  }));
  // Nicknames of users no longer on the servers stay visible (and editable) until removed.
  const known = new Set(users.map((user) => `${user.source}:${user.userId}`));
  for (const row of stored)
    if (!known.has(`${row.source}:${row.userId}`))
      items.push({ source: row.source, userId: row.userId, serverName: null, displayName: row.displayName });
  return items.sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      a.displayName.localeCompare(b.displayName) ||
      a.userId.localeCompare(b.userId),
  );
}

/**
 * Replaces the nickname map. Only users the tenant has (on its servers now, or already nicknamed) are
 * kept: an id from elsewhere (another tenant's user, a typo) is ignored rather than stored.
 */
export async function putNicknames(ctx: TenantContext, body: NicknamesPut): Promise<Nickname[]> {
  const [users, stored] = await Promise.all([serverUsers(ctx), listNicknames(ctx.db, ctx.tenantId)]);
  const serverName = new Map(users.map((user) => [`${user.source}:${user.userId}`, user.serverName]));
  const known = new Set([...serverName.keys(), ...stored.map((row) => `${row.source}:${row.userId}`)]);
  const rows = new Map<string, { source: 'jellyfin' | 'jellyseerr'; userId: string; displayName: string }>();
  for (const item of body.items) {
    const key = `${item.source}:${item.userId}`;
    if (!known.has(key)) continue;
    // A blank name, or the server's own name, is no nickname: the server name keeps following renames.
    if (item.displayName === '' || item.displayName === serverName.get(key)) rows.delete(key);
    else rows.set(key, item);
  }
  await replaceNicknames(ctx.db, ctx.tenantId, [...rows.values()]);
  await recomputeTenant(ctx);
  return getNicknames(ctx);
}
