import { WHITELIST_TYPES, type WhitelistType } from '@mj/core';
import { z } from 'zod';
import { PageQuery } from './analysis';
import { Instant } from './common';

export const WhitelistTypeParam = z.enum(WHITELIST_TYPES as [string, ...string[]]);

export const WhitelistParams = z.object({ type: WhitelistTypeParam });
export const WhitelistEntryParams = z.object({ type: WhitelistTypeParam, id: z.string().min(1).max(100) });

/**
 * `itemId`: an `id` from /api/issues or /api/library (episode-exempt: a `problemEpisodes[].id`);
 * `requestId` for the `request` type. `languages` only for `original-language-only`.
 */
export const WhitelistAddBody = z.object({
  itemId: z.string().trim().min(1).max(200).optional(),
  requestId: z.coerce.number().int().positive().optional(),
  expiresAt: Instant.nullable().optional(),
  languages: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
});
export type WhitelistAddBody = z.infer<typeof WhitelistAddBody>;

export const WhitelistPatchBody = z.object({ expiresAt: Instant.nullable() });

export const WhitelistEntry = z.object({
  id: z.string(),
  type: WhitelistTypeParam,
  kind: z.enum(['movie', 'series', 'episode', 'request']),
  /** The Jellyfin id at creation (episode-exempt: the episode's); null for requests. */
  itemId: z.string().nullable(),
  title: z.string(),
  providerIds: z.object({ tmdb: z.string().nullable(), tvdb: z.string().nullable(), imdb: z.string().nullable() }),
  seriesId: z.string().nullable(),
  season: z.number().int().nullable(),
  episode: z.number().int().nullable(),
  requestId: z.number().int().nullable(),
  mediaType: z.enum(['movie', 'tv']).nullable(),
  languages: z.array(z.string()).nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  expired: z.boolean(),
});
export type WhitelistEntry = z.infer<typeof WhitelistEntry>;

export const WhitelistQuery = z.object({ ...PageQuery });

const Count = z.number().int();
/** Entries per whitelist type for the tenant, every type present (the tabs' counts). */
export const WhitelistCounts = z.object({
  content: Count,
  large: Count,
  'language-exempt': Count,
  'original-language-only': Count,
  'subtitles-suffice': Count,
  'episode-exempt': Count,
  request: Count,
} satisfies Record<WhitelistType, typeof Count>);

/** One page of a type's entries, newest first; `total` counts the whole type. */
export const WhitelistList = z.object({
  items: z.array(WhitelistEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: WhitelistCounts,
});

export const WhitelistImportBody = z.object({
  text: z.string().max(200_000),
  confirm: z.boolean().optional(),
  expiresAt: Instant.nullable().optional(),
});
export type WhitelistImportBody = z.infer<typeof WhitelistImportBody>;

const Candidate = z.object({
  itemId: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
  mediaType: z.enum(['movie', 'series']),
});

export const WhitelistImportResult = z.object({
  matched: z.array(z.object({ line: z.string(), itemId: z.string(), title: z.string() })),
  ambiguous: z.array(z.object({ line: z.string(), candidates: z.array(Candidate) })),
  notFound: z.array(z.string()),
  /** With `confirm: true`: the entries saved (matched lines already covered by an active entry are skipped). */
  saved: z.array(WhitelistEntry).optional(),
});
export type WhitelistImportResult = z.infer<typeof WhitelistImportResult>;
