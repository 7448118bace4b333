import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { JELLYFIN_PROFILES, METADATA_PASS, expectValid, jellyfinValidators, jfJson, start } from './helpers';

describe.each(JELLYFIN_PROFILES)('Jellyfin %s responses validate against the SDK schemas', (profile) => {
  let sim: Simulator;
  const v = jellyfinValidators(profile === '12.0');
  beforeAll(async () => {
    sim = await start({ jellyfinProfile: profile });
  });
  afterAll(() => sim.close());

  it('System/Info, System/Info/Public, Users, VirtualFolders, ScheduledTasks', async () => {
    expectValid(v.systemInfo, await jfJson(sim, '/System/Info'));
    expectValid(v.systemInfo, await jfJson(sim, '/System/Info/Public'));
    const users = await jfJson(sim, '/Users');
    expectValid(v.users, users);
    expectValid(v.user, await jfJson(sim, `/Users/${users[0].Id}`));
    expectValid(v.virtualFolders, await jfJson(sim, '/Library/VirtualFolders'));
    expectValid(v.tasks, await jfJson(sim, '/ScheduledTasks'));
  });

  it('the whole metadata pass, every optional field, and each user watch pass', async () => {
    const all = await jfJson(
      sim,
      `${METADATA_PASS}&Fields=MediaSources,MediaStreams,Path,DateCreated,ProviderIds,DateLastMediaAdded,SortName,Overview,ChildCount`,
    );
    expectValid(v.queryResult, all);
    expect(all.Items.length).toBeGreaterThan(100);
    expectValid(v.queryResult, await jfJson(sim, '/Items?Recursive=true'));
    expectValid(v.queryResult, await jfJson(sim, '/Items'));
    for (const user of sim.users) {
      for (const filter of ['IsPlayed', 'IsResumable']) {
        const page = await jfJson(
          sim,
          `/Items?userId=${user.id}&Recursive=true&IncludeItemTypes=Movie,Episode&Filters=${filter}`,
        );
        expectValid(v.queryResult, page);
      }
    }
    const one = all.Items.find((i: { Type: string }) => i.Type === 'Series');
    expectValid(v.item, await jfJson(sim, `/Items/${one.Id}?userId=${sim.users[0]!.id}`));
  });

  it('12.0 alone adds OriginalLanguage, LocalizedLanguage and IsOriginal', async () => {
    const page = await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie&Fields=MediaSources&Limit=20');
    const text = JSON.stringify(page);
    for (const field of ['OriginalLanguage', 'LocalizedLanguage', 'IsOriginal']) {
      expect(text.includes(`"${field}"`)).toBe(profile === '12.0');
    }
    if (profile !== '12.0') expectValid(jellyfinValidators(false).queryResult, page);
  });
});

describe('Jellyfin wire details', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());

  it('ids are 32 lowercase hex, dates carry 7 fractional digits or the 0001 sentinel, nulls are omitted', async () => {
    const page = await jfJson(sim, `${METADATA_PASS}&Fields=MediaSources,Path,DateCreated,ProviderIds`);
    const text = JSON.stringify(page);
    expect(text).not.toContain('null');
    let sentinel = 0;
    for (const item of page.Items) {
      expect(item.Id).toMatch(/^[0-9a-f]{32}$/);
      if (item.DateCreated === '0001-01-01T00:00:00.0000000Z') sentinel++;
      else expect(item.DateCreated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      expect(['Movie', 'Series', 'Episode']).toContain(item.Type);
    }
    expect(sentinel).toBeGreaterThan(0);
  });

  it('language tags come in every form, with commentary, forced and external tracks', async () => {
    const page = await jfJson(sim, `${METADATA_PASS}&Fields=MediaSources`);
    const streams = page.Items.flatMap((i: any) => (i.MediaSources ?? []).flatMap((s: any) => s.MediaStreams));
    const tags = new Set(streams.map((s: any) => s.Language));
    for (const tag of ['eng', 'fre', 'und', undefined]) expect(tags).toContain(tag);
    expect([...tags].some((t) => /^(fr|fra|fre-CA|fr-CA|French|fr_FR)$/.test(String(t)))).toBe(true);
    expect([...tags].some((t) => /^(en|English|ENG|en-US)$/.test(String(t)))).toBe(true);
    expect(streams.some((s: any) => /commentary/i.test(s.Title ?? ''))).toBe(true);
    expect(streams.some((s: any) => s.Type === 'Subtitle' && s.IsForced)).toBe(true);
    expect(streams.some((s: any) => s.Type === 'Subtitle' && s.IsExternal && s.Path)).toBe(true);
    expect(page.Items.some((i: any) => (i.MediaSources ?? []).length > 1)).toBe(true);
  });
});
