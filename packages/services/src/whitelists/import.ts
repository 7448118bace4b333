import { findDuplicate, matchImportLines, type WhitelistEntry, type WhitelistType } from '@mj/core';
import type { WhitelistEntry as WhitelistEntryDto, WhitelistImportBody, WhitelistImportResult } from '@mj/contracts';
import { insertWhitelistRows, listTitleNames, listWhitelistRows, deleteWhitelistRows } from '@mj/db';
import type { TenantContext } from '../context';
import { invalid } from '../errors';
import { reevaluateTitles, titlesMatchingEntry } from '../analysis/reevaluate-titles';
import { toCoreEntry, toEntryDto } from './entry-mapping';
import { titleDraft } from './resolve-item';
import { buildEntry, parseExpiry, toInsert } from './whitelists';

// Bulk import (RULES.md §7): pasted titles matched against the library; saved only with `confirm`.

const IMPORTABLE = new Set<WhitelistType>([
  'content',
  'large',
  'language-exempt',
  'original-language-only',
  'subtitles-suffice',
]);

export async function importWhitelist(
  ctx: TenantContext,
  type: WhitelistType,
  body: WhitelistImportBody,
): Promise<WhitelistImportResult> {
  if (!IMPORTABLE.has(type))
    throw invalid('import_not_supported', `The ${type} whitelist takes single items, not a pasted list of titles.`);
  const now = ctx.clock.now();
  const expiresAt = parseExpiry(body.expiresAt, now);
  const titles = await listTitleNames(ctx.db, ctx.tenantId);
  const preview = matchImportLines(body.text, titles);
  const result: WhitelistImportResult = {
    matched: preview.matched.map(({ line, title }) => ({ line, itemId: title.id, title: title.name })),
    ambiguous: preview.ambiguous.map(({ line, candidates }) => ({
      line,
      candidates: candidates.map((c) => ({ itemId: c.id, title: c.name, year: c.year, mediaType: c.kind })),
    })),
    notFound: preview.notFound,
  };
  if (!body.confirm) return result;

  const existing = (await listWhitelistRows(ctx.db, ctx.tenantId, type)).map(toCoreEntry);
  const created: WhitelistEntry[] = [];
  const replaced: string[] = [];
  for (const { title } of preview.matched) {
    const entry = buildEntry(await titleDraft(ctx, type, title.id), expiresAt, null, now);
    const duplicate = findDuplicate([...existing, ...created], entry, now);
    // An item already protected is simply skipped: the import is idempotent.
    if (duplicate.outcome === 'conflict') continue;
    if (duplicate.outcome === 'replace') replaced.push(...duplicate.entries.map((e) => e.id));
    created.push(entry);
  }
  await deleteWhitelistRows(ctx.db, ctx.tenantId, replaced);
  const rows = created.map((entry) => toInsert(ctx.tenantId, entry));
  await insertWhitelistRows(ctx.db, rows);
  const affected = new Set<string>();
  for (const entry of created) for (const id of await titlesMatchingEntry(ctx, entry)) affected.add(id);
  await reevaluateTitles(ctx, [...affected]);
  const saved: WhitelistEntryDto[] = rows.map((row) => toEntryDto(row as never, now));
  return { ...result, saved };
}
