// Language (RULES.md §4).
import type { Ms, StreamFacts } from '../model';
import type { Settings } from '../settings';
import type { EpisodeFacts, TitleFacts } from '../facts';
import type { WhitelistMatcher } from '../whitelists';
import { DAY_MS } from '../dates';

export type LanguageSettings = Pick<
  Settings,
  'requiredAudioLanguages' | 'requiredSubtitleLanguages' | 'countForcedSubtitles' | 'languageCheckAddedWithinDays'
>;

/** Title-level whitelist effects (entries on a series apply to every episode). */
export interface LanguagePolicy {
  /** original-language-only: missing audio is limited to these languages; null = no such entry. */
  originalLanguages: readonly string[] | null;
  /** subtitles-suffice: a subtitle in a language satisfies the audio requirement for it. */
  subtitlesSuffice: boolean;
}

export const NO_LANGUAGE_POLICY: LanguagePolicy = { originalLanguages: null, subtitlesSuffice: false };

export const missingAudioCode = (lang: string) => `missing_audio:${lang}`;
export const missingSubtitleCode = (lang: string) => `missing_subtitle:${lang}`;

/**
 * The language issue codes of one movie or episode, in the order of the required lists; null when its
 * streams cannot be judged (no media source or no streams).
 */
export function missingLanguageCodes(
  streams: StreamFacts | null,
  settings: LanguageSettings,
  policy: LanguagePolicy = NO_LANGUAGE_POLICY,
): string[] | null {
  if (!streams) return null;
  const subtitles = new Set(streams.subtitles);
  if (settings.countForcedSubtitles) for (const lang of streams.forcedSubtitles) subtitles.add(lang);
  const audio = new Set(streams.audio);

  let missingAudio = settings.requiredAudioLanguages.filter((lang) => !audio.has(lang));
  if (policy.originalLanguages) {
    const allowed = new Set(policy.originalLanguages);
    missingAudio = missingAudio.filter((lang) => allowed.has(lang));
  }
  if (policy.subtitlesSuffice) missingAudio = missingAudio.filter((lang) => !subtitles.has(lang));
  const missingSubtitles = settings.requiredSubtitleLanguages.filter((lang) => !subtitles.has(lang));

  return [...missingAudio.map(missingAudioCode), ...missingSubtitles.map(missingSubtitleCode)];
}

/** `languageCheckAddedWithinDays` (0 = all); an item with an unknown added date is always checked. */
export function isInLanguageWindow(addedAt: Ms | null, settings: LanguageSettings, now: Ms): boolean {
  const days = settings.languageCheckAddedWithinDays;
  return days === 0 || addedAt === null || addedAt >= now - days * DAY_MS;
}

export interface ProblemEpisode {
  id: string;
  season: number | null;
  episode: number | null;
  name: string;
  codes: string[];
}

export interface LanguageResult {
  /** The title's codes (series: the union over its problem episodes); empty = no language issue. */
  codes: string[];
  /** Series only. */
  problemEpisodes: ProblemEpisode[];
  /** Checked items (the movie or the episodes) whose streams could not be judged. */
  unknownStreams: number;
}

const NO_ISSUE: LanguageResult = { codes: [], problemEpisodes: [], unknownStreams: 0 };

function orderedUnion(settings: LanguageSettings, codeLists: readonly string[][]): string[] {
  const present = new Set(codeLists.flat());
  const order = [
    ...settings.requiredAudioLanguages.map(missingAudioCode),
    ...settings.requiredSubtitleLanguages.map(missingSubtitleCode),
  ];
  return order.filter((code) => present.has(code));
}

function episodeResult(
  episode: EpisodeFacts,
  settings: LanguageSettings,
  policy: LanguagePolicy,
): { problem: ProblemEpisode | null; unknown: boolean } {
  const codes = missingLanguageCodes(episode.streams, settings, policy);
  if (codes === null) return { problem: null, unknown: true };
  if (codes.length === 0) return { problem: null, unknown: false };
  const problem = {
    id: episode.id,
    season: episode.seasonNumber,
    episode: episode.episodeNumber,
    name: episode.name,
    codes,
  };
  return { problem, unknown: false };
}

/** Evaluates the language rule for one movie or series, applying its whitelists in RULES.md order. */
export function checkLanguage(
  facts: TitleFacts,
  settings: LanguageSettings,
  matcher: WhitelistMatcher,
  now: Ms,
): LanguageResult {
  if (matcher.has('language-exempt', facts)) return NO_ISSUE;
  const policy: LanguagePolicy = {
    originalLanguages: matcher.originalLanguages(facts),
    subtitlesSuffice: matcher.has('subtitles-suffice', facts),
  };

  if (facts.kind === 'movie') {
    if (!isInLanguageWindow(facts.addedAt, settings, now)) return NO_ISSUE;
    const codes = missingLanguageCodes(facts.streams, settings, policy);
    return codes === null ? { ...NO_ISSUE, unknownStreams: 1 } : { ...NO_ISSUE, codes };
  }

  const problemEpisodes: ProblemEpisode[] = [];
  let unknownStreams = 0;
  for (const episode of facts.episodes) {
    if (!isInLanguageWindow(episode.addedAt, settings, now)) continue;
    if (matcher.isEpisodeExempt(facts, episode)) continue;
    const { problem, unknown } = episodeResult(episode, settings, policy);
    if (unknown) unknownStreams += 1;
    if (problem) problemEpisodes.push(problem);
  }
  return {
    codes: orderedUnion(
      settings,
      problemEpisodes.map((episode) => episode.codes),
    ),
    problemEpisodes,
    unknownStreams,
  };
}

/** `S01E05`; an unknown number shows as `??`. */
export function episodeLabel(season: number | null, episode: number | null): string {
  const two = (n: number | null) => (n === null ? '??' : String(n).padStart(2, '0'));
  return `S${two(season)}E${two(episode)}`;
}
