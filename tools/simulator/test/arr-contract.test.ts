import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { arrValidator, jfJson, start } from './helpers';

// Radarr v3 / Sonarr v3 simulators: answers valid under the official API descriptions, consistent with
// the Jellyfin library (same provider ids), and deleting there removes the items from Jellyfin.

type Json = any;

async function arr(sim: Simulator, app: 'radarr' | 'sonarr', path: string, init: RequestInit = {}) {
  return fetch(`${sim[app].url}/api/v3${path}`, {
    ...init,
    headers: {
      'X-Api-Key': sim[app].apiKey,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.headers ?? {}),
    },
  });
}
const get = async (sim: Simulator, app: 'radarr' | 'sonarr', path: string): Promise<Json> => {
  const res = await arr(sim, app, path);
  expect(res.status, path).toBe(200);
  return res.json();
};

describe('Radarr and Sonarr simulators', () => {
  let sim: Simulator;
  const radarr = arrValidator('radarr');
  const sonarr = arrValidator('sonarr');
  beforeAll(async () => {
    sim = await start({ seed: 3 });
  });
  afterAll(() => sim.close());

  it('answer valid responses under the official API descriptions', async () => {
    expect(radarr('/api/v3/system/status', await get(sim, 'radarr', '/system/status'))).toBeNull();
    expect(sonarr('/api/v3/system/status', await get(sim, 'sonarr', '/system/status'))).toBeNull();
    const movies = await get(sim, 'radarr', '/movie');
    expect(movies.length).toBeGreaterThan(10);
    expect(radarr('/api/v3/movie', movies)).toBeNull();
    const series = await get(sim, 'sonarr', '/series');
    expect(series.length).toBeGreaterThan(3);
    expect(sonarr('/api/v3/series', series)).toBeNull();
    const files = await get(sim, 'sonarr', `/episodefile?seriesId=${series[0].id}`);
    expect(files.length).toBeGreaterThan(0);
    expect(sonarr('/api/v3/episodefile', files)).toBeNull();
    // The validator rejects a wrong body.
    expect(radarr('/api/v3/movie', [{ id: 'one' }])).not.toBeNull();
  });

  it('need the API key (header or apikey query)', async () => {
    expect((await fetch(`${sim.radarr.url}/api/v3/movie`)).status).toBe(401);
    expect((await fetch(`${sim.sonarr.url}/api/v3/series?apikey=${sim.sonarr.apiKey}`)).status).toBe(200);
  });

  it('hold the Jellyfin titles under the same provider ids, one in ten left unmanaged', async () => {
    const items = (
      await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie,Series&Fields=ProviderIds&Limit=100000')
    ).Items as Json[];
    const movies = await get(sim, 'radarr', '/movie');
    const byTmdb = new Map(items.filter((i) => i.Type === 'Movie').map((i) => [i.ProviderIds?.Tmdb, i]));
    for (const m of movies) expect(byTmdb.get(String(m.tmdbId))?.Name, String(m.tmdbId)).toBe(m.title);
    const withTmdb = items.filter((i) => i.Type === 'Movie' && i.ProviderIds?.Tmdb).length;
    expect(movies.length).toBeLessThan(withTmdb);
    const series = await get(sim, 'sonarr', '/series');
    const byTvdb = new Map(items.filter((i) => i.Type === 'Series').map((i) => [i.ProviderIds?.Tvdb, i]));
    for (const s of series) expect(byTvdb.get(String(s.tvdbId))?.Name).toBe(s.title);
  });

  it('deleting a movie with its files removes it from Jellyfin; 404 the second time', async () => {
    const [movie] = await get(sim, 'radarr', '/movie');
    const jellyfinIds = async () =>
      new Set(
        (
          (await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie&Fields=ProviderIds&Limit=100000'))
            .Items as Json[]
        ).map((i) => i.ProviderIds?.Tmdb),
      );
    expect((await jellyfinIds()).has(String(movie.tmdbId))).toBe(true);
    const del = await arr(sim, 'radarr', `/movie/${movie.id}?deleteFiles=true&addImportExclusion=true`, {
      method: 'DELETE',
    });
    expect(del.status).toBe(200);
    expect((await jellyfinIds()).has(String(movie.tmdbId))).toBe(false);
    expect(sim.arr.radarr.exclusions.has(movie.tmdbId)).toBe(true);
    expect((await arr(sim, 'radarr', `/movie/${movie.id}`, { method: 'DELETE' })).status).toBe(404);

    // Restore: added back with its profile and folder, a search started, no file yet.
    const added = await arr(sim, 'radarr', '/movie', {
      method: 'POST',
      body: JSON.stringify({
        title: movie.title,
        tmdbId: movie.tmdbId,
        qualityProfileId: movie.qualityProfileId,
        rootFolderPath: movie.rootFolderPath,
        monitored: true,
        addOptions: { searchForMovie: true },
      }),
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ tmdbId: movie.tmdbId, hasFile: false });
    expect(sim.arr.radarr.commands.at(-1)?.name).toBe('MoviesSearch');
  });

  it('deleting one season\u2019s episode files removes those episodes from Jellyfin; unmonitoring sticks', async () => {
    const [series] = await get(sim, 'sonarr', '/series');
    const files = (await get(sim, 'sonarr', `/episodefile?seriesId=${series.id}`)) as Json[];
    const season = files[0].seasonNumber;
    const inSeason = files.filter((f) => f.seasonNumber === season);
    const del = await arr(sim, 'sonarr', '/episodefile/bulk', {
      method: 'DELETE',
      body: JSON.stringify({ episodeFileIds: inSeason.map((f) => f.id) }),
    });
    expect(del.status).toBe(200);
    const left = (await get(sim, 'sonarr', `/episodefile?seriesId=${series.id}`)) as Json[];
    expect(left.filter((f) => f.seasonNumber === season)).toEqual([]);
    expect(left.length).toBe(files.length - inSeason.length);
    const seasons = series.seasons.map((s: Json) => ({
      ...s,
      monitored: s.seasonNumber === season ? false : s.monitored,
    }));
    expect(
      (
        await arr(sim, 'sonarr', `/series/${series.id}`, {
          method: 'PUT',
          body: JSON.stringify({ ...series, seasons }),
        })
      ).status,
    ).toBe(202);
    const after = await get(sim, 'sonarr', `/series/${series.id}`);
    expect(after.seasons.find((s: Json) => s.seasonNumber === season).monitored).toBe(false);
  });
});

describe('Jellyfin simulator: item deletion and collections', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ seed: 4 });
  });
  afterAll(() => sim.close());
  const jellyfinCall = (path: string, method = 'GET') =>
    fetch(`${sim.jellyfin.url}${path}`, { method, headers: { 'X-Emby-Token': sim.jellyfin.apiKey } });

  it('a collection is created, filled, listed and emptied; a deleted item leaves it', async () => {
    const movies = (await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie&Limit=3')).Items as Json[];
    const created = await jellyfinCall(`/Collections?Name=Leaving%20soon&Ids=${movies[0].Id}`, 'POST');
    expect(created.status).toBe(200);
    const { Id } = (await created.json()) as { Id: string };
    expect((await jellyfinCall(`/Collections/${Id}/Items?Ids=${movies[1].Id},${movies[2].Id}`, 'POST')).status).toBe(
      204,
    );
    const boxsets = (await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=BoxSet')).Items as Json[];
    expect(boxsets.map((b) => b.Name)).toEqual(['Leaving soon']);
    const members = async () => ((await jfJson(sim, `/Items?ParentId=${Id}`)).Items as Json[]).map((i) => i.Id);
    expect((await members()).sort()).toEqual(movies.map((m) => m.Id).sort());
    expect((await jellyfinCall(`/Collections/${Id}/Items?Ids=${movies[1].Id}`, 'DELETE')).status).toBe(204);
    expect(await members()).not.toContain(movies[1].Id);
    expect((await jellyfinCall(`/Items/${movies[0].Id}`, 'DELETE')).status).toBe(204);
    expect(await members()).toEqual([movies[2].Id]);
    expect((await jellyfinCall(`/Items/${movies[0].Id}`)).status).toBe(404);
    expect((await jellyfinCall(`/Items/${movies[0].Id}`, 'DELETE')).status).toBe(404);
  });
});
