import type { MediaLibraryList } from '@mj/contracts';
import { listMediaLibraries } from '@mj/db';
import type { TenantContext } from '../context';

/** The Jellyfin libraries of the tenant's last successful sync (ids for `includedLibraries`). */
export async function mediaLibraries(ctx: TenantContext): Promise<MediaLibraryList> {
  return { items: await listMediaLibraries(ctx.db, ctx.tenantId) };
}
