import type { Logger } from '@mj/services';

/**
 * The bundled demo: a `demo`-scale Jellyfin + Jellyseerr simulator on ephemeral loopback ports (never
 * 8096/5055, where a user's real servers live), so a newcomer has something to connect to.
 */
export async function startDemoServers(log: Logger) {
  const { startSimulator } = await import('@mj/simulator');
  const sim = await startSimulator({ scale: 'demo', seed: 1, host: '127.0.0.1', jellyfinPort: 0, jellyseerrPort: 0 });
  log.info(
    { jellyfin: sim.jellyfin.url, jellyseerr: sim.jellyseerr.url },
    'demo media servers started (DEMO=false turns them off)',
  );
  return sim;
}
