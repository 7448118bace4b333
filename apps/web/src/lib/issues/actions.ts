import type { IssueItem, WhitelistType } from '@mj/contracts';

/** An inline action on an issue row, and the whitelist it adds an entry to. */
export type IssueAction =
  | 'protect'
  | 'keep-large'
  | 'exempt-language'
  | 'original-language-only'
  | 'subtitles-suffice'
  | 'hide-request'
  | 'exempt-episode';

export const WHITELIST_OF: Record<IssueAction, WhitelistType> = {
  protect: 'content',
  'keep-large': 'large',
  'exempt-language': 'language-exempt',
  'original-language-only': 'original-language-only',
  'subtitles-suffice': 'subtitles-suffice',
  'hide-request': 'request',
  'exempt-episode': 'episode-exempt',
};

/** The actions that resolve a row's issues, in the order they are offered. */
export function actionsFor(item: IssueItem): IssueAction[] {
  const kinds = new Set(item.issues.map((issue) => issue.kind));
  const actions: IssueAction[] = [];
  if (kinds.has('old')) actions.push('protect');
  if (kinds.has('large')) actions.push('keep-large');
  if (kinds.has('language')) actions.push('exempt-language', 'original-language-only', 'subtitles-suffice');
  if (kinds.has('request') && item.request) actions.push('hide-request');
  return actions;
}

/** In the library every title can be protected (content whitelist), issue or not. */
export function libraryActionsFor(item: IssueItem): IssueAction[] {
  const actions = actionsFor(item);
  return actions.includes('protect') ? actions : ['protect', ...actions];
}

/**
 * What a selection of titles can get at once: every whitelist that takes an item id. Request rows
 * (`request:<id>`) have no library item and are left out of a bulk action.
 */
export const BULK_ACTIONS: readonly IssueAction[] = [
  'protect',
  'keep-large',
  'exempt-language',
  'original-language-only',
  'subtitles-suffice',
];

export function bulkItems(items: readonly IssueItem[]): IssueItem[] {
  return items.filter((item) => !item.id.startsWith('request:'));
}

export const DURATIONS = ['permanent', 'week', 'month', 'months3', 'months6', 'custom'] as const;
export type Duration = (typeof DURATIONS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
// RULES.md: a month is 30 days.
const DURATION_DAYS: Record<Exclude<Duration, 'permanent' | 'custom'>, number> = {
  week: 7,
  month: 30,
  months3: 90,
  months6: 180,
};

/**
 * The entry's expiry: null for permanent, an instant otherwise. A custom date (`YYYY-MM-DD`) expires at
 * the end of that day in the viewer's zone; a date that is not in the future is refused (null result
 * with `invalid`).
 */
export function expiryFor(
  duration: Duration,
  now: number,
  customDate?: string,
): { expiresAt: string | null } | { invalid: true } {
  if (duration === 'permanent') return { expiresAt: null };
  if (duration !== 'custom') return { expiresAt: new Date(now + DURATION_DAYS[duration] * DAY_MS).toISOString() };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(customDate ?? '');
  if (!match) return { invalid: true };
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  if (Number.isNaN(end.getTime()) || end.getTime() <= now) return { invalid: true };
  return { expiresAt: end.toISOString() };
}

/** The body of `POST /api/whitelists/{type}` for an action on a row (or one of its episodes). */
export function whitelistBody(
  action: IssueAction,
  item: IssueItem,
  expiresAt: string | null,
  episodeId?: string,
): { itemId?: string; requestId?: number; expiresAt?: string } {
  const expiry = expiresAt ? { expiresAt } : {};
  if (action === 'hide-request') return { requestId: item.request!.requestId, ...expiry };
  if (action === 'exempt-episode') return { itemId: episodeId!, ...expiry };
  return { itemId: item.id, ...expiry };
}

/** `missing_audio:fre` → { type: 'audio', language: 'fre' }; anything else is kept raw. */
export function parseIssueCode(code: string): { type: 'audio' | 'subtitle'; language: string } | { raw: string } {
  const match = /^missing_(audio|subtitle):(.+)$/.exec(code);
  if (!match) return { raw: code };
  return { type: match[1] as 'audio' | 'subtitle', language: match[2]! };
}

/** `S01E05`, or `S01` / `E05` / `—` when a number is unknown. */
export function episodeLabel(season: number | null, episode: number | null): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const parts = [season === null ? '' : `S${pad(season)}`, episode === null ? '' : `E${pad(episode)}`].join('');
  return parts || '—';
}
