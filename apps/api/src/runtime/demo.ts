import type { Logger } from '@mj/services';

type Simulator = typeof import('@mj/simulator');
export type DemoServers = Awaited<ReturnType<Simulator['startSimulator']>>;

/** Loads the simulator. It is an optional dependency of the API: a production install may leave it out. */
const loadSimulator = (): Promise<Simulator> => import('@mj/simulator');

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/**
 * The bundled demo: a `demo`-scale Jellyfin + Jellyseerr + Radarr + Sonarr simulator on ephemeral
 * loopback ports (never 8096/5055/7878/8989, where a user's real servers live), so a newcomer has
 * something to connect to, and cleanup something to delete. Only embedded mode asks for it (config
 * turns DEMO off in production). The simulator is a test tool reached through this one dynamic import:
 * when it is not installed the app runs without a demo instead of failing to start.
 */
export async function startDemoServers(log: Logger, load = loadSimulator): Promise<DemoServers | undefined> {
  let simulator: Simulator;
  try {
    simulator = await load();
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    log.warn({ module: '@mj/simulator' }, 'the demo media servers are not installed: running without them');
    return undefined;
  }
  const sim = await simulator.startSimulator({
    scale: 'demo',
    seed: 1,
    host: '127.0.0.1',
    jellyfinPort: 0,
    jellyseerrPort: 0,
  });
  log.info(
    { jellyfin: sim.jellyfin.url, jellyseerr: sim.jellyseerr.url, radarr: sim.radarr.url, sonarr: sim.sonarr.url },
    'demo media servers started (DEMO=false turns them off)',
  );
  return sim;
}
