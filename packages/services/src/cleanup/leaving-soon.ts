import { scheduledSummary, type Db } from '@mj/db';
import { JellyfinLibraryActions } from '@mj/media';
import { loadSettings } from '../analysis/inputs';
import { loadServerAccess } from '../connections/connections';
import type { Logger } from '../context';
import type { MediaDeps } from '../media-context';

/**
 * Keeps the "Leaving soon" Jellyfin collection equal to the scheduled set (RULES §9): created when
 * missing, then only the difference is sent. Off (`leavingSoonCollection: false`): nothing is touched.
 */
export async function refreshLeavingSoon(
  deps: MediaDeps & { db: Db; log: Logger },
  tenantId: string,
): Promise<{ added: number; removed: number } | null> {
  const settings = await loadSettings({ db: deps.db, tenantId });
  if (!settings.leavingSoonCollection) return null;
  const access = await loadServerAccess(deps, tenantId, 'jellyfin');
  if (!access) return null;
  const wanted = new Set((await scheduledSummary(deps.db, tenantId)).itemIds);
  const actions = new JellyfinLibraryActions({
    ...access,
    allowPrivateNetwork: deps.media.allowPrivateNetwork,
    concurrency: deps.media.concurrency,
    timeoutMs: deps.media.timeoutMs,
    ...(deps.media.retry ? { retry: deps.media.retry } : {}),
  });
  try {
    const name = settings.leavingSoonCollectionName;
    let id = await actions.findCollection(name);
    if (!id) {
      if (wanted.size === 0) return { added: 0, removed: 0 };
      id = await actions.createCollection(name);
    }
    const current = new Set(await actions.collectionItemIds(id));
    const add = [...wanted].filter((itemId) => !current.has(itemId));
    const remove = [...current].filter((itemId) => !wanted.has(itemId));
    if (add.length > 0) await actions.addToCollection(id, add);
    if (remove.length > 0) await actions.removeFromCollection(id, remove);
    return { added: add.length, removed: remove.length };
  } finally {
    await actions.close();
  }
}
