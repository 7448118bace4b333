import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { jfJson, start } from './helpers';

type Item = { Id: string; UserData?: { Played?: boolean; PlaybackPositionTicks?: number } };

// The user filters read a per-version table of watch states (items-index.ts); the unfiltered listing's
// UserData is built from the records themselves, so it is the oracle for what each filter must return.

const BASE = '/Items?Recursive=true&IncludeItemTypes=Movie,Episode,Series&EnableImages=false&EnableUserData=true';

async function check(sim: Simulator, user: string) {
  const all: Item[] = (await jfJson(sim, `${BASE}&userId=${user}`)).Items;
  const ids = async (filter: string) =>
    ((await jfJson(sim, `${BASE}&userId=${user}&Filters=${filter}`)).Items as Item[]).map((i) => i.Id).sort();
  const movieOrEpisode = (await jfJson(sim, `${BASE.replace(',Series', '')}&userId=${user}`)).Items as Item[];
  expect(await ids('IsResumable')).toEqual(
    movieOrEpisode
      .filter((i) => (i.UserData?.PlaybackPositionTicks ?? 0) > 0)
      .map((i) => i.Id)
      .sort(),
  );
  expect(await ids('IsPlayed')).toEqual(
    all
      .filter((i) => i.UserData?.Played === true)
      .map((i) => i.Id)
      .sort(),
  );
  return ids('IsPlayed');
}

describe('Jellyfin user filters', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());

  it('IsPlayed and IsResumable return exactly the items whose UserData says so, before and after plays', async () => {
    const before = [];
    for (const user of sim.users) before.push(await check(sim, user.id));
    sim.applyChanges({ plays: 6, unplays: 4 });
    const after = [];
    for (const user of sim.users) after.push(await check(sim, user.id));
    // The changes moved at least one user's list: the filters did not answer from a stale table.
    expect(after).not.toEqual(before);
  });
});
