import {
  findDuplicate,
  isValidExpiry,
  isoOrNull,
  MAX_INSTANT_MS,
  normaliseLanguageList,
  purgeCutoff,
  WHITELIST_TYPES,
  type WhitelistEntry,
  type WhitelistType,
} from '@mj/core';
import type { WhitelistAddBody, WhitelistEntry as WhitelistEntryDto } from '@mj/contracts';
import {
  countWhitelistRows,
  deleteWhitelistRows,
  findWhitelistRow,
  insertWhitelistRow,
  listWhitelistRows,
  newId,
  pageWhitelistRows,
  purgeWhitelistRows,
  updateWhitelistExpiry,
  type WhitelistInsert,
  type WhitelistRow,
  providerIdColumns,
} from '@mj/db';
import type { TenantContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { loadSettings } from '../analysis/inputs';
import { refreshExpiredEntries } from '../analysis/refresh-expired';
import { reevaluateTitles, titlesMatchingEntry } from '../analysis/reevaluate-titles';
import { toCoreEntry, toEntryDto } from './entry-mapping';
import { resolveDraft, type EntryDraft } from './resolve-item';

// Whitelists (RULES.md §7). Every change re-evaluates only the titles the entry matches, in the same
// request; request entries act at read time and need no re-evaluation.

export type Instant = string | number;

const fieldError = (field: string, message: string) =>
  invalid('validation_error', `Invalid body: ${field}: ${message}`, [{ field, message }]);

/** An API instant (ISO date-time, ISO date = midnight UTC, or epoch ms) as a valid future expiry. */
export function parseExpiry(input: Instant | null | undefined, now: number): number | null {
  if (input === null || input === undefined) return null;
  const ms = typeof input === 'number' ? input : Date.parse(input);
  if (!Number.isFinite(ms) || ms > MAX_INSTANT_MS)
    throw fieldError('expiresAt', 'expiresAt must be a date before 10000');
  if (!isValidExpiry(ms, now)) throw fieldError('expiresAt', 'expiresAt must be in the future');
  return ms;
}

function parseLanguages(type: WhitelistType, input: readonly string[] | undefined): string[] | null {
  if (input === undefined || input.length === 0) return null;
  if (type !== 'original-language-only')
    throw fieldError('languages', 'languages only apply to original-language-only');
  const { codes, unknown } = normaliseLanguageList(input);
  if (unknown.length > 0) throw fieldError('languages', `unknown language code: ${unknown.join(', ')}`);
  return codes;
}

export function toInsert(tenantId: string, entry: WhitelistEntry): WhitelistInsert {
  return {
    id: entry.id,
    tenantId,
    type: entry.type,
    kind: entry.kind,
    jellyfinId: entry.jellyfinId,
    ...providerIdColumns(entry.providerIds),
    title: entry.title,
    seriesJellyfinId: entry.seriesJellyfinId ?? null,
    seasonNumber: entry.seasonNumber ?? null,
    episodeNumber: entry.episodeNumber ?? null,
    requestId: entry.requestId ?? null,
    mediaType: entry.mediaType ?? null,
    languages: entry.languages ?? null,
    expiresAt: entry.expiresAt,
    expiryApplied: false,
    createdAt: entry.createdAt,
  };
}

export function buildEntry(
  draft: EntryDraft,
  expiresAt: number | null,
  languages: string[] | null,
  now: number,
): WhitelistEntry {
  return { ...draft, id: newId(now), expiresAt, languages, createdAt: now };
}

async function reevaluateFor(ctx: TenantContext, entries: readonly WhitelistEntry[]): Promise<void> {
  const ids = new Set<string>();
  for (const entry of entries) for (const id of await titlesMatchingEntry(ctx, entry)) ids.add(id);
  await reevaluateTitles(ctx, [...ids]);
}

const TYPE_LABEL: Record<WhitelistType, string> = {
  content: 'content',
  large: 'large',
  'language-exempt': 'language-exempt',
  'original-language-only': 'original-language-only',
  'subtitles-suffice': 'subtitles-suffice',
  'episode-exempt': 'episode-exempt',
  request: 'request',
};

export function duplicateError(entry: WhitelistEntry) {
  return conflict(
    'whitelist_duplicate',
    `"${entry.title}" is already on the ${TYPE_LABEL[entry.type]} whitelist${entry.expiresAt ? ' until ' + isoOrNull(entry.expiresAt) : ''}.`,
    { entryId: entry.id },
  );
}

export interface WhitelistPage {
  items: WhitelistEntryDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Entries per type, every type present, so the page's tabs need no other request. */
  counts: Record<WhitelistType, number>;
}

/**
 * One page of a type's entries (expired ones marked), newest first, after purging those expired for too
 * long. Expiries are applied first: a purged entry's titles must have been re-evaluated, else they would
 * stay protected until the next sync.
 */
export async function listWhitelist(
  ctx: TenantContext,
  type: WhitelistType,
  paging: { page: number; pageSize: number },
): Promise<WhitelistPage> {
  const now = ctx.clock.now();
  const cutoff = purgeCutoff(now, (await loadSettings(ctx)).purgeExpiredAfterDays);
  if (cutoff !== null) {
    await refreshExpiredEntries(ctx);
    await purgeWhitelistRows(ctx.db, ctx.tenantId, cutoff);
  }
  const [rows, found] = await Promise.all([
    pageWhitelistRows(ctx.db, ctx.tenantId, {
      type,
      offset: (paging.page - 1) * paging.pageSize,
      limit: paging.pageSize,
    }),
    countWhitelistRows(ctx.db, ctx.tenantId),
  ]);
  const counts = Object.fromEntries(WHITELIST_TYPES.map((t) => [t, found[t] ?? 0])) as Record<WhitelistType, number>;
  return { items: rows.map((row) => toEntryDto(row, now)), total: counts[type], ...paging, counts };
}

export async function addWhitelistEntry(
  ctx: TenantContext,
  type: WhitelistType,
  body: WhitelistAddBody,
): Promise<WhitelistEntryDto> {
  const now = ctx.clock.now();
  const expiresAt = parseExpiry(body.expiresAt, now);
  const languages = parseLanguages(type, body.languages);
  const entry = buildEntry(await resolveDraft(ctx, type, body), expiresAt, languages, now);
  const existing = (await listWhitelistRows(ctx.db, ctx.tenantId, type)).map(toCoreEntry);
  const duplicate = findDuplicate(existing, entry, now);
  if (duplicate.outcome === 'conflict') throw duplicateError(duplicate.entry);
  const replaces = duplicate.outcome === 'replace' ? duplicate.entries.map((e) => e.id) : [];
  const row = toInsert(ctx.tenantId, entry);
  await insertWhitelistRow(ctx.db, row, replaces);
  await reevaluateFor(ctx, [entry]);
  return toEntryDto(row as WhitelistRow, now);
}

async function ownEntry(ctx: TenantContext, type: WhitelistType, id: string): Promise<WhitelistRow> {
  const row = await findWhitelistRow(ctx.db, ctx.tenantId, id);
  if (!row || row.type !== type) throw notFound('whitelist_entry_not_found', `No ${type} whitelist entry ${id}.`);
  return row;
}

export async function removeWhitelistEntry(ctx: TenantContext, type: WhitelistType, id: string): Promise<void> {
  const row = await ownEntry(ctx, type, id);
  await deleteWhitelistRows(ctx.db, ctx.tenantId, [row.id]);
  await reevaluateFor(ctx, [toCoreEntry(row)]);
}

export async function updateWhitelistEntry(
  ctx: TenantContext,
  type: WhitelistType,
  id: string,
  expiresAtInput: Instant | null,
): Promise<WhitelistEntryDto> {
  const now = ctx.clock.now();
  const expiresAt = parseExpiry(expiresAtInput, now);
  const row = await ownEntry(ctx, type, id);
  await updateWhitelistExpiry(ctx.db, ctx.tenantId, id, expiresAt);
  const updated = { ...row, expiresAt, expiryApplied: false };
  await reevaluateFor(ctx, [toCoreEntry(updated)]);
  return toEntryDto(updated, now);
}
