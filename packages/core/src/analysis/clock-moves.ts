import { DAY_MS } from '../dates';
import type { Ms } from '../model';

/** A half-open instant range `(from, to]`. */
export interface InstantRange {
  from: Ms;
  to: Ms;
}

/**
 * Where a title's dates must lie for the clock alone to have moved its evaluation between two
 * evaluations at `since` and `now` (`since <= now`): an item's `addedAt` that left the language window
 * (`isInLanguageWindow`, 0 days = no window) or became valid (`validDateOrNull`: at most a day ahead),
 * and a watch record's `lastPlayedAt` that became valid. Everything else evaluates the same.
 */
export function clockMovedRanges(
  since: Ms,
  now: Ms,
  languageCheckAddedWithinDays: number,
): { added: InstantRange[]; played: InstantRange[] } {
  if (now <= since) return { added: [], played: [] };
  const becameValid: InstantRange = { from: since + DAY_MS, to: now + DAY_MS };
  const added = [becameValid];
  if (languageCheckAddedWithinDays > 0) {
    const window = languageCheckAddedWithinDays * DAY_MS;
    // In the window iff addedAt >= now − window: left it iff since − window <= addedAt < now − window.
    added.push({ from: since - window - 1, to: now - window - 1 });
  }
  return { added, played: [becameValid] };
}
