import type { TitleDetail } from '@mj/contracts';

// The season choice of the delete dialog: which seasons a series has, what the chosen ones free, and
// the `seasons` of the request body (omitted when every season is chosen: the whole series goes, so
// Sonarr deletes the series rather than episode files one season at a time).

export interface SeasonChoice {
  seasonNumber: number;
  sizeBytes: number;
  episodes: number;
}

/** Numbered seasons only: the API takes season numbers, and specials (no number) go with the series. */
export function seasonChoices(detail: Pick<TitleDetail, 'seasons'>): SeasonChoice[] {
  return detail.seasons
    .filter((s): s is SeasonChoice => s.seasonNumber !== null)
    .sort((a, b) => a.seasonNumber - b.seasonNumber);
}

export function chosenSize(choices: readonly SeasonChoice[], chosen: readonly number[]): number {
  return choices.filter((c) => chosen.includes(c.seasonNumber)).reduce((sum, c) => sum + c.sizeBytes, 0);
}

/** Undefined: the whole title. */
export function seasonsForBody(choices: readonly SeasonChoice[], chosen: readonly number[]): number[] | undefined {
  if (choices.length === 0 || choices.every((c) => chosen.includes(c.seasonNumber))) return undefined;
  return [...chosen].sort((a, b) => a - b);
}

export type CallKey =
  'cleanup.calls.radarr' | 'cleanup.calls.sonarrAll' | 'cleanup.calls.sonarrSeasons' | 'cleanup.calls.jellyfin';

/** Which server the deletion will call, as RULES §9 picks the target (Radarr/Sonarr first). */
export function callKey(managedBy: { app: 'radarr' | 'sonarr' } | null, partial: boolean): CallKey {
  if (managedBy?.app === 'radarr') return 'cleanup.calls.radarr';
  if (managedBy?.app === 'sonarr') return partial ? 'cleanup.calls.sonarrSeasons' : 'cleanup.calls.sonarrAll';
  return 'cleanup.calls.jellyfin';
}
