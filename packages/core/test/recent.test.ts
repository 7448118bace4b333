import { describe, expect, it } from 'vitest';
import type { TitleFacts } from '../src/facts';
import type { RecentRow } from '../src/analysis/recent';
import { checkRecent, describeArrivedEpisodes, recentlyAvailable, shareText } from '../src/analysis/recent';
import { buildLibraryIndex } from '../src/library-index';
import { requesterName } from '../src/request-display';
import { DEFAULT_SETTINGS } from '../src/settings';
import { NOW, SENTINEL, days, episodeFacts, media, movieFacts, request, seriesFacts, tvRequest } from './fixtures';

function ctx(titles: TitleFacts[] = [], nicknames = new Map<string, string>(), recentDays = 7) {
  return { settings: { ...DEFAULT_SETTINGS, recentDays }, library: buildLibraryIndex(titles), nicknames, now: NOW };
}

const arrivedMovie = (overrides = {}) =>
  request({ status: 5, media: media({ status: 5, mediaAddedAt: NOW - days(2) }), ...overrides });

describe('recent: eligibility and arrival (RULES §6)', () => {
  it('recent: an available movie added within recentDays is listed', () => {
    expect(checkRecent(arrivedMovie(), ctx())?.arrivedAt).toBe(NOW - days(2));
  });

  it('recent: a declined request is never listed', () => {
    expect(checkRecent(arrivedMovie({ status: 3 }), ctx())).toBeNull();
  });

  it('recent: only media status 4 or 5 is eligible', () => {
    const processing = request({ media: media({ status: 3, mediaAddedAt: NOW - days(1) }) });
    expect(checkRecent(processing, ctx())).toBeNull();
    const partial = request({ media: media({ status: 4, mediaAddedAt: NOW - days(1) }) });
    expect(checkRecent(partial, ctx())).not.toBeNull();
  });

  it('recent: 4K requests read status4k', () => {
    const fourK = request({ is4k: true, media: media({ status: 1, status4k: 5, mediaAddedAt: NOW - days(1) }) });
    expect(checkRecent(fourK, ctx())).not.toBeNull();
    const not4k = request({ is4k: true, media: media({ status: 5, status4k: 3, mediaAddedAt: NOW - days(1) }) });
    expect(checkRecent(not4k, ctx())).toBeNull();
  });

  it('recent: the window is (now − recentDays, now]: exactly recentDays ago is out, now is in', () => {
    expect(checkRecent(arrivedMovie({ media: media({ status: 5, mediaAddedAt: NOW - days(7) }) }), ctx())).toBeNull();
    expect(
      checkRecent(arrivedMovie({ media: media({ status: 5, mediaAddedAt: NOW - days(7) + 1 }) }), ctx()),
    ).not.toBeNull();
    expect(checkRecent(arrivedMovie({ media: media({ status: 5, mediaAddedAt: NOW }) }), ctx())).not.toBeNull();
  });

  it('recent: a movie without mediaAddedAt arrives at the request updatedAt', () => {
    const r = request({ status: 5, updatedAt: NOW - days(1), media: media({ status: 5, mediaAddedAt: null }) });
    expect(checkRecent(r, ctx())?.arrivedAt).toBe(NOW - days(1));
  });

  it('recent: a sentinel mediaAddedAt is ignored in favour of updatedAt', () => {
    const r = request({ status: 5, updatedAt: NOW - days(1), media: media({ status: 5, mediaAddedAt: SENTINEL }) });
    expect(checkRecent(r, ctx())?.arrivedAt).toBe(NOW - days(1));
  });

  it("recent: a new season of an old show is recent (library episode dates, not Jellyseerr's folder date)", () => {
    const show = seriesFacts({
      providerIds: { tmdb: '200' },
      episodes: [
        episodeFacts({ id: 'a', seasonNumber: 1, episodeNumber: 1, addedAt: NOW - days(900) }),
        episodeFacts({ id: 'b', seasonNumber: 2, episodeNumber: 1, addedAt: NOW - days(1) }),
      ],
    });
    const r = tvRequest({ seasons: [2] });
    const stale = { ...r, media: { ...r.media, status: 5 as const, mediaAddedAt: NOW - days(900) } };
    const row = checkRecent(stale, ctx([show]));
    expect(row?.arrivedAt).toBe(NOW - days(1));
    expect(row?.episodes).toBe('Season 2');
    expect(row?.libraryItemId).toBe('s1');
  });

  it('recent: only episodes of the requested seasons date a TV request', () => {
    const show = seriesFacts({
      providerIds: { tmdb: '200' },
      episodes: [
        episodeFacts({ id: 'a', seasonNumber: 1, addedAt: NOW - days(900) }),
        episodeFacts({ id: 'b', seasonNumber: 3, addedAt: NOW - days(1) }),
      ],
    });
    const r = tvRequest({ seasons: [1] });
    expect(checkRecent({ ...r, media: { ...r.media, status: 5 as const } }, ctx([show]))).toBeNull();
  });

  it('recent: a TV request without library episodes falls back to mediaAddedAt, then updatedAt', () => {
    const r = tvRequest({ updatedAt: NOW - days(3) });
    expect(checkRecent({ ...r, media: { ...r.media, mediaAddedAt: NOW - days(2) } }, ctx())?.arrivedAt).toBe(
      NOW - days(2),
    );
    expect(checkRecent({ ...r, media: { ...r.media, mediaAddedAt: null } }, ctx())?.arrivedAt).toBe(NOW - days(3));
    expect(checkRecent({ ...r, media: { ...r.media, mediaAddedAt: null } }, ctx())?.episodes).toBeNull();
  });

  it('recent: rows are newest first', () => {
    const rows = recentlyAvailable(
      [
        arrivedMovie({ id: 1, media: media({ status: 5, mediaAddedAt: NOW - days(3) }) }),
        arrivedMovie({ id: 2, media: media({ status: 5, mediaAddedAt: NOW - days(1) }) }),
      ],
      ctx(),
    );
    expect(rows.map((r) => r.requestId)).toEqual([2, 1]);
  });
});

