import { describe, expect, it } from 'vitest';
import type { FactsSettings } from '../src/facts';
import { deriveTitleFacts, largestSeasonBytes } from '../src/facts';
import { SENTINEL, episode, episodeFacts, library, movie, NOW, days, series, watch } from './fixtures';

const noFilter: FactsSettings = { excludedUsers: [], includedLibraries: null };
const only = (lib: Parameters<typeof deriveTitleFacts>[0], settings = noFilter) => {
  const [first] = deriveTitleFacts(lib, settings, NOW);
  if (!first) throw new Error('no title');
  return first;
};

describe('facts: watch activity', () => {
  it('watch: a played item is watched', () => {
    const facts = only(library({ movies: [movie()], watches: [watch()] }));
    expect(facts.watched).toBe(true);
    expect(facts.watchedBy).toEqual([{ id: 'u1', name: 'Alice' }]);
  });

  it('watch: partially watched (position > 0, not played) counts as watched', () => {
    const facts = only(library({ movies: [movie()], watches: [watch({ played: false, playbackPositionTicks: 5 })] }));
    expect(facts.watched).toBe(true);
  });

  it('watch: a record neither played nor in progress does not count', () => {
    const facts = only(library({ movies: [movie()], watches: [watch({ played: false, playbackPositionTicks: 0 })] }));
    expect(facts.watched).toBe(false);
    expect(facts.playCount).toBe(0);
  });

  it('watch: excluded users are ignored', () => {
    const facts = only(library({ movies: [movie()], watches: [watch({ userId: 'u2' })] }), {
      excludedUsers: ['u2'],
      includedLibraries: null,
    });
    expect(facts.watched).toBe(false);
    expect(facts.watchedBy).toEqual([]);
    expect(facts.lastWatchedAt).toBeNull();
  });

  it('watch: lastWatchedAt is the newest valid LastPlayedDate; sentinels and future dates are ignored', () => {
    const facts = only(
      library({
        movies: [movie()],
        watches: [
          watch({ userId: 'u1', lastPlayedAt: NOW - days(40) }),
          watch({ userId: 'u2', lastPlayedAt: SENTINEL }),
          watch({ userId: 'u3', lastPlayedAt: NOW + days(3) }),
        ],
      }),
    );
    expect(facts.lastWatchedAt).toBe(NOW - days(40));
    expect(facts.watchedBy.map((w) => w.id)).toEqual(['u1', 'u2', 'u3']);
  });

  it('watch: playCount is summed over users and watchedBy sorted by name', () => {
    const facts = only(
      library({
        movies: [movie()],
        watches: [
          watch({ userId: 'u3', playCount: 2 }),
          watch({ userId: 'u2', playCount: 3 }),
          watch({ userId: 'u1', playCount: 1 }),
        ],
      }),
    );
    expect(facts.playCount).toBe(6);
    expect(facts.watchedBy.map((w) => w.name)).toEqual(['Alice', 'bob', 'Carol']);
  });

  it('watch: one user returned by both passes (IsPlayed and IsResumable) counts once', () => {
    const facts = only(
      library({
        movies: [movie()],
        watches: [watch({ playCount: 2 }), watch({ played: false, playbackPositionTicks: 9, playCount: 2 })],
      }),
    );
    expect(facts.watchedBy).toHaveLength(1);
    expect(facts.playCount).toBe(2);
  });

  it('watch: a series is watched through its episodes', () => {
    const facts = only(
      library({
        series: [series()],
        episodes: [episode({ id: 'e1' }), episode({ id: 'e2', episodeNumber: 2 })],
        watches: [
          watch({ itemId: 'e1', userId: 'u1', lastPlayedAt: NOW - days(50) }),
          watch({ itemId: 'e2', userId: 'u2', lastPlayedAt: NOW - days(20), playCount: 2 }),
        ],
      }),
    );
    expect(facts.watched).toBe(true);
    expect(facts.lastWatchedAt).toBe(NOW - days(20));
    expect(facts.playCount).toBe(3);
    expect(facts.watchedBy.map((w) => w.id)).toEqual(['u1', 'u2']);
  });

  it("watch: a series is never watched from the series folder's UserData", () => {
    const facts = only(library({ series: [series()], episodes: [episode()], watches: [watch({ itemId: 's1' })] }));
    expect(facts.watched).toBe(false);
  });

  it('watch: virtual episodes are ignored', () => {
    const facts = only(
      library({
        series: [series()],
        episodes: [episode({ id: 'e9', virtual: true })],
        watches: [watch({ itemId: 'e9' })],
      }),
    );
    expect(facts.watched).toBe(false);
    expect(facts.episodes).toEqual([]);
  });

  it('watch: an unknown user id keeps its id as name', () => {
    const facts = only(library({ movies: [movie()], watches: [watch({ userId: 'ghost' })] }));
    expect(facts.watchedBy).toEqual([{ id: 'ghost', name: 'ghost' }]);
  });
});

