import { z } from 'zod';
import { IssueItem } from './analysis';

/** Poster widths the API serves (CSS px x device pixel ratio of the web's thumbnails); others are 400. */
export const IMAGE_WIDTHS = [80, 160, 320, 640] as const;

export const ItemImageQuery = z.object({
  width: z.coerce
    .number()
    .int()
    .refine((w): w is (typeof IMAGE_WIDTHS)[number] => (IMAGE_WIDTHS as readonly number[]).includes(w), {
      message: `width must be one of ${IMAGE_WIDTHS.join(', ')}`,
    })
    .default(160),
});
export type ItemImageQuery = z.infer<typeof ItemImageQuery>;

const Streams = z.object({
  audio: z.array(z.string()),
  subtitles: z.array(z.string()),
  forcedSubtitles: z.array(z.string()),
});

/** A media source of an item with several (e.g. 1080p and 2160p files); its size is null when unknown. */
const Version = z.object({ name: z.string().nullable(), sizeBytes: z.number().nullable() });

/** `GET /api/items/{id}`: everything the title page shows, from the current snapshot and evaluation. */
export const TitleDetail = z.object({
  item: IssueItem,
  /** Each issue with the rule (RULES.md) and the tenant's threshold that raised it. */
  rules: z.array(
    z.object({
      kind: z.enum(['old', 'large', 'language']),
      rule: z.string(),
      threshold: z.string(),
    }),
  ),
  /** Movies: their own streams (null: cannot be judged). Series: null, see `episodes`. */
  streams: Streams.nullable(),
  /** Movies: each version with its size when there are two or more; else empty (the item is one file). */
  versions: z.array(Version),
  seasons: z.array(
    z.object({ seasonNumber: z.number().int().nullable(), episodes: z.number().int(), sizeBytes: z.number() }),
  ),
  episodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      seasonNumber: z.number().int().nullable(),
      episodeNumber: z.number().int().nullable(),
      sizeBytes: z.number().nullable(),
      streams: Streams.nullable(),
      /** As `versions`, for this episode. */
      versions: z.array(Version),
    }),
  ),
  watchers: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      played: z.boolean(),
      playCount: z.number().int(),
      lastPlayedAt: z.string().nullable(),
    }),
  ),
  /** Active whitelist entries matching the title, by type. */
  whitelist: z.array(z.object({ id: z.string(), type: z.string(), expiresAt: z.string().nullable() })),
  requests: z.array(
    z.object({
      id: z.number().int(),
      status: z.number().int(),
      is4k: z.boolean(),
      requestedAt: z.string().nullable(),
      seasons: z.array(z.number().int()),
    }),
  ),
  /** The open (scheduled or executing) deletion of this title, if any. */
  deletion: z
    .object({
      id: z.string(),
      status: z.string(),
      executeAt: z.string().nullable(),
      seasons: z.array(z.number().int()).nullable(),
    })
    .nullable(),
});
export type TitleDetail = z.infer<typeof TitleDetail>;
