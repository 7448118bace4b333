import { hash32, Rng, Stream } from './core/prng';
import type { GenContext } from './data/context';
import { Library } from './data/library';
import type { ChangeScript, ChangeSummary } from './data/script';
import { applyChangeScript } from './data/script';
import type { Scale, ScaleCounts } from './data/scale';
import { resolveScale } from './data/scale';
import type { SeerrProfile } from './data/seerr';
import { generateSeerr } from './data/seerr';
import { TitleSequence } from './data/titles';
import { makeUsers } from './data/users';
import type { FaultConfig } from './http/faults';
import type { RequestStats } from './http/stats';
import { JellyfinSim } from './jellyfin/server';
import type { JellyfinProfile } from './jellyfin/profiles';
import { JellyseerrSim } from './jellyseerr/server';
import { RadarrSim } from './arr/radarr';
import { SonarrSim } from './arr/sonarr';
import type { GroundTruth } from './truth/index';
import { computeTruth } from './truth/index';

export interface SimulatorOptions {
  scale: Scale;
  seed?: number;
  /** Reference date every generated date is relative to; default: now. */
  now?: Date | number;
  host?: string;
  /** 0 (default) = an ephemeral port. */
  jellyfinPort?: number;
  jellyseerrPort?: number;
  radarrPort?: number;
  sonarrPort?: number;
  jellyfinProfile?: JellyfinProfile;
  jellyseerrProfile?: SeerrProfile;
  /** Fixed latency added to every answer of both servers. */
  latencyMs?: number;
  /** Initial faults, applied to both servers. */
  faults?: FaultConfig;
}

export type ServerName = 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr';

export interface Simulator {
  jellyfin: { url: string; apiKey: string; serverId: string };
  jellyseerr: { url: string; apiKey: string };
  radarr: { url: string; apiKey: string };
  sonarr: { url: string; apiKey: string };
  /** Import exclusions and commands (searches) Radarr/Sonarr received, for tests. */
  arr: { radarr: RadarrSim; sonarr: SonarrSim };
  /** Jellyfin's collections ("Leaving soon"), for tests. */
  collections(): { id: string; name: string; itemIds: string[] }[];
  seed: number;
  counts: ScaleCounts;
  /** The reference date (ms). */
  now: number;
  users: { id: string; name: string }[];
  setFaults(server: ServerName, faults: FaultConfig): void;
  stats(): RequestStats;
  resetStats(): void;
  /** Ground truth under the default settings, for `now` (default: the reference date). */
  truth(now?: number | Date): GroundTruth;
  /** The API key stops working (401 on Jellyfin, 403 on Jellyseerr) until restored. */
  revokeApiKey(server: ServerName): void;
  restoreApiKey(server: ServerName): void;
  /** /movie/{id} and /tv/{id} answer the 500s of a server without TMDB access. */
  setDetailsOffline(offline: { movie?: boolean; tv?: boolean }): void;
  /** Library mutations, e.g. between two pages of a sync. */
  addMovies(n: number): void;
  removeMovies(n: number): void;
  /** Scripted changes between two syncs (additions, removals, re-downloads, stream changes, plays). */
  applyChanges(script: ChangeScript): ChangeSummary;
  /** Jellyfin restarts, optionally upgraded to another version (System/Info changes). */
  restartJellyfin(o?: { version?: string }): void;
  memory(): { rssMb: number };
  close(): Promise<void>;
}

