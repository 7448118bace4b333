import type { Logger } from '@mj/services';

/**
 * The bundled demo: a `demo`-scale Jellyfin + Jellyseerr + Radarr + Sonarr simulator on ephemeral
 * loopback ports (never 8096/5055/7878/8989, where a user's real servers live), so a newcomer has
 * something to connect to, and cleanup something to delete.
 */
export async function startDemoServers(log: Logger) {
  const { startSimulator } = await import('@mj/simulator');
  const sim = await startSimulator({ scale: 'demo', seed: 1, host: '127.0.0.1', jellyfinPort: 0, jellyseerrPort: 0 });
  log.info(
    { jellyfin: sim.jellyfin.url, jellyseerr: sim.jellyseerr.url, radarr: sim.radarr.url, sonarr: sim.sonarr.url },
    'demo media servers started (DEMO=false turns them off)',
  );
  return sim;
}
