import { describe, expect, it } from 'vitest';
import { callKey, chosenSize, seasonChoices, seasonsForBody } from '../src/lib/cleanup/seasons';

const detail = {
  seasons: [
    { seasonNumber: 2, episodes: 8, sizeBytes: 200 },
    { seasonNumber: null, episodes: 1, sizeBytes: 5 },
    { seasonNumber: 1, episodes: 10, sizeBytes: 100 },
  ],
};

describe('delete dialog: season choice', () => {
  it('offers numbered seasons in order; specials go with the whole series', () => {
    expect(seasonChoices(detail).map((s) => s.seasonNumber)).toEqual([1, 2]);
  });

  it('frees the size of the chosen seasons only', () => {
    const choices = seasonChoices(detail);
    expect(chosenSize(choices, [2])).toBe(200);
    expect(chosenSize(choices, [1, 2])).toBe(300);
    expect(chosenSize(choices, [])).toBe(0);
  });

  it('sends seasons only when not all are chosen', () => {
    const choices = seasonChoices(detail);
    expect(seasonsForBody(choices, [1, 2])).toBeUndefined();
    expect(seasonsForBody(choices, [2])).toEqual([2]);
    expect(seasonsForBody([], [])).toBeUndefined();
  });

  it('names the server that will be called', () => {
    expect(callKey({ app: 'radarr' }, false)).toBe('cleanup.calls.radarr');
    expect(callKey({ app: 'sonarr' }, true)).toBe('cleanup.calls.sonarrSeasons');
    expect(callKey({ app: 'sonarr' }, false)).toBe('cleanup.calls.sonarrAll');
    expect(callKey(null, false)).toBe('cleanup.calls.jellyfin');
  });
});
