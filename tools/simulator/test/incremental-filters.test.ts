import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { jf, jfJson, start } from './helpers';

type Item = Record<string, any>;
const MOVIES = '/Items?Recursive=true&IncludeItemTypes=Movie&Fields=DateLastSaved,MediaSources&EnableImages=false';

describe('Jellyfin MinDateLastSaved and scripted changes', () => {
  let sim: Simulator;
  let before: Item[];
  beforeAll(async () => {
    sim = await start();
    before = (await jfJson(sim, MOVIES)).Items;
  });
  afterAll(() => sim.close());

  it('every item carries DateLastSaved when asked, and a bound after it matches nothing', async () => {
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((i) => typeof i.DateLastSaved === 'string')).toBe(true);
    const after = new Date(sim.now).toISOString();
    expect((await jfJson(sim, `${MOVIES}&MinDateLastSaved=${after}`)).Items).toEqual([]);
    const bad = await jf(sim, `${MOVIES}&MinDateLastSaved=yesterday`);
    expect(bad.status).toBe(400);
  });

  it('changed, added and re-downloaded items are the only ones past the bound; plays move no item date', async () => {
    const bound = new Date(sim.now).toISOString();
    sim.applyChanges({ add: 1, redownload: 1, streams: 1, plays: 3, unplays: 2, remove: 1 });
    const changed: Item[] = (await jfJson(sim, `${MOVIES}&MinDateLastSaved=${bound}`)).Items;
    // added + re-downloaded (new id) + stream change; plays only touch user data.
    expect(changed).toHaveLength(3);
    const beforeIds = new Set(before.map((i) => i.Id));
    expect(changed.filter((i) => !beforeIds.has(i.Id))).toHaveLength(2);
    const inPlace = changed.find((i) => beforeIds.has(i.Id))!;
    const old = before.find((i) => i.Id === inPlace.Id)!;
    expect(JSON.stringify(inPlace.MediaSources)).not.toEqual(JSON.stringify(old.MediaSources));
    // The per-user variant filters on the item's date too (Jellyfin's BaseItemRepository).
    const user = sim.users[0]!.id;
    const forUser = await jfJson(sim, `${MOVIES}&userId=${user}&MinDateLastSavedForUser=${bound}`);
    expect(forUser.Items.map((i: Item) => i.Id).sort()).toEqual(changed.map((i) => i.Id).sort());
    const now: Item[] = (await jfJson(sim, MOVIES)).Items;
    expect(now.length).toBe(before.length + 1 + 1 - 1 - 1); // +add +redownload -old copy -removed
  });
});
