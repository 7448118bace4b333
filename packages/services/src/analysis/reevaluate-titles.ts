import { buildAddedFallback, deriveTitleFacts, type WhitelistEntry } from '@mj/core';
import { findTitlesByKeys, loadLibraryTitles, loadRequests, updateTitleEvaluations } from '@mj/db';
import type { TenantContext } from '../context';
import { evaluateTitle, providerKey } from './evaluate-titles';
import { loadEvaluationInputs, withNicknames } from './inputs';

// The incremental path: a whitelist change only moves the titles its entry matches, so only those are
// re-evaluated (with the same core rules as a full recompute; a parity test proves both agree).

/** Stored titles an entry can match: same kind, and the same Jellyfin id or any same provider id. */
export async function titlesMatchingEntry(ctx: Pick<TenantContext, 'db' | 'tenantId'>, entry: WhitelistEntry) {
  if (entry.type === 'request') return [];
  const isEpisode = entry.type === 'episode-exempt';
  const jellyfinId = isEpisode ? entry.seriesJellyfinId : entry.jellyfinId;
  const keys = (value: string | null | undefined) => {
    const key = providerKey(value);
    return key === null ? [] : [key];
  };
  const rows = await findTitlesByKeys(ctx.db, ctx.tenantId, {
    mediaType: isEpisode ? 'series' : (entry.kind as 'movie' | 'series'),
    ids: jellyfinId ? [jellyfinId] : [],
    tmdb: keys(entry.providerIds.tmdb),
    tvdb: keys(entry.providerIds.tvdb),
    imdb: keys(entry.providerIds.imdb),
  });
  return rows.map((row) => row.id);
}

/** Re-evaluates the given titles against the current snapshot and whitelists, and updates their rows. */
export async function reevaluateTitles(ctx: TenantContext, titleIds: readonly string[]): Promise<void> {
  if (titleIds.length === 0) return;
  const { db, tenantId } = ctx;
  const now = ctx.clock.now();
  const { settings, pointers, matcher, nicknames } = await loadEvaluationInputs(ctx, now);
  const [library, seerr] = await Promise.all([
    loadLibraryTitles(db, tenantId, pointers.librarySnapshotId, titleIds),
    loadRequests(db, tenantId, pointers.requestsSnapshotId, settings.titleLanguage),
  ]);
  // The same Jellyseerr "added" fallback as a full recompute, or the two would disagree (parity test).
  const addedFallback = buildAddedFallback(
    seerr.requests.map((r) => r.media),
    now,
  );
  const facts = deriveTitleFacts(withNicknames(library, nicknames), settings, now, addedFallback);
  await updateTitleEvaluations(
    db,
    tenantId,
    facts.map((title) => evaluateTitle(title, settings, matcher, now).evaluation),
  );
}
