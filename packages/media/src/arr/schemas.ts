import { z } from 'zod';

// The parts of Radarr v3 / Sonarr v3 responses the product reads (official API descriptions in
// shared/contracts/arr). Unknown fields are ignored; what is read is validated.

export const systemStatusSchema = z.object({
  appName: z.string().nullish(),
  instanceName: z.string().nullish(),
  version: z.string().nullish(),
});

const tags = z.array(z.number().int()).nullish();

/** What a Radarr movie and a Sonarr series have in common; each schema adds its own fields. */
const arrItemBase = z.object({
  id: z.number().int(),
  title: z.string().nullish(),
  year: z.number().int().nullish(),
  tmdbId: z.number().int().nullish(),
  imdbId: z.string().nullish(),
  qualityProfileId: z.number().int(),
  rootFolderPath: z.string().nullish(),
  path: z.string().nullish(),
  monitored: z.boolean(),
  tags,
});

export const radarrMovieSchema = arrItemBase.extend({
  sizeOnDisk: z.number().nullish(),
  hasFile: z.boolean().nullish(),
});
export type RadarrMovie = z.infer<typeof radarrMovieSchema>;

export const sonarrSeasonSchema = z.object({
  seasonNumber: z.number().int(),
  monitored: z.boolean(),
});

export const sonarrSeriesSchema = arrItemBase.extend({
  tvdbId: z.number().int().nullish(),
  seasons: z.array(sonarrSeasonSchema).nullish(),
  statistics: z.object({ sizeOnDisk: z.number().nullish() }).nullish(),
});
export type SonarrSeries = z.infer<typeof sonarrSeriesSchema>;

export const episodeFileSchema = z.object({
  id: z.number().int(),
  seriesId: z.number().int(),
  seasonNumber: z.number().int(),
  size: z.number().nullish(),
});
export type EpisodeFile = z.infer<typeof episodeFileSchema>;

export const commandSchema = z.object({ id: z.number().int(), name: z.string().nullish() });
