// RULES §8: a sync that would drop more than half of a library of 50+ items is almost always a drive
// that went offline, not a purge. Such a snapshot is not applied unless the user allows it.
export const SHRINK_GUARD_MIN_ITEMS = 50;

export function shrinkGuardMessage(previous: number, next: number, allowShrink: boolean): string | null {
  if (allowShrink || previous < SHRINK_GUARD_MIN_ITEMS || next >= previous / 2) return null;
  return `Library shrank from ${previous} to ${next} items: is a drive offline? Nothing was changed. If the removal is intended, run the sync again with "apply anyway".`;
}
