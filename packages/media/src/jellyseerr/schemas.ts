import { z } from 'zod';

// Only consumed fields; Jellyseerr sends explicit nulls and many extra fields.

const requestStatus = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const mediaStatus = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
  z.literal(7),
]);

export const pageInfoSchema = z.object({
  pages: z.number(),
  pageSize: z.number().nullish(),
  results: z.number(),
  page: z.number(),
});

export const mediaSeasonSchema = z.object({
  seasonNumber: z.number(),
  status: mediaStatus,
  // Present on media rows; default to "unknown" if an older server omits it.
  status4k: mediaStatus.nullish(),
});

export const mediaSchema = z.object({
  id: z.number(),
  mediaType: z.enum(['movie', 'tv']),
  tmdbId: z.number().nullish(),
  tvdbId: z.number().nullish(),
  imdbId: z.string().nullish(),
  status: mediaStatus,
  status4k: mediaStatus.nullish(),
  mediaAddedAt: z.string().nullish(),
  /** Absent from request lists (RULES §5); present on /media and /request/{id}. */
  seasons: z.array(mediaSeasonSchema).nullish(),
});

export const userSchema = z.object({
  id: z.number(),
  displayName: z.string().nullish(),
  jellyfinUserId: z.string().nullish(),
  email: z.string().nullish(),
});

export const requestSchema = z.object({
  id: z.number(),
  status: requestStatus,
  type: z.enum(['movie', 'tv']),
  is4k: z.boolean().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  media: mediaSchema,
  requestedBy: userSchema.nullish(),
  seasons: z.array(z.object({ seasonNumber: z.number() })).nullish(),
});

export const requestPageSchema = z.object({ pageInfo: pageInfoSchema, results: z.array(requestSchema) });
export const mediaPageSchema = z.object({ pageInfo: pageInfoSchema, results: z.array(mediaSchema) });
export const userPageSchema = z.object({ pageInfo: pageInfoSchema, results: z.array(userSchema) });

export const statusSchema = z.object({ version: z.string().min(1) });

/** GET /settings/jellyfin/sync: admin-only, so it proves the key is accepted with admin rights. */
export const jellyfinSyncStatusSchema = z.object({ running: z.boolean().nullish() });

export const movieDetailsSchema = z.object({
  title: z.string().nullish(),
  originalTitle: z.string().nullish(),
  releaseDate: z.string().nullish(),
});

export const tvDetailsSchema = z.object({
  name: z.string().nullish(),
  originalName: z.string().nullish(),
  firstAirDate: z.string().nullish(),
  seasons: z.array(z.object({ seasonNumber: z.number(), airDate: z.string().nullish() })).nullish(),
});

export type RequestDto = z.infer<typeof requestSchema>;
export type MediaDto = z.infer<typeof mediaSchema>;
export type UserDto = z.infer<typeof userSchema>;
