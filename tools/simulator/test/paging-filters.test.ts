import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { METADATA_PASS, jf, jfJson, start } from './helpers';

type Item = Record<string, any>;

describe('Jellyfin /Items paging and filters', () => {
  let sim: Simulator;
  let all: Item[];
  beforeAll(async () => {
    sim = await start({ jellyfinProfile: '10.10' });
    all = (await jfJson(sim, `${METADATA_PASS}&Fields=SortName,DateCreated,MediaSources`)).Items;
  });
  afterAll(() => sim.close());

  it('pages concatenate to the full list, in SortName order, with the total on every page', async () => {
    const pages: Item[] = [];
    for (let start = 0; start < all.length; start += 17) {
      const page = await jfJson(
        sim,
        `${METADATA_PASS}&Fields=SortName,DateCreated,MediaSources&StartIndex=${start}&Limit=17`,
      );
      expect(page.TotalRecordCount).toBe(all.length);
      expect(page.StartIndex).toBe(start);
      pages.push(...page.Items);
    }
    expect(pages.map((i) => i.Id)).toEqual(all.map((i) => i.Id));
    const names = all.map((i) => i.SortName as string);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(names).size).toBe(names.length);
  });

  it('SortOrder=Descending reverses, EnableTotalRecordCount=false counts the page only', async () => {
    const desc = await jfJson(sim, `${METADATA_PASS}&SortOrder=Descending&Limit=5`);
    expect(desc.Items.map((i: Item) => i.Id)).toEqual(
      all
        .slice(-5)
        .reverse()
        .map((i) => i.Id),
    );
    const noTotal = await jfJson(sim, `${METADATA_PASS}&Limit=5&EnableTotalRecordCount=false`);
    expect(noTotal.TotalRecordCount).toBe(5);
    const beyond = await jfJson(sim, `${METADATA_PASS}&StartIndex=${all.length + 10}&Limit=5`);
    expect(beyond.Items).toEqual([]);
  });

  it('query names, values and paths are case-insensitive; unknown Fields are ignored', async () => {
    const lower = await jfJson(
      sim,
      '/items?recursive=TRUE&includeitemtypes=movie&fields=providerids,NotAField&limit=3',
    );
    expect(lower.Items).toHaveLength(3);
    expect(lower.Items.every((i: Item) => i.Type === 'Movie' && i.ProviderIds && !('Path' in i))).toBe(true);
    const bad = await jf(sim, '/Items?StartIndex=abc');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors).toHaveProperty('startindex');
  });

  it('ExcludeLocationTypes=Virtual drops the placeholder episodes, which exist otherwise', async () => {
    const withVirtual = await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Episode');
    const virtual = withVirtual.Items.filter((i: Item) => i.LocationType === 'Virtual');
    expect(virtual.length).toBeGreaterThan(0);
    expect(virtual.every((i: Item) => !('Path' in i))).toBe(true);
    expect(all.some((i) => i.LocationType === 'Virtual')).toBe(false);
    expect(withVirtual.TotalRecordCount - virtual.length).toBe(all.filter((i) => i.Type === 'Episode').length);
  });

  it('ParentId resolves library membership; VirtualFolders expose the library ids', async () => {
    const folders = await jfJson(sim, '/Library/VirtualFolders');
    const counted = new Map<string, number>();
    for (const f of folders) {
      const items = (await jfJson(sim, `${METADATA_PASS}&ParentId=${f.ItemId}`)).Items;
      for (const i of items) counted.set(i.Id, (counted.get(i.Id) ?? 0) + 1);
      for (const i of items.filter((x: Item) => x.Type !== 'Episode')) expect(i.ParentId).toBe(f.ItemId);
      if (f.CollectionType === 'music') expect(items).toEqual([]);
    }
    // Every item sits in exactly one library.
    expect([...counted.values()].every((n) => n === 1)).toBe(true);
    expect(counted.size).toBe(all.length);
    const episode = all.find((i) => i.Type === 'Episode')!;
    const season = await jfJson(sim, `/Items/${episode.ParentId}`);
    expect(season.Type).toBe('Season');
    expect(season.ParentId).toBe(episode.SeriesId);
    const ofSeries = (
      await jfJson(sim, `/Items?ParentId=${episode.SeriesId}&Recursive=true&ExcludeLocationTypes=Virtual`)
    ).Items;
    expect(ofSeries.every((i: Item) => i.SeriesId === episode.SeriesId)).toBe(true);
    expect(ofSeries.map((i: Item) => i.Id)).toContain(episode.Id);
  });

  it('episodes carry SeriesId, season and episode numbers; items their provider ids and sizes', async () => {
    const page = await jfJson(sim, `${METADATA_PASS}&Fields=ProviderIds,MediaSources`);
    const episodes = page.Items.filter((i: Item) => i.Type === 'Episode');
    expect(episodes.every((e: Item) => e.SeriesId && typeof e.IndexNumber === 'number')).toBe(true);
    // Files without a season number have no ParentIndexNumber and sit under Specials.
    for (const e of episodes.filter((x: Item) => x.ParentIndexNumber === undefined))
      expect(e.SeasonName).toBe('Specials');
    const movies = page.Items.filter((i: Item) => i.Type === 'Movie');
    expect(movies.filter((m: Item) => m.ProviderIds.Tmdb).length).toBeGreaterThan(movies.length * 0.8);
    const series = page.Items.filter((i: Item) => i.Type === 'Series');
    expect(series.some((s: Item) => s.ProviderIds.Tvdb)).toBe(true);
    expect(movies.some((m: Item) => m.MediaSources.some((s: Item) => typeof s.Size === 'number'))).toBe(true);
  });

  it('IsPlayed / IsResumable return exactly the played / partially played items of that user', async () => {
    for (const user of sim.users) {
      const everything = (await jfJson(sim, `/Items?userId=${user.id}&Recursive=true&IncludeItemTypes=Movie,Episode`))
        .Items as Item[];
      const played = (
        await jfJson(sim, `/Items?userId=${user.id}&Recursive=true&IncludeItemTypes=Movie,Episode&Filters=IsPlayed`)
      ).Items as Item[];
      const resumable = (
        await jfJson(sim, `/Items?UserId=${user.id}&Recursive=true&IncludeItemTypes=Movie,Episode&Filters=IsResumable`)
      ).Items as Item[];
      expect(played.map((i) => i.Id)).toEqual(everything.filter((i) => i.UserData.Played).map((i) => i.Id));
      expect(resumable.map((i) => i.Id)).toEqual(
        everything.filter((i) => i.UserData.PlaybackPositionTicks > 0).map((i) => i.Id),
      );
      const legacy = (
        await jfJson(sim, `/Users/${user.id}/Items?Recursive=true&IncludeItemTypes=Movie,Episode&Filters=IsPlayed`)
      ).Items as Item[];
      expect(legacy.map((i) => i.Id)).toEqual(played.map((i) => i.Id));
    }
    const both = (await jfJson(sim, `/Items?userId=${sim.users[0]!.id}&Recursive=true&Filters=IsPlayed,IsResumable`))
      .Items;
    expect(both).toEqual([]);
    expect((await jf(sim, '/Items?userId=00000000000000000000000000000000&Recursive=true')).status).toBe(404);
  });

  it('GET /Items/{id} returns the full item; unknown ids are 404', async () => {
    const movie = all.find((i) => i.Type === 'Movie')!;
    const item = await jfJson(sim, `/Items/${movie.Id}`);
    expect(item.Id).toBe(movie.Id);
    expect(item).toHaveProperty('MediaSources');
    expect(item).toHaveProperty('ProviderIds');
    expect((await jf(sim, '/Items/0123456789abcdef0123456789abcdef')).status).toBe(404);
  });

  it('Library/Refresh starts a scan that ScheduledTasks reports', async () => {
    expect((await jf(sim, '/Library/Refresh', { method: 'POST' })).status).toBe(204);
    const tasks = await jfJson(sim, '/ScheduledTasks');
    expect(tasks.find((t: Item) => t.Key === 'RefreshLibrary').State).toBe('Running');
  });
});

describe('the 12.0 profile', () => {
  it('has no legacy /Users/{id}/Items route', async () => {
    const sim = await start({ jellyfinProfile: '12.0' });
    try {
      expect((await jf(sim, `/Users/${sim.users[0]!.id}/Items?Recursive=true`)).status).toBe(404);
      expect((await jf(sim, `/Items?userId=${sim.users[0]!.id}&Recursive=true&Limit=1`)).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
