// Old / unwatched (RULES.md §2).
import type { Ms } from '../model';
import type { Settings } from '../settings';
import type { TitleFacts } from '../facts';
import { MONTH_MS } from '../dates';

/** `oldSince` of a title that is old whatever the time (unknown dates). */
export const OLD_ALWAYS: Ms = Number.MIN_SAFE_INTEGER;

export type OldFacts = Pick<TitleFacts, 'watched' | 'lastWatchedAt' | 'addedAt'>;
export type OldSettings = Pick<Settings, 'oldAfterMonths' | 'minAgeMonths'>;

/**
 * The first instant at which the title counts as old (old iff `now >= oldSince`), or null when it never
 * will (protected). Stored with the issue rows so reads evaluate "old" without re-running the rules.
 * Dates are integer milliseconds, so the strict rule `lastWatchedAt < now − oldAfter` becomes
 * `now >= lastWatchedAt + oldAfter + 1`.
 */
export function oldSince(facts: OldFacts, settings: OldSettings, isProtected: boolean): Ms | null {
  if (isProtected) return null;
  if (!facts.watched) {
    return facts.addedAt === null ? OLD_ALWAYS : facts.addedAt + settings.minAgeMonths * MONTH_MS;
  }
  if (facts.lastWatchedAt === null) return OLD_ALWAYS;
  return facts.lastWatchedAt + settings.oldAfterMonths * MONTH_MS + 1;
}

/** Whether a title is old at `now` (RULES.md §2, rules 1–4). */
export function isOld(facts: OldFacts, settings: OldSettings, isProtected: boolean, now: Ms): boolean {
  return isOldAt(oldSince(facts, settings, isProtected), now);
}

/** The read-time predicate over a stored `oldSince`. */
export function isOldAt(since: Ms | null, now: Ms): boolean {
  return since !== null && now >= since;
}
