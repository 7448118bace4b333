import { replaceArrItems, type Db } from '@mj/db';
import { isMediaError, type RequestHook } from '@mj/media';
import { loadServerAccess } from '../connections/connections';
import type { SecretBox } from '../crypto/secret-box';
import { radarrClient, sonarrClient, type MediaSettings } from '../media-context';
import type { RunProgress } from './progress';

// Each sync reads Radarr's movie list and Sonarr's series list (one call each, validated) and stores
// which *arr item holds each title, so deletion needs no lookup (RULES §9). Optional like Jellyseerr: a
// failure keeps the previous mapping and makes the run partial.

const LABEL = { radarr: 'Radarr', sonarr: 'Sonarr' } as const;

export async function fetchArrItems(opts: {
  db: Db;
  secrets: SecretBox;
  media: MediaSettings;
  tenantId: string;
  progress: RunProgress;
  onRequest: RequestHook;
  now: () => number;
}): Promise<{ counts: Record<string, number>; problems: string[] }> {
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  for (const app of ['radarr', 'sonarr'] as const) {
    let access;
    try {
      access = await loadServerAccess(opts, opts.tenantId, app);
    } catch (error) {
      problems.push(`${LABEL[app]}: ${(error as Error).message}`);
      continue;
    }
    if (!access) continue;
    await opts.progress.step(`Reading ${LABEL[app]}`);
    const client =
      app === 'radarr'
        ? radarrClient(opts.media, { ...access, onRequest: opts.onRequest })
        : sonarrClient(opts.media, { ...access, onRequest: opts.onRequest });
    try {
      const items = await client.listItems();
      await replaceArrItems(opts.db, opts.tenantId, app, items, opts.now());
      counts[app === 'radarr' ? 'radarrMovies' : 'sonarrSeries'] = items.length;
    } catch (error) {
      const why = isMediaError(error)
        ? error.code === 'unauthorized'
          ? 'rejected the API key'
          : error.message
        : 'could not be read';
      problems.push(`${LABEL[app]} ${why}; deletions use what the previous sync read.`);
    } finally {
      await client.close();
    }
  }
  return { counts, problems };
}
