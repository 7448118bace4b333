import type { ArrItem } from '@mj/core';
import {
  checkLanguage,
  isLarge,
  normaliseForSearch,
  oldSince,
  type Ms,
  type Settings,
  type TitleFacts,
  type WhitelistMatcher,
} from '@mj/core';
import type { TitleEvaluation, TitleIssueInsert } from '@mj/db';

// The per-title part of core `evaluateTenant`, kept for EVERY title (core drops titles without an issue;
// the library browser needs them all). A parity test checks both agree on every title core keeps.

export function evaluateTitle(
  facts: TitleFacts,
  settings: Settings,
  matcher: WhitelistMatcher,
  now: Ms,
): { evaluation: TitleEvaluation; unknownStreams: number } {
  const language = checkLanguage(facts, settings, matcher, now);
  const evaluation: TitleEvaluation = {
    id: facts.id,
    oldSince: oldSince(facts, settings, matcher.has('content', facts)),
    isLarge: isLarge(facts, settings, matcher.has('large', facts)),
    hasLanguage: language.codes.length > 0,
    languageCodes: language.codes,
    problemEpisodes: language.problemEpisodes,
    evaluatedAt: now,
  };
  return { evaluation, unknownStreams: language.unknownStreams };
}

/** Provider ids are matched trimmed and case-insensitively (as core whitelists do). */
export const providerKey = (value: string | null | undefined): string | null =>
  value == null || value.trim() === '' ? null : value.trim().toLowerCase();

export function titleRow(
  tenantId: string,
  facts: TitleFacts,
  evaluation: TitleEvaluation,
  nameRank: number,
  /** The Radarr/Sonarr item holding the title, when one does. */
  arrItem: Pick<ArrItem, 'app' | 'arrId'> | null = null,
  unknownStreams = 0,
): TitleIssueInsert {
  return {
    tenantId,
    ...evaluation,
    unknownStreams,
    arrApp: arrItem?.app ?? null,
    arrId: arrItem?.arrId ?? null,
    mediaType: facts.kind,
    title: facts.name,
    year: facts.year,
    libraryId: facts.libraryId,
    tmdbId: providerKey(facts.providerIds.tmdb),
    tvdbId: providerKey(facts.providerIds.tvdb),
    imdbId: providerKey(facts.providerIds.imdb),
    sizeBytes: facts.sizeBytes,
    largestSeasonBytes: facts.largestSeasonBytes,
    addedAt: facts.addedAt,
    lastWatchedAt: facts.lastWatchedAt,
    watched: facts.watched,
    watchedBy: facts.watchedBy,
    playCount: facts.playCount,
    nameRank,
    searchText: normaliseForSearch(facts.name),
  };
}
