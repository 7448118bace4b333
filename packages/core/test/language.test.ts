import { describe, expect, it } from 'vitest';
import { checkLanguage, episodeLabel, isInLanguageWindow, missingLanguageCodes } from '../src/analysis/language';
import { DEFAULT_SETTINGS } from '../src/settings';
import { buildWhitelistMatcher } from '../src/whitelists';
import { NOW, days, entry, episodeFacts, movieFacts, seriesFacts, streams } from './fixtures';

const settings = DEFAULT_SETTINGS;
const none = buildWhitelistMatcher([], NOW);

describe('language codes (RULES §4)', () => {
  it('language: a movie with every required audio language has no issue', () => {
    expect(missingLanguageCodes(streams(['fre', 'eng']), settings)).toEqual([]);
  });

  it('language: missing audio languages are listed in the settings order', () => {
    expect(missingLanguageCodes(streams(['spa']), settings)).toEqual(['missing_audio:eng', 'missing_audio:fre']);
  });

  it('language: streams but no audio stream → every required audio language is missing', () => {
    expect(missingLanguageCodes(streams([], ['eng']), settings)).toEqual(['missing_audio:eng', 'missing_audio:fre']);
  });

  it('language: no media source or empty streams → cannot be judged, no issue', () => {
    expect(missingLanguageCodes(null, settings)).toBeNull();
    const result = checkLanguage(movieFacts({ streams: null }), settings, none, NOW);
    expect(result.codes).toEqual([]);
    expect(result.unknownStreams).toBe(1);
  });

  it('language: required subtitles are reported as missing_subtitle', () => {
    const s = { ...settings, requiredSubtitleLanguages: ['fre'] };
    expect(missingLanguageCodes(streams(['eng', 'fre'], ['eng']), s)).toEqual(['missing_subtitle:fre']);
  });

  it('language: forced subtitles count only when countForcedSubtitles', () => {
    const s = { ...settings, requiredSubtitleLanguages: ['fre'] };
    const forcedOnly = streams(['eng', 'fre'], [], ['fre']);
    expect(missingLanguageCodes(forcedOnly, s)).toEqual(['missing_subtitle:fre']);
    expect(missingLanguageCodes(forcedOnly, { ...s, countForcedSubtitles: true })).toEqual([]);
  });

  it('language: original-language-only keeps only the allowed missing audio languages', () => {
    const codes = missingLanguageCodes(streams(['jpn']), settings, {
      originalLanguages: ['fre'],
      subtitlesSuffice: false,
    });
    expect(codes).toEqual(['missing_audio:fre']);
  });

  it('language: subtitles-suffice removes audio languages present as subtitles', () => {
    const codes = missingLanguageCodes(streams(['jpn'], ['eng']), settings, {
      originalLanguages: null,
      subtitlesSuffice: true,
    });
    expect(codes).toEqual(['missing_audio:fre']);
  });

  it('language: whitelists leave missing subtitles untouched', () => {
    const s = { ...settings, requiredSubtitleLanguages: ['eng'] };
    const codes = missingLanguageCodes(streams(['jpn']), s, { originalLanguages: ['fre'], subtitlesSuffice: true });
    expect(codes).toEqual(['missing_audio:fre', 'missing_subtitle:eng']);
  });
});

describe('language window', () => {
  it('language: an item added within languageCheckAddedWithinDays is checked, older ones are not', () => {
    expect(isInLanguageWindow(NOW - days(1500), settings, NOW)).toBe(true);
    expect(isInLanguageWindow(NOW - days(1500) - 1, settings, NOW)).toBe(false);
  });

  it('language: an item with an unknown added date is checked', () => {
    expect(isInLanguageWindow(null, settings, NOW)).toBe(true);
  });

  it('language: languageCheckAddedWithinDays 0 checks every item', () => {
    expect(isInLanguageWindow(NOW - days(100_000), { ...settings, languageCheckAddedWithinDays: 0 }, NOW)).toBe(true);
  });

  it('language: a movie outside the window has no issue', () => {
    const facts = movieFacts({ addedAt: NOW - days(2000), streams: streams([]) });
    expect(checkLanguage(facts, settings, none, NOW).codes).toEqual([]);
  });
});

