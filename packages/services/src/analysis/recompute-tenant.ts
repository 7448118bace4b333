import { type TitleFacts } from '@mj/core';
import { replaceEvaluation } from '@mj/db';
import type { TenantContext } from '../context';
import { evaluateTitle, titleRow } from './evaluate-titles';
import { loadEvaluationInputs } from './inputs';
import { recomputeChanged } from './recompute-changed';
import {
  loadRequestInputs,
  mayMatchRequest,
  nameRanks,
  requestCandidates,
  requestRowsAndState,
  titleFactsInBatches,
  type RecomputeResult,
} from './recompute-parts';

export { RECENT_MAX_DAYS, type RecomputeResult } from './recompute-parts';

export interface RecomputeOptions {
  /**
   * Titles the sync saw change (an added, changed or removed item, or changed watch state); an id no
   * longer in the snapshot is a removed title. Given, only those titles, the titles a request may match
   * and the titles the clock moved are re-derived; the stored result equals a full recompute's.
   */
  changedTitleIds?: Iterable<string>;
}

/**
 * Re-evaluates the tenant's current snapshots with its settings, whitelists and nicknames, and replaces
 * its stored issue rows. The sync calls it right after flipping a snapshot pointer; settings and nickname
 * changes call it in the same request.
 */
export async function recomputeTenant(ctx: TenantContext, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  const { db, tenantId } = ctx;
  const now = ctx.clock.now();
  const inputs = await loadEvaluationInputs(ctx, now);
  if (options.changedTitleIds) {
    const result = await recomputeChanged(ctx, inputs, now, options.changedTitleIds);
    if (result) return result;
  }
  const { settings, pointers, matcher, nicknames } = inputs;
  const { seerr, arr, wanted, addedFallback } = await loadRequestInputs(db, tenantId, pointers, settings, now);

  // Titles are derived and evaluated in batches, so memory holds one batch of the library (with its
  // episodes' streams) at a time, not all of it. Facts are kept only for titles a request may match.
  const titles: ReturnType<typeof titleRow>[] = [];
  const requestFacts: TitleFacts[] = [];
  const names: { key: string; name: string }[] = [];
  let unknownStreams = 0;
  for await (const facts of titleFactsInBatches(
    db,
    tenantId,
    pointers.librarySnapshotId,
    settings,
    nicknames,
    addedFallback,
    now,
  )) {
    for (const title of facts) {
      const { evaluation, unknownStreams: unknown } = evaluateTitle(title, settings, matcher, now);
      unknownStreams += unknown;
      titles.push(titleRow(tenantId, title, evaluation, 0, arr.match(title), unknown));
      names.push({ key: title.id, name: title.name });
      if (mayMatchRequest(title, wanted)) requestFacts.push(title);
    }
  }
  const { issues, recent } = requestCandidates(seerr.requests, requestFacts, settings, matcher, nicknames, now);
  const ranks = nameRanks([
    ...names,
    ...issues.map((issue) => ({ key: `request:${issue.requestId}`, name: issue.title })),
  ]);
  for (const row of titles) row.nameRank = ranks.get(row.id) ?? 0;
  await replaceEvaluation(db, tenantId, {
    titles,
    ...requestRowsAndState(tenantId, { issues, recent, ranks, pointers, unknownStreams, now }),
  });
  ctx.log.info(
    { tenantId, titles: titles.length, requests: issues.length, recent: recent.length },
    'analysis recomputed',
  );
  return { titles: titles.length, requests: issues.length, recent: recent.length, unknownStreams };
}