describe('facts: sizes', () => {
  it('size: a series is the sum of all its episodes, specials included', () => {
    const facts = only(
      library({
        series: [series()],
        episodes: [
          episode({ id: 'e0', seasonNumber: 0, sizeBytes: 5 }),
          episode({ id: 'e1', seasonNumber: 1, sizeBytes: 10 }),
          episode({ id: 'e2', seasonNumber: 1, sizeBytes: null }),
        ],
      }),
    );
    expect(facts.sizeBytes).toBe(15);
  });

  it('size: largest season is the maximum bucket; no season number forms its own bucket', () => {
    expect(
      largestSeasonBytes([
        episodeFacts({ id: 'a', seasonNumber: 1, sizeBytes: 10 }),
        episodeFacts({ id: 'b', seasonNumber: 1, sizeBytes: 10 }),
        episodeFacts({ id: 'c', seasonNumber: 2, sizeBytes: 15 }),
        episodeFacts({ id: 'd', seasonNumber: null, sizeBytes: 18 }),
        episodeFacts({ id: 'e', seasonNumber: null, sizeBytes: 3 }),
      ]),
    ).toBe(21);
    expect(
      largestSeasonBytes([
        episodeFacts({ seasonNumber: 1, sizeBytes: 30 }),
        episodeFacts({ seasonNumber: null, sizeBytes: 2 }),
      ]),
    ).toBe(30);
  });

  it('size: a series with no known size has unknown sizes', () => {
    const facts = only(library({ series: [series()], episodes: [episode({ sizeBytes: null })] }));
    expect(facts.sizeBytes).toBeNull();
    expect(facts.largestSeasonBytes).toBeNull();
  });

  it('size: a movie keeps its summed size and has no season size', () => {
    const facts = only(library({ movies: [movie({ sizeBytes: 42 })] }));
    expect(facts.sizeBytes).toBe(42);
    expect(facts.largestSeasonBytes).toBeNull();
  });
});

describe('facts: added dates', () => {
  it('added: a series uses its newest valid episode DateCreated', () => {
    const facts = only(
      library({
        series: [series({ addedAt: NOW - days(5) })],
        episodes: [
          episode({ id: 'e1', addedAt: NOW - days(300) }),
          episode({ id: 'e2', addedAt: NOW - days(200) }),
          episode({ id: 'e3', addedAt: SENTINEL }),
        ],
      }),
    );
    expect(facts.addedAt).toBe(NOW - days(200));
  });

  it('added: a series falls back to its own DateCreated only without non-virtual episodes', () => {
    const facts = only(
      library({ series: [series({ addedAt: NOW - days(5) })], episodes: [episode({ virtual: true })] }),
    );
    expect(facts.addedAt).toBe(NOW - days(5));
  });

  it('added: a series whose episodes all have invalid dates has an unknown added date', () => {
    const facts = only(
      library({ series: [series({ addedAt: NOW - days(5) })], episodes: [episode({ addedAt: SENTINEL })] }),
    );
    expect(facts.addedAt).toBeNull();
  });

  it('added: a movie with a sentinel DateCreated has an unknown added date', () => {
    expect(only(library({ movies: [movie({ addedAt: SENTINEL })] })).addedAt).toBeNull();
  });
});

describe('facts: libraries and episodes', () => {
  const libs = [
    { id: 'lib-movies', name: 'Movies', collectionType: 'movies' },
    { id: 'lib-music', name: 'Music', collectionType: 'music' },
    { id: 'lib-shows', name: 'Shows', collectionType: 'tvshows' },
  ];

  it('libraries: by default only movies/tvshows/mixed libraries are analysed', () => {
    const titles = deriveTitleFacts(
      library({ libraries: libs, movies: [movie({ id: 'a' }), movie({ id: 'b', libraryId: 'lib-music' })] }),
      noFilter,
      NOW,
    );
    expect(titles.map((t) => t.id)).toEqual(['a']);
  });

  it('libraries: includedLibraries restricts the analysed libraries', () => {
    const titles = deriveTitleFacts(
      library({ libraries: libs, movies: [movie({ id: 'a' })], series: [series()], episodes: [episode()] }),
      { excludedUsers: [], includedLibraries: ['lib-shows'] },
      NOW,
    );
    expect(titles.map((t) => t.id)).toEqual(['s1']);
  });

  it('episodes: a series lists its episodes by season then number', () => {
    const facts = only(
      library({
        series: [series()],
        episodes: [
          episode({ id: 'c', seasonNumber: 2, episodeNumber: 1 }),
          episode({ id: 'x', seasonNumber: null, episodeNumber: null }),
          episode({ id: 'b', seasonNumber: 1, episodeNumber: 10 }),
          episode({ id: 'a', seasonNumber: 1, episodeNumber: 2 }),
          episode({ id: 'other', seriesId: 'nope' }),
        ],
      }),
    );
    expect(facts.episodes.map((e) => e.id)).toEqual(['a', 'b', 'c', 'x']);
  });
});

describe('facts: library filter edge cases', () => {
  it('libraries: an explicit list leaves out items whose library is unknown', () => {
    const titles = deriveTitleFacts(
      library({ movies: [movie({ id: 'a', libraryId: null }), movie({ id: 'b' })] }),
      { excludedUsers: [], includedLibraries: ['lib-movies'] },
      NOW,
    );
    expect(titles.map((t) => t.id)).toEqual(['b']);
  });

  it('libraries: without a library list or setting, every item is analysed', () => {
    const titles = deriveTitleFacts(
      library({ movies: [movie({ id: 'a', libraryId: null }), movie({ id: 'b' })] }),
      noFilter,
      NOW,
    );
    expect(titles.map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('watch: an episode watch never counts for a movie of the same id space', () => {
    const titles = deriveTitleFacts(
      library({
        movies: [movie({ id: 'm1' })],
        series: [series()],
        episodes: [episode({ id: 'e1' })],
        watches: [watch({ itemId: 'e1' })],
      }),
      noFilter,
      NOW,
    );
    expect(titles.find((t) => t.id === 'm1')?.watched).toBe(false);
    expect(titles.find((t) => t.id === 's1')?.watched).toBe(true);
  });
});