describe('language per title with whitelists', () => {
  const bad = movieFacts({ streams: streams(['jpn'], ['eng']) });

  it('language: language-exempt removes every language issue', () => {
    const matcher = buildWhitelistMatcher([entry({ type: 'language-exempt' })], NOW);
    expect(checkLanguage(bad, settings, matcher, NOW).codes).toEqual([]);
  });

  it('language: original-language-only without languages means French only', () => {
    const matcher = buildWhitelistMatcher([entry({ type: 'original-language-only' })], NOW);
    expect(checkLanguage(bad, settings, matcher, NOW).codes).toEqual(['missing_audio:fre']);
  });

  it('language: original-language-only then subtitles-suffice apply in order', () => {
    const matcher = buildWhitelistMatcher(
      [entry({ type: 'original-language-only', languages: ['eng'] }), entry({ type: 'subtitles-suffice' })],
      NOW,
    );
    expect(checkLanguage(bad, settings, matcher, NOW).codes).toEqual([]);
  });

  it('language: an expired language exemption no longer applies', () => {
    const matcher = buildWhitelistMatcher([entry({ type: 'language-exempt', expiresAt: NOW - 1 })], NOW);
    expect(checkLanguage(bad, settings, matcher, NOW).codes).toEqual(['missing_audio:eng', 'missing_audio:fre']);
  });
});

describe('language for series', () => {
  const show = seriesFacts({
    episodes: [
      episodeFacts({ id: 'e1', seasonNumber: 1, episodeNumber: 1 }),
      episodeFacts({ id: 'e2', seasonNumber: 1, episodeNumber: 2, name: 'Two', streams: streams(['eng']) }),
      episodeFacts({ id: 'e3', seasonNumber: 2, episodeNumber: 5, name: 'Five', streams: streams(['spa']) }),
      episodeFacts({ id: 'e4', seasonNumber: 2, episodeNumber: 6, streams: null }),
    ],
  });

  it('language: a series has the issue iff some episode does, listing its problem episodes', () => {
    const result = checkLanguage(show, settings, none, NOW);
    expect(result.codes).toEqual(['missing_audio:eng', 'missing_audio:fre']);
    expect(result.problemEpisodes).toEqual([
      { id: 'e2', season: 1, episode: 2, name: 'Two', codes: ['missing_audio:fre'] },
      { id: 'e3', season: 2, episode: 5, name: 'Five', codes: ['missing_audio:eng', 'missing_audio:fre'] },
    ]);
    expect(result.unknownStreams).toBe(1);
  });

  it('language: a series with no episodes has no issue', () => {
    expect(checkLanguage(seriesFacts({ episodes: [] }), settings, none, NOW).codes).toEqual([]);
  });

  it('language: episode-exempt skips only that episode', () => {
    const matcher = buildWhitelistMatcher([entry({ type: 'episode-exempt', kind: 'episode', jellyfinId: 'e3' })], NOW);
    const result = checkLanguage(show, settings, matcher, NOW);
    expect(result.problemEpisodes.map((e) => e.id)).toEqual(['e2']);
    expect(result.codes).toEqual(['missing_audio:fre']);
  });

  it('language: entries on a series apply to every episode', () => {
    const matcher = buildWhitelistMatcher(
      [entry({ type: 'original-language-only', kind: 'series', jellyfinId: 's1', languages: ['eng'] })],
      NOW,
    );
    const result = checkLanguage(show, settings, matcher, NOW);
    expect(result.problemEpisodes.map((e) => e.id)).toEqual(['e3']);
    expect(result.codes).toEqual(['missing_audio:eng']);
  });

  it('language: a language-exempt series has no issue at all', () => {
    const matcher = buildWhitelistMatcher([entry({ type: 'language-exempt', kind: 'series', jellyfinId: 's1' })], NOW);
    expect(checkLanguage(show, settings, matcher, NOW)).toEqual({ codes: [], problemEpisodes: [], unknownStreams: 0 });
  });

  it('language: only episodes inside the added window are checked', () => {
    const old = seriesFacts({ episodes: [episodeFacts({ addedAt: NOW - days(2000), streams: streams([]) })] });
    expect(checkLanguage(old, settings, none, NOW).codes).toEqual([]);
  });

  it('language: episodes are labelled S01E05', () => {
    expect(episodeLabel(1, 5)).toBe('S01E05');
    expect(episodeLabel(12, 105)).toBe('S12E105');
    expect(episodeLabel(null, 3)).toBe('S??E03');
  });
});
