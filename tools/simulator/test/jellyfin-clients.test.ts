import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index';
import { JELLYFIN_PROFILES, expectValid, jellyfinValidators, jf, jfJson, start } from './helpers';

/*
 * The endpoints a real client (Jellyseerr 2.7.3's setup and sync) calls, checked against the SDK's
 * schemas and against the simulator's own /Items answers for the same question.
 */
const DEVICE = 'Client="Jellyseerr", Device="Jellyseerr", DeviceId="dev-1", Version="2.7.3"';

type Item = { Id: string; Type: string; [k: string]: any };

describe.each(JELLYFIN_PROFILES)('Jellyfin %s answers what real clients ask', (profile) => {
  let sim: Simulator;
  const v = jellyfinValidators(profile === '12.0');
  beforeAll(async () => {
    sim = await start({ jellyfinProfile: profile });
  });
  afterAll(() => sim.close());

  const signIn = (body: unknown, auth = `MediaBrowser ${DEVICE}`) =>
    fetch(`${sim.jellyfin.url}/Users/AuthenticateByName`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const asToken = (token: string, path: string) =>
    fetch(sim.jellyfin.url + path, { headers: { Authorization: `MediaBrowser ${DEVICE}, Token="${token}"` } });
  const admin = () => sim.users[0]!;
  const member = () => sim.users[1]!;

  it('POST /Users/AuthenticateByName signs a user in; the token then acts as that user', async () => {
    const res = await signIn({ Username: admin().name, Pw: admin().name });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(Object.keys(body).sort()).toEqual(['AccessToken', 'ServerId', 'SessionInfo', 'User']);
    expectValid(v.user, body.User);
    expect(body.User.Id).toBe(admin().id);
    expect(body.ServerId).toBe(sim.jellyfin.serverId);
    expect(body.SessionInfo).toMatchObject({ UserId: admin().id, DeviceId: 'dev-1', Client: 'Jellyseerr' });
    expect(body.AccessToken).toMatch(/^[0-9a-f]{32}$/);
    expect(body.AccessToken).not.toBe(sim.jellyfin.apiKey);
    expect((await asToken(body.AccessToken, '/Users')).status).toBe(200);
    expect((await asToken('0'.repeat(32), '/Users')).status).toBe(401);
  });

  it('refuses a wrong password, an unknown name, a missing name and a client that does not name itself', async () => {
    expect((await signIn({ Username: admin().name, Pw: 'wrong' })).status).toBe(401);
    expect((await signIn({ Username: 'nobody', Pw: 'nobody' })).status).toBe(401);
    expect((await signIn({ Pw: admin().name })).status).toBe(400);
    expect((await signIn({ Username: admin().name, Pw: admin().name }, 'MediaBrowser Client="x"')).status).toBe(400);
  });

  it('a POST with Content-Type: application/json and an empty body is accepted, as Jellyfin does', async () => {
    const refresh = await jf(sim, '/Library/Refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(refresh.status).toBe(204);
    // Sign-in with no body at all is a missing user name, not a body-parser error.
    const res = await fetch(`${sim.jellyfin.url}/Users/AuthenticateByName`, {
      method: 'POST',
      headers: { Authorization: `MediaBrowser ${DEVICE}`, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('FST_ERR');
    // A broken JSON body is still a 400.
    const broken = await jf(sim, '/Library/Refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
  });

  it('GET /Library/MediaFolders lists the libraries, for administrators only', async () => {
    const folders = await jfJson(sim, '/Library/MediaFolders');
    expectValid(v.queryResult, folders);
    const virtual = await jfJson(sim, '/Library/VirtualFolders');
    expect(folders.Items.map((i: Item) => i.Id)).toEqual(virtual.map((f: { ItemId: string }) => f.ItemId));
    expect(folders.Items.every((i: Item) => i.Type === 'CollectionFolder')).toBe(true);
    const memberToken = ((await (await signIn({ Username: member().name, Pw: member().name })).json()) as any)
      .AccessToken;
    expect((await asToken(memberToken, '/Library/MediaFolders')).status).toBe(403);
    const adminToken = ((await (await signIn({ Username: admin().name, Pw: admin().name })).json()) as any).AccessToken;
    expect((await asToken(adminToken, '/Library/MediaFolders')).status).toBe(200);
  });

  it(`GET /UserViews${profile === '12.0' ? '' : ' and /Users/{id}/Views'} list the user's libraries`, async () => {
    const views = await jfJson(sim, `/UserViews?userId=${member().id}`);
    expectValid(v.queryResult, views);
    const virtual = await jfJson(sim, '/Library/VirtualFolders');
    expect(views.Items.map((i: Item) => i.Id)).toEqual(virtual.map((f: { ItemId: string }) => f.ItemId));
    const legacy = await jf(sim, `/Users/${member().id}/Views`);
    expect(legacy.status).toBe(profile === '12.0' ? 404 : 200);
    if (legacy.status === 200) expect(await legacy.json()).toEqual(views);
    expect((await jf(sim, `/UserViews?userId=${'f'.repeat(32)}`)).status).toBe(404);
    // A session's own views need no userId.
    const token = ((await (await signIn({ Username: member().name, Pw: member().name })).json()) as any).AccessToken;
    expect(await (await asToken(token, '/UserViews')).json()).toEqual(views);
  });

  it('GET /Items/Latest: newest unplayed items first, episodes grouped under their series', async () => {
    const user = member().id;
    const latest: Item[] = await jfJson(sim, `/Items/Latest?userId=${user}&Limit=8&Fields=DateCreated`);
    expect(Array.isArray(latest)).toBe(true);
    expect(latest.length).toBe(8);
    for (const item of latest) expectValid(v.item, item);
    // The same question through /Items: unplayed files, newest first.
    const all = await jfJson(
      sim,
      `/Items?userId=${user}&Recursive=true&IncludeItemTypes=Movie,Episode&ExcludeLocationTypes=Virtual&IsPlayed=false&Fields=DateCreated`,
    );
    const newest = (all.Items as Item[])
      .filter((i) => i.DateCreated)
      .sort((a, b) => Date.parse(b.DateCreated) - Date.parse(a.DateCreated));
    const top = newest[0]!;
    const first = latest[0]!;
    expect(top.Type === 'Episode' ? [top.Id, top.SeriesId] : [top.Id]).toContain(first.Id);
    expect(latest.every((i) => i.UserData.Played === false)).toBe(true);
    const movies = latest.filter((i) => i.Type === 'Movie').map((i) => Date.parse(i.DateCreated));
    expect(movies).toEqual([...movies].sort((a, b) => b - a));
    for (const i of latest) {
      if (i.Type === 'Series') expect(i.ChildCount).toBeGreaterThan(1);
      else expect(i.ChildCount).toBe(0);
    }
    // No series appears twice, nor alongside one of its own episodes.
    const seriesIds = latest.map((i) => (i.Type === 'Series' ? i.Id : (i.SeriesId ?? i.Id)));
    expect(new Set(seriesIds).size).toBe(seriesIds.length);
    const ungrouped: Item[] = await jfJson(sim, `/Items/Latest?userId=${user}&Limit=8&GroupItems=false`);
    expect(ungrouped.some((i) => i.Type === 'Series')).toBe(false);
    expect((await jf(sim, `/Items/Latest?userId=${user}&Limit=ten`)).status).toBe(400);
  });

  it('GET /Shows/{id}/Seasons and /Shows/{id}/Episodes answer like /Items under the series', async () => {
    const user = member().id;
    const series = await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Series&Limit=50');
    const show = (series.Items as Item[])[0]!;
    const seasons = await jfJson(sim, `/Shows/${show.Id}/Seasons?userId=${user}`);
    expectValid(v.queryResult, seasons);
    const children = await jfJson(sim, `/Items?ParentId=${show.Id}&userId=${user}`);
    expect(seasons).toEqual(children);
    expect(seasons.Items.every((s: Item) => s.Type === 'Season' && s.SeriesId === show.Id)).toBe(true);

    const episodes = await jfJson(sim, `/Shows/${show.Id}/Episodes?userId=${user}&Fields=Path`);
    expectValid(v.queryResult, episodes);
    const viaItems = await jfJson(
      sim,
      `/Items?ParentId=${show.Id}&Recursive=true&IncludeItemTypes=Episode&userId=${user}&Fields=Path`,
    );
    expect(episodes).toEqual(viaItems);
    const season = (seasons.Items as Item[]).find((s) => typeof s.IndexNumber === 'number' && s.IndexNumber > 0)!;
    const bySeasonId = await jfJson(sim, `/Shows/${show.Id}/Episodes?seasonId=${season.Id}`);
    const byNumber = await jfJson(sim, `/Shows/${show.Id}/Episodes?season=${season.IndexNumber}`);
    expect(bySeasonId.Items.length).toBeGreaterThan(0);
    expect(bySeasonId).toEqual(byNumber);
    expect(bySeasonId.Items.every((e: Item) => e.SeasonId === season.Id)).toBe(true);
    const present = await jfJson(sim, `/Shows/${show.Id}/Episodes?isMissing=false`);
    expect(present.Items.every((e: Item) => e.LocationType !== 'Virtual')).toBe(true);

    expect((await jf(sim, `/Shows/${'f'.repeat(32)}/Seasons`)).status).toBe(404);
    expect((await jf(sim, `/Shows/${show.Id}/Episodes?season=two`)).status).toBe(400);
    const movie = (await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Movie&Limit=1')).Items[0] as Item;
    expect((await jf(sim, `/Shows/${movie.Id}/Episodes`)).status).toBe(404);
  });
});

describe('a series with placeholder episodes', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.close());

  it('/Shows/{id}/Episodes?isMissing=false leaves the placeholders out', async () => {
    const virtual = await jfJson(sim, '/Items?Recursive=true&IncludeItemTypes=Episode&Fields=Path&Limit=100000');
    const placeholder = (virtual.Items as Item[]).find((e) => e.LocationType === 'Virtual');
    expect(placeholder, 'the demo library has placeholder episodes').toBeDefined();
    const all = await jfJson(sim, `/Shows/${placeholder!.SeriesId}/Episodes`);
    const present = await jfJson(sim, `/Shows/${placeholder!.SeriesId}/Episodes?isMissing=false`);
    expect(all.Items.some((e: Item) => e.Id === placeholder!.Id)).toBe(true);
    expect(present.Items.some((e: Item) => e.Id === placeholder!.Id)).toBe(false);
    expect(present.Items.length).toBeLessThan(all.Items.length);
  });
});