function apiKeys(seed: number) {
  const hex = (k: number) => hash32(seed, Stream.id, 0xa91, k).toString(16).padStart(8, '0');
  const jellyfin = `${hex(1)}${hex(2)}${hex(3)}${hex(4)}`;
  const bytes = Buffer.alloc(48);
  for (let i = 0; i < 12; i++) bytes.writeUInt32BE(hash32(seed, Stream.id, 0xb52, i), i * 4);
  const arrKey = (salt: number) =>
    Array.from({ length: 4 }, (_, k) => hash32(seed, Stream.id, salt, k).toString(16).padStart(8, '0')).join('');
  return { jellyfin, jellyseerr: bytes.toString('base64'), radarr: arrKey(0xc63), sonarr: arrKey(0xd74) };
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const seed = opts.seed ?? 1;
  const now = opts.now === undefined ? Date.now() : new Date(opts.now).getTime();
  const counts = resolveScale(opts.scale);
  const ctx: GenContext = {
    seed,
    now,
    counts,
    users: makeUsers(seed, counts.users, now),
    titles: new TitleSequence(counts.movies, counts.series),
  };
  const library = new Library(ctx);
  const seerrData = generateSeerr(library, opts.jellyseerrProfile ?? 'jellyseerr-2.7');
  const keys = apiKeys(seed);
  const driftRng = new Rng(seed, Stream.fault, 3);
  const removeMovies = (n: number) => {
    for (let k = 0; k < n && library.movieCount > 0; k++) library.removeMovie(driftRng.int(0, library.movieCount - 1));
  };

  let jellyfinUrl = '';
  const jellyfin: JellyfinSim = new JellyfinSim({
    library,
    profile: opts.jellyfinProfile ?? '10.11',
    apiKey: keys.jellyfin,
    onItemsPage: () => {
      const drift = jellyfin.server.getFaults().drift;
      if (drift?.addPerPage) library.addMovies(drift.addPerPage);
      if (drift?.removePerPage) removeMovies(drift.removePerPage);
    },
  });
  const jellyseerr = new JellyseerrSim({
    library,
    data: seerrData,
    apiKey: keys.jellyseerr,
    urls: () => ({ jellyfinUrl, serverId: jellyfin.serverId }),
  });
  const radarr = new RadarrSim(library, keys.radarr);
  const sonarr = new SonarrSim(library, keys.sonarr);
  const truth = (at?: number | Date) =>
    computeTruth(library, seerrData, at === undefined ? now : new Date(at).getTime(), jellyseerr.detailsOffline);

  for (const sim of [radarr.server, sonarr.server]) {
    sim.baseLatencyMs = opts.latencyMs ?? 0;
    if (opts.faults) sim.setFaults(opts.faults);
  }
  for (const sim of [jellyfin.server, jellyseerr.server]) {
    sim.baseLatencyMs = opts.latencyMs ?? 0;
    if (opts.faults) sim.setFaults(opts.faults);
    sim.app.get('/__sim/truth', async (req, reply) => {
      const at = (req.query as { now?: string }).now;
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify(truth(at ? Date.parse(at) : undefined)));
    });
  }
  const serverOf = (name: ServerName) => ({ jellyfin, jellyseerr, radarr, sonarr })[name];
  for (const [name, sim] of [
    ['jellyfin', jellyfin.server],
    ['jellyseerr', jellyseerr.server],
    ['radarr', radarr.server],
    ['sonarr', sonarr.server],
  ] as const) {
    sim.app.post('/__sim/revoke', async () => (serverOf(name).revokeApiKey(), { ok: true }));
    sim.app.post('/__sim/restore', async () => (serverOf(name).restoreApiKey(), { ok: true }));
  }
  jellyseerr.server.app.put('/__sim/details-offline', async (req) => {
    Object.assign(jellyseerr.detailsOffline, req.body ?? {});
    return jellyseerr.detailsOffline;
  });
  let batches = 0;
  const applyChanges = (script: ChangeScript) => applyChangeScript(library, script, batches++);
  jellyfin.server.app.post('/__sim/mutate', async (req) => {
    const body = (req.body ?? {}) as ChangeScript;
    // `remove` keeps its historical meaning (paging drift picks); the rest is the change script.
    const { remove, ...rest } = body;
    removeMovies(remove ?? 0);
    return applyChanges(rest);
  });

  const host = opts.host ?? '127.0.0.1';
  try {
    jellyfinUrl = await jellyfin.server.listen(host, opts.jellyfinPort ?? 0);
    jellyfin.address = jellyfinUrl;
    const jellyseerrUrl = await jellyseerr.server.listen(host, opts.jellyseerrPort ?? 0);
    const radarrUrl = await radarr.server.listen(host, opts.radarrPort ?? 0);
    const sonarrUrl = await sonarr.server.listen(host, opts.sonarrPort ?? 0);
    return {
      jellyfin: { url: jellyfinUrl, apiKey: keys.jellyfin, serverId: jellyfin.serverId },
      jellyseerr: { url: jellyseerrUrl, apiKey: keys.jellyseerr },
      radarr: { url: radarrUrl, apiKey: keys.radarr },
      sonarr: { url: sonarrUrl, apiKey: keys.sonarr },
      arr: { radarr, sonarr },
      collections: () => jellyfin.collections.all().map((c) => ({ ...c, itemIds: jellyfin.collections.members(c.id) })),
      seed,
      counts,
      now,
      users: ctx.users.map((u) => ({ id: u.id, name: u.name })),
      setFaults: (server, faults) => serverOf(server).server.setFaults(faults),
      stats: () => ({
        jellyfin: jellyfin.server.stats.snapshot(),
        jellyseerr: jellyseerr.server.stats.snapshot(),
        radarr: radarr.server.stats.snapshot(),
        sonarr: sonarr.server.stats.snapshot(),
      }),
      resetStats: () => {
        for (const sim of [jellyfin, jellyseerr, radarr, sonarr]) sim.server.stats.reset();
      },
      truth,
      revokeApiKey: (server) => serverOf(server).revokeApiKey(),
      restoreApiKey: (server) => serverOf(server).restoreApiKey(),
      setDetailsOffline: (offline) => Object.assign(jellyseerr.detailsOffline, offline),
      addMovies: (n) => library.addMovies(n),
      removeMovies,
      applyChanges,
      restartJellyfin: (options) => jellyfin.restart(options?.version),
      memory: () => ({ rssMb: process.memoryUsage.rss() / 2 ** 20 }),
      close: async () => {
        await Promise.all([jellyfin, jellyseerr, radarr, sonarr].map((sim) => sim.server.close()));
      },
    };
  } catch (err) {
    await Promise.allSettled([jellyfin, jellyseerr, radarr, sonarr].map((sim) => sim.server.close()));
    throw err;
  }
}
