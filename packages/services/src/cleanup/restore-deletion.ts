import type { ArrItem } from '@mj/core';
import { isMediaError } from '@mj/media';
import { loadServerAccess } from '../connections/connections';
import { invalid, ServiceError } from '../errors';
import { radarrClient, sonarrClient, type MediaDeps } from '../media-context';
import { actOnDeletion, restorableDeletion, type CleanupContext } from './deletions';
import { toDeletionDto } from './deletion-view';

/**
 * Undo of a done deletion, within 30 days (RULES §9): the title is added back to Radarr/Sonarr with its
 * former quality profile, root folder, monitoring and tags, and a search is started. The files come back
 * only if they can be downloaded again.
 */
export async function restoreDeletion(ctx: CleanupContext & MediaDeps, id: string) {
  const row = await restorableDeletion(ctx, id);
  const item = row.arrItem as ArrItem | null;
  if (!item || (row.target !== 'radarr' && row.target !== 'sonarr'))
    throw invalid('not_restorable', 'There is no Radarr/Sonarr entry to add back.');
  const access = await loadServerAccess(ctx, ctx.tenantId, row.target);
  if (!access)
    throw invalid('not_connected', `Connect ${row.target === 'radarr' ? 'Radarr' : 'Sonarr'} again to restore.`);
  const client = row.target === 'radarr' ? radarrClient(ctx.media, access) : sonarrClient(ctx.media, access);
  let newId: number;
  try {
    newId =
      row.target === 'radarr'
        ? await (client as ReturnType<typeof radarrClient>).restoreMovie(item)
        : await (client as ReturnType<typeof sonarrClient>).restoreSeries(item);
  } catch (error) {
    if (isMediaError(error))
      throw new ServiceError('unavailable', 'restore_failed', `Could not add the title back: ${error.message}`);
    throw error;
  } finally {
    await client.close();
  }
  const now = ctx.clock.now();
  const restored = await actOnDeletion(ctx, row, now, {
    from: ['done'],
    to: 'done',
    action: 'restore',
    detail: { target: row.target, newArrId: newId },
    note: 'restored: added back and searching; the files come back when they can be downloaded again',
    set: { restoredAt: now },
  });
  return toDeletionDto(restored ?? row, now);
}
