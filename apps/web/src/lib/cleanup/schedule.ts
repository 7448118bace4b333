// Choices of the delete dialog (RULES §9): when it runs, and when a typed confirmation is required.

export const WHEN_CHOICES = ['default', 'days1', 'days7', 'days30', 'now'] as const;
export type When = (typeof WHEN_CHOICES)[number];

const DAY_MS = 86_400_000;
const DAYS: Record<'days1' | 'days7' | 'days30', number> = { days1: 1, days7: 7, days30: 30 };
const TIB = 1024 ** 4;

/** The body's `executeAt`: undefined keeps the tenant's `leavingSoonDays`; "now" executes at once. */
export function whenToExecuteAt(when: When, now: number): string | undefined {
  if (when === 'default') return undefined;
  if (when === 'now') return new Date(now).toISOString();
  return new Date(now + DAYS[when] * DAY_MS).toISOString();
}

/** More than 10 titles or more than 1 TB at once must be confirmed by typing a word. */
export function needsTypedConfirmation(count: number, sizeBytes: number): boolean {
  return count > 10 || sizeBytes > TIB;
}
