import { describe, expect, it } from 'vitest';
import { OLD_ALWAYS, isOld, isOldAt, oldSince } from '../src/analysis/old';
import { deriveTitleFacts } from '../src/facts';
import { DEFAULT_SETTINGS } from '../src/settings';
import { MONTH_MS } from '../src/dates';
import { NOW, SENTINEL, days, episode, library, movie, movieFacts, series, watch } from './fixtures';

const settings = DEFAULT_SETTINGS;
const oldAfter = 4 * MONTH_MS;
const minAge = 3 * MONTH_MS;

describe('old (RULES §2)', () => {
  it('old: a protected (content whitelist) title is never old', () => {
    const facts = movieFacts({ addedAt: null });
    expect(isOld(facts, settings, true, NOW)).toBe(false);
    expect(oldSince(facts, settings, true)).toBeNull();
  });

  it('old: never watched with an unknown added date is old', () => {
    expect(isOld(movieFacts({ addedAt: null }), settings, false, NOW)).toBe(true);
    expect(oldSince(movieFacts({ addedAt: null }), settings, false)).toBe(OLD_ALWAYS);
  });

  it('old: never watched and added exactly minAgeMonths ago is old', () => {
    expect(isOld(movieFacts({ addedAt: NOW - minAge }), settings, false, NOW)).toBe(true);
  });

  it('old: never watched and added one millisecond less than minAgeMonths ago is not old', () => {
    expect(isOld(movieFacts({ addedAt: NOW - minAge + 1 }), settings, false, NOW)).toBe(false);
  });

  it('old: minAgeMonths 0 makes every never-watched title old', () => {
    expect(isOld(movieFacts({ addedAt: NOW }), { ...settings, minAgeMonths: 0 }, false, NOW)).toBe(true);
  });

  it('old: played item with no date is old', () => {
    const facts = movieFacts({ watched: true, lastWatchedAt: null, addedAt: NOW - days(1) });
    expect(isOld(facts, settings, false, NOW)).toBe(true);
  });

  it('old: a played item whose only date is the 0001-01-01 sentinel is old', () => {
    const [facts] = deriveTitleFacts(
      library({ movies: [movie({ addedAt: NOW - days(1) })], watches: [watch({ lastPlayedAt: SENTINEL })] }),
      { excludedUsers: [], includedLibraries: null },
      NOW,
    );
    expect(facts!.watched).toBe(true);
    expect(isOld(facts!, settings, false, NOW)).toBe(true);
  });

  it('old: watched exactly oldAfterMonths ago is not old yet (strictly before)', () => {
    expect(isOld(movieFacts({ watched: true, lastWatchedAt: NOW - oldAfter }), settings, false, NOW)).toBe(false);
  });

  it('old: watched one millisecond before now − oldAfterMonths is old', () => {
    expect(isOld(movieFacts({ watched: true, lastWatchedAt: NOW - oldAfter - 1 }), settings, false, NOW)).toBe(true);
  });

  it('old: the min-age rule does not apply to watched items', () => {
    const facts = movieFacts({ watched: true, lastWatchedAt: NOW - oldAfter - 1, addedAt: NOW - days(1) });
    expect(isOld(facts, settings, false, NOW)).toBe(true);
  });

  it('old: partially watched counts as watched', () => {
    const [facts] = deriveTitleFacts(
      library({
        movies: [movie({ addedAt: NOW - days(365) })],
        watches: [watch({ played: false, playbackPositionTicks: 100, lastPlayedAt: NOW - days(5) })],
      }),
      { excludedUsers: [], includedLibraries: null },
      NOW,
    );
    expect(isOld(facts!, settings, false, NOW)).toBe(false);
  });

  it('old: watching only by an excluded user leaves the item unwatched', () => {
    const [facts] = deriveTitleFacts(
      library({
        movies: [movie({ addedAt: NOW - days(365) })],
        watches: [watch({ userId: 'u2', lastPlayedAt: NOW - days(1) })],
      }),
      { excludedUsers: ['u2'], includedLibraries: null },
      NOW,
    );
    expect(isOld(facts!, settings, false, NOW)).toBe(true);
  });

  it('old: oldSince agrees with isOld around both thresholds', () => {
    const watched = movieFacts({ watched: true, lastWatchedAt: NOW - days(10) });
    const since = oldSince(watched, settings, false)!;
    expect(isOldAt(since, since - 1)).toBe(false);
    expect(isOldAt(since, since)).toBe(true);
    expect(isOld(watched, settings, false, since - 1)).toBe(false);
    expect(isOld(watched, settings, false, since)).toBe(true);
    const unwatched = movieFacts({ addedAt: NOW - days(10) });
    expect(oldSince(unwatched, settings, false)).toBe(NOW - days(10) + minAge);
  });

  it('old: a never-watched series is judged on its last media added, so a new episode keeps it young', () => {
    const [facts] = deriveTitleFacts(
      library({
        series: [series({ addedAt: NOW - days(1000) })],
        episodes: [episode({ id: 'e1', addedAt: NOW - days(900) }), episode({ id: 'e2', addedAt: NOW - days(10) })],
      }),
      { excludedUsers: [], includedLibraries: null },
      NOW,
    );
    expect(isOld(facts!, settings, false, NOW)).toBe(false);
    expect(isOld(facts!, settings, false, NOW + days(81))).toBe(true);
  });

  it('old: a series watched through one episode recently is not old', () => {
    const [facts] = deriveTitleFacts(
      library({
        series: [series()],
        episodes: [episode({ id: 'e1', addedAt: NOW - days(900) })],
        watches: [watch({ itemId: 'e1', lastPlayedAt: NOW - days(30) })],
      }),
      { excludedUsers: [], includedLibraries: null },
      NOW,
    );
    expect(isOld(facts!, settings, false, NOW)).toBe(false);
  });

  it('old: a stored null oldSince is never old', () => {
    expect(isOldAt(null, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