describe('recent: episode grouping', () => {
  const ep = (season: number, episode: number, arrived: boolean) =>
    episodeFacts({
      id: `${season}-${episode}`,
      seasonNumber: season,
      episodeNumber: episode,
      addedAt: arrived ? NOW : NOW - days(100),
    });
  const arrived = (e: { addedAt: number | null }) => e.addedAt === NOW;

  it('recent: a season fully in the window is "Season N"', () => {
    expect(describeArrivedEpisodes([ep(1, 1, true), ep(1, 2, true)], arrived)).toBe('Season 1');
  });

  it('recent: consecutive episodes form S2E5–E8 runs with an en dash, singles stay S2E3', () => {
    const episodes = [
      ep(2, 1, false),
      ep(2, 3, true),
      ep(2, 5, true),
      ep(2, 6, true),
      ep(2, 7, true),
      ep(2, 8, true),
      ep(2, 10, true),
    ];
    expect(describeArrivedEpisodes(episodes, arrived)).toBe('S2E3, S2E5\u2013E8, S2E10');
  });

  it('recent: seasons are joined with ", " in season order', () => {
    const episodes = [ep(3, 1, true), ep(3, 2, false), ep(1, 1, true), ep(1, 2, true)];
    expect(describeArrivedEpisodes(episodes, arrived)).toBe('Season 1, S3E1');
  });

  it('recent: two consecutive episodes already form a run', () => {
    expect(describeArrivedEpisodes([ep(1, 1, false), ep(1, 2, true), ep(1, 3, true)], arrived)).toBe('S1E2\u2013E3');
  });

  it('recent: nothing arrived gives no description', () => {
    expect(describeArrivedEpisodes([ep(1, 1, false)], arrived)).toBeNull();
  });
});

describe('recent: names and share text', () => {
  it('recent: the nickname wins over the Jellyseerr display name', () => {
    const user = { id: 7, displayName: 'dave_99', jellyfinUserId: 'jf7' };
    expect(requesterName(user, new Map([['7', 'Dave']]))).toBe('Dave');
    expect(requesterName(user, new Map([['jf7', 'David']]))).toBe('David');
    expect(requesterName(user, new Map())).toBe('dave_99');
  });

  it('recent: a requester name is never an empty string', () => {
    expect(requesterName({ id: 7, displayName: '  ', jellyfinUserId: null }, new Map([['7', '']]))).toBeNull();
    expect(requesterName(null, new Map())).toBeNull();
  });

  it('recent: the title uses the library name when the item is in the library', () => {
    const row = checkRecent(arrivedMovie(), ctx([movieFacts({ name: 'In Library', providerIds: { tmdb: '100' } })]));
    expect(row?.title).toBe('In Library');
  });

  const row = (
    requestId: number,
    requester: string | null,
    arrivedAt: number,
    title: string,
    episodes: string | null = null,
  ): RecentRow => ({
    requestId,
    mediaType: episodes ? 'tv' : 'movie',
    is4k: false,
    tmdbId: null,
    title,
    requester,
    arrivedAt,
    episodes,
    libraryItemId: null,
  });

  it('recent: share text groups by requester (base-sensitivity order, unknown last), newest first', () => {
    const text = shareText([
      row(1, null, NOW - 5, 'Orphan'),
      row(2, 'bob', NOW - 3, 'Old for Bob'),
      row(3, 'Émile', NOW - 1, 'For Emile'),
      row(4, 'bob', NOW - 1, 'New for Bob', 'S2E5\u2013E8'),
      row(5, 'alice', NOW - 2, 'For Alice'),
    ]);
    expect(text).toBe(
      [
        'alice:\n- For Alice',
        'bob:\n- New for Bob (S2E5\u2013E8)\n- Old for Bob',
        'Émile:\n- For Emile',
        'Unknown requester:\n- Orphan',
      ].join('\n\n'),
    );
  });

  it('recent: the unknown requester label can be chosen', () => {
    expect(shareText([row(1, null, NOW, 'X')], { unknownRequester: 'Inconnu' })).toBe('Inconnu:\n- X');
  });
});
