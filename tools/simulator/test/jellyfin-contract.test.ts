import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import type { JellyfinProfile } from '../src/index';
import { METADATA_PASS, jellyfinValidators, jfJson, start } from './helpers';

const PROFILES: JellyfinProfile[] = ['10.10', '10.11', '12.0'];

describe.each(PROFILES)('Jellyfin %s responses validate against the SDK schemas', (profile) => {
  let sim: Simulator;
  const v = jellyfinValidators(profile === '12.0');
  beforeAll(async () => {
    sim = await start({ jellyfinProfile: profile });
  });
  afterAll(() => sim.close());

  const check = (fn: { (d: unknown): boolean; errors?: unknown }, body: unknown) => {
    const ok = fn(body);
    expect(fn.errors ?? null, JSON.stringify(fn.errors)).toBeNull();
    expect(ok).toBe(true);
  };

  it('System/Info, System/Info/Public, Users, VirtualFolders, ScheduledTasks', async () => {
    check(v.systemInfo, await jfJson(sim, '/System/Info'));
    check(v.systemInfo, await jfJson(sim, '/System/Info/Public'));
    const users = await jfJson(sim, '/Users');
    check(v.users, users);
    check(v.user, await jfJson(sim, `/Users/${users[0].Id}`));
    check(v.virtualFolders, await jfJson(sim, '/Library/VirtualFolders'));
    check(v.tasks, await jfJson(sim, '/ScheduledTasks'));
  });

  it('the whole metadata pass, every optional field, and each user watch pass', async () => {
    const all = await jfJson(
      sim,
      `${METADATA_PASS}&Fields=MediaSources,MediaStreams,Path,DateCreated,ProviderIds,DateLastMediaAdded,SortName,Overview,ChildCount`,
    );
    check(v.queryResult, all);
    expect(all.Items.length).toBeGreaterThan(100);
    check(v.queryResult, await jfJson(sim, '/Items?Recursive=true'));
    check(v.queryResult, await jfJson(sim, '/Items'));
    for (const user of sim.users) {
      for (const filter of ['IsPlayed', 'IsResumable']) {
        const page = await jfJson(
          sim,
          `/Items?userId=${user.id}&Recursive=true&IncludeItemTypes=Movie,Episode&Filters=${filter}`,
        );
        check(v.queryResult, page);
      }
    }
    const one = all.Items.find((i: { Type: string }) => i.Type === 'Series');
    check(v.item, await jfJson(sim, `/Items/${one.Id}?userId=${sim.users[0]!.id}`));
  });

  it('12.0 alone adds OriginalLanguage, LocalizedLanguage and IsOriginal', async () => {
    const page = await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie&Fields=MediaSources&Limit=20');
    const text = JSON.stringify(page);
    for (const field of ['OriginalLanguage', 'LocalizedLanguage', 'IsOriginal']) {
      expect(text.includes(`"${field}"`)).toBe(profile === '12.0');
    }
    if (profile !== '12.0') check(jellyfinValidators(false).queryResult, page);
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
